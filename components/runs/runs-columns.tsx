"use client";

import { createColumnHelper, rowExpandingFeature, tableFeatures } from "@tanstack/react-table";
import { DateTimeWithAge } from "@/components/time/date-time-with-age";
import { useTime } from "@/components/time/time-provider";
import { ChevronIcon } from "@/components/ui/icons/chevron-icon";
import { formatDuration } from "@/lib/format/numbers";
import { markHiddenCharacters } from "@/lib/text/hidden-characters";
import type { Run } from "@/lib/model/run";
import { RunStatusBadge } from "./run-status";

/** Per-page facts the cells need: the longest duration on the page scales the duration bars. */
export interface RunsTableMeta {
  maxDurationMs: number;
  /** Names for the Workflow column, where a table shows runs of several workflows. */
  workflowNames?: Readonly<Record<string, string>>;
  /** The query the Workflow column's links carry (`?status=failed&after=-24h`), or none. */
  workflowSearch?: string;
}

export const runsTableFeatures = tableFeatures({
  rowExpandingFeature,
  tableMeta: {} as RunsTableMeta,
});

export const column = createColumnHelper<typeof runsTableFeatures, Run>();

export function runDomId(runId: string): string {
  return `run-${runId}`;
}

export const runsColumns = column.columns([
  column.display({
    id: "expand",
    header: () => <span className="sr-only">Details</span>,
    cell: ({ row }) => {
      const expanded = row.getIsExpanded();
      return (
        <button
          type="button"
          onClick={() => row.toggleExpanded()}
          aria-expanded={expanded}
          aria-controls={expanded ? `${runDomId(row.id)}-details` : undefined}
          aria-label={`${expanded ? "Hide" : "Show"} details of run ${row.id}`}
          className="-m-1 inline-flex size-7 items-center justify-center rounded hover:bg-slate-200 dark:hover:bg-slate-700"
        >
          <ChevronIcon className={`size-4 transition-transform ${expanded ? "rotate-90" : ""}`} />
        </button>
      );
    },
  }),
  column.accessor("triggeredAt", {
    header: () => <TriggeredHeader />,
    // Date and age each keep together; on a phone the age goes under the date.
    cell: ({ getValue }) => <DateTimeWithAge iso={getValue()} className="sm:whitespace-nowrap" />,
  }),
  column.accessor("status", {
    header: "Status",
    cell: ({ getValue }) => <RunStatusBadge status={getValue()} />,
  }),
  column.accessor("entityId", {
    header: "Entity",
    cell: ({ row }) => {
      // Values from LeadLex: a direction override in an id would show "gnp.exe" as "exe.png".
      const type = markHiddenCharacters(row.original.entityType);
      const id = markHiddenCharacters(row.original.entityId);
      return (
        <span className="block max-w-[16rem] truncate" title={`${type} ${id}`}>
          <span className="text-slate-600 dark:text-slate-400">{type}</span>{" "}
          {/* A plain anchor inline: a link component here costs the runs pages' JS budget. */}
          <a href={`/records/${encodeURIComponent(row.original.entityId)}`} className="underline">
            <bdi dir="ltr" className="font-mono text-xs">
              {id}
            </bdi>
          </a>
        </span>
      );
    },
  }),
  column.display({
    id: "reason",
    header: "Error or skip reason",
    cell: ({ row }) => {
      const { error, skipReason } = row.original;
      const raw = error?.code ?? skipReason;
      if (!raw) return <span className="text-slate-500 dark:text-slate-400">—</span>;
      const code = markHiddenCharacters(raw);
      return (
        <bdi
          dir="ltr"
          className={`block max-w-[14rem] truncate font-mono text-xs ${error ? "text-red-800 dark:text-red-300" : ""}`}
          title={error ? `${code}: ${markHiddenCharacters(error.message)}` : code}
        >
          {code}
        </bdi>
      );
    },
  }),
  column.accessor("durationMs", {
    header: "Duration",
    cell: ({ getValue, table }) => (
      <DurationCell ms={getValue()} maxMs={table.options.meta?.maxDurationMs ?? 0} />
    ),
  }),
]);

/** "Triggered (UTC)", "Triggered (Europe/Berlin)": the zone every time in the column is in. */
function TriggeredHeader() {
  const { timeZone } = useTime();
  return (
    <>
      Triggered <span className="normal-case">({timeZone})</span>
    </>
  );
}

/** The bar compares runs at a glance; below `sm` it gives its room to the other columns. */
function DurationCell({ ms, maxMs }: { ms: number | null; maxMs: number }) {
  if (ms === null) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  const share = maxMs > 0 ? Math.max(2, Math.round((ms / maxMs) * 100)) : 0;
  return (
    <span className="flex items-center gap-2">
      <span className="min-w-16 shrink-0 text-right whitespace-nowrap tabular-nums">
        {formatDuration(ms)}
      </span>
      <span
        aria-hidden="true"
        className="hidden h-1.5 w-16 shrink-0 rounded-full bg-slate-200 sm:block dark:bg-slate-800"
      >
        <span
          className="block h-full rounded-full bg-sky-600 dark:bg-sky-400"
          style={{ width: `${share}%` }}
        />
      </span>
    </span>
  );
}
