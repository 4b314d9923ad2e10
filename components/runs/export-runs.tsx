"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ExportFormat } from "@/lib/export/export-format";
import type { ExportEstimate } from "@/lib/export/export-service";
import { formatCount } from "@/lib/format/numbers";
import { ApiFailure, parseAppErrorBody } from "@/lib/model/app-error-body";
import type { LogsQuery } from "@/lib/model/queries";
import { fetchOwnApi } from "@/lib/query/fetch-own-api";

interface ExportRunsProps {
  workflowId: string;
  query: LogsQuery;
}

type Progress =
  | { state: "running"; format: ExportFormat; written: number; rows: number }
  | { state: "done"; rows: number }
  | { state: "stopped"; message: string };

const FORMAT_LABELS: Record<ExportFormat, string> = { csv: "CSV", jsonl: "JSON Lines" };

function exportPath(workflowId: string, query: LogsQuery, extra: Record<string, string>): string {
  const params = new URLSearchParams(extra);
  if (query.status) params.set("status", query.status);
  if (query.after) params.set("after", query.after);
  return `/api/workflows/${encodeURIComponent(workflowId)}/export?${params}`;
}

function newlines(chunk: Uint8Array): number {
  let count = 0;
  for (const byte of chunk) if (byte === 10) count += 1;
  return count;
}

/** Hands a finished file to the browser's downloads, under the name the server gave it. */
function saveFile(parts: BlobPart[], type: string, name: string) {
  const href = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(href), 0);
}

/**
 * Export the whole filtered set of runs, not just this page: the cost in LeadLex calls is asked
 * first and shown before anything is spent (with a confirmation above 20 % of the calls left
 * today); the file is read as it streams, so a bar shows the rows received of the rows expected
 * and Cancel stops the export (and, on the server, its calls).
 */
export function ExportRuns({ workflowId, query }: ExportRunsProps) {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [estimate, setEstimate] = useState<ExportEstimate | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  async function toggle() {
    if (open) return setOpen(false);
    setOpen(true);
    setProblem(null);
    try {
      setEstimate(
        await fetchOwnApi<ExportEstimate>(exportPath(workflowId, query, { estimate: "1" })),
      );
    } catch (error) {
      setProblem(error instanceof ApiFailure ? error.message : "The export's cost is unknown.");
    }
  }

  async function download(format: ExportFormat) {
    const controller = new AbortController();
    running.current = controller;
    const extra: Record<string, string> = { format };
    if (confirmed) extra.confirm = "1";
    setProgress({ state: "running", format, written: 0, rows: estimate?.rows ?? 0 });
    try {
      const response = await fetch(exportPath(workflowId, query, extra), {
        signal: controller.signal,
      });
      if (!response.ok || !response.body) {
        const body = parseAppErrorBody(await response.json().catch(() => null));
        throw new Error(body?.error.message ?? "The export could not start.");
      }
      const rows = Number(response.headers.get("X-Export-Rows") ?? 0);
      const reader = response.body.getReader();
      const parts: Uint8Array[] = [];
      // A CSV starts with its header line; a quoted message may hold a newline, hence the cap.
      let lines = format === "csv" ? -1 : 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        lines += newlines(value);
        setProgress({ state: "running", format, written: Math.min(rows, lines), rows });
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "");
      saveFile(
        parts as BlobPart[],
        response.headers.get("Content-Type") ?? "",
        name?.[1] ?? "runs",
      );
      setProgress({ state: "done", rows });
    } catch (error) {
      setProgress({
        state: "stopped",
        message: controller.signal.aborted
          ? "Export cancelled."
          : `The export stopped: ${error instanceof Error ? error.message : "unknown failure"}`,
      });
    } finally {
      running.current = null;
    }
  }

  const busy = progress?.state === "running";
  const blocked = estimate?.needsConfirmation === true && !confirmed;
  return (
    <div className="relative">
      <Button aria-expanded={open} aria-controls={panelId} onClick={toggle}>
        Export…
      </Button>
      {open ? (
        <section
          id={panelId}
          aria-label="Export runs"
          className="absolute right-0 z-20 mt-2 w-80 max-w-[calc(100vw-2rem)] space-y-3 rounded-md border border-slate-200 bg-white p-4 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {problem ? <p role="alert">{problem}</p> : null}
          {!estimate && !problem ? <p>Asking what the export costs…</p> : null}
          {estimate ? (
            <>
              <p data-testid="export-cost">
                {formatCount(estimate.rows)} run{estimate.rows === 1 ? "" : "s"} for these filters:{" "}
                <strong>
                  {formatCount(estimate.calls)} LeadLex call{estimate.calls === 1 ? "" : "s"}
                </strong>
                {estimate.remainingToday === null
                  ? "."
                  : ` of ${formatCount(estimate.remainingToday)} left today.`}
              </p>
              {estimate.capped ? (
                <p>
                  Only the newest {formatCount(estimate.rowCap)} of {formatCount(estimate.total)}{" "}
                  runs: narrow the status or After filter for the rest.
                </p>
              ) : null}
              {estimate.needsConfirmation ? (
                <label className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    checked={confirmed}
                    onChange={(event) => setConfirmed(event.target.checked)}
                    className="mt-0.5"
                  />
                  <span>
                    Spend {formatCount(estimate.calls)} calls, more than 20 % of today&apos;s
                  </span>
                </label>
              ) : null}
              <div className="flex flex-wrap gap-2">
                {(["csv", "jsonl"] as const).map((format) => (
                  <Button
                    key={format}
                    variant="primary"
                    disabled={busy || blocked}
                    onClick={() => download(format)}
                  >
                    Download {FORMAT_LABELS[format]}
                  </Button>
                ))}
              </div>
            </>
          ) : null}
          <ExportProgress progress={progress} onCancel={() => running.current?.abort()} />
        </section>
      ) : null}
    </div>
  );
}

function ExportProgress({
  progress,
  onCancel,
}: {
  progress: Progress | null;
  onCancel: () => void;
}) {
  if (progress === null) return null;
  if (progress.state === "stopped") return <p role="status">{progress.message}</p>;
  if (progress.state === "done") {
    return <p role="status">Exported {formatCount(progress.rows)} runs.</p>;
  }
  return (
    <div className="space-y-2">
      <label className="block">
        <span>
          {FORMAT_LABELS[progress.format]}: {formatCount(progress.written)} of{" "}
          {formatCount(progress.rows)} runs
        </span>
        <progress className="mt-1 block w-full" value={progress.written} max={progress.rows || 1} />
      </label>
      <Button onClick={onCancel}>Cancel export</Button>
    </div>
  );
}
