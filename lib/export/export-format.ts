/**
 * How one run is written in an export: the CSV columns (flat, for a spreadsheet) and the JSON
 * Lines object (Runboard's own run shape, whole). CSV goes through csv-stringify with its formula
 * escaping, so a cell a spreadsheet would run (`=`, `+`, `-`, `@` first) arrives as text.
 */
import { stringify } from "csv-stringify/sync";
import type { Run } from "@/lib/model/run";

export const exportFormats = ["csv", "jsonl"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (exportFormats as readonly string[]).includes(value);
}

export const CSV_COLUMNS = [
  "run_id",
  "workflow_id",
  "triggered_at",
  "status",
  "entity_type",
  "entity_id",
  "error_code",
  "error_message",
  "skip_reason",
  "duration_ms",
  "action_result",
] as const;

function csvCells(run: Run): (string | number | null)[] {
  return [
    run.id,
    run.workflowId,
    run.triggeredAt,
    run.status,
    run.entityType,
    run.entityId,
    run.error?.code ?? null,
    run.error?.message ?? null,
    run.skipReason,
    run.durationMs,
    run.actionResult === null || run.actionResult === undefined
      ? null
      : JSON.stringify(run.actionResult),
  ];
}

const CSV_OPTIONS = { escape_formulas: true, cast: { number: String } } as const;

export function csvHeader(): string {
  return stringify([[...CSV_COLUMNS]], CSV_OPTIONS);
}

/** One page of runs as text in the chosen format, each row ending with a newline. */
export function formatRuns(runs: readonly Run[], format: ExportFormat): string {
  if (runs.length === 0) return "";
  if (format === "jsonl") return runs.map((run) => `${JSON.stringify(run)}\n`).join("");
  return stringify(runs.map(csvCells), CSV_OPTIONS);
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
};
