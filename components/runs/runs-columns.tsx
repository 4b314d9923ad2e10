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
          className="run-row-toggle"
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
    // Named, so a view can leave it out while one status is selected (`RunsTable`'s `oneStatus`).
    id: "status",
    header: "Status",
    cell: ({ getValue }) => <RunStatusBadge status={getValue()} />,
  }),
  column.accessor("entityId", {
    header: "Entity",
    cell: ({ row }) => <EntityLabel run={row.original} />,
  }),
  column.display({
    id: "reason",
    header: "Error or skip reason",
    cell: ({ row }) => <ReasonLabel run={row.original} />,
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

/**
 * The entity's id whole, since people search for it elsewhere, and its type only when the id does
 * not already say it (`deal_01HY…` needs no "deal" before it). A runaway id is still cut. On a
 * phone a long id gives its middle to an ellipsis (`.entity-id-middle` in `globals.css`), still
 * there for screen readers, copying and the link.
 */
function EntityLabel({ run }: { run: Run }) {
  // Values from LeadLex: a direction override in an id would show "gnp.exe" as "exe.png".
  const type = markHiddenCharacters(run.entityType);
  const id = markHiddenCharacters(run.entityId);
  const [head, middle, tail] = splitForPhone(run.entityId).map(markHiddenCharacters);
  const typeInId =
    run.entityType !== "" &&
    run.entityId.toLowerCase().startsWith(`${run.entityType.toLowerCase()}_`);
  return (
    <span className="run-entity" title={`${type} ${id}`}>
      {typeInId ? null : (
        <>
          <span className="text-slate-600 dark:text-slate-400">{type}</span>{" "}
        </>
      )}
      {/* A plain anchor inline: a link component here costs the runs pages' JS budget. */}
      <a href={`/records/${encodeURIComponent(run.entityId)}`} className="underline">
        <bdi dir="ltr" className="font-mono text-xs">
          {head}
          {middle ? <span className="entity-id-middle">{middle}</span> : null}
          {tail}
        </bdi>
      </a>
    </span>
  );
}

/** Ids longer than this lose their middle on a phone: `deal_01KK…3D3XEA`. */
const PHONE_ID_CHARACTERS = 18;
const PHONE_ID_TAIL = 6;

/**
 * An id as the start people read (its type prefix and a few characters), the middle a phone
 * leaves out, and the end, where a ULID's random characters tell records apart. Split before the
 * hidden characters are marked, so a marker is never cut in two.
 */
function splitForPhone(id: string): [head: string, middle: string, tail: string] {
  // By code point: a cut through a surrogate pair would draw two replacement characters.
  const characters = Array.from(id);
  if (characters.length <= PHONE_ID_CHARACTERS) return [id, "", ""];
  const prefixEnd = characters.indexOf("_") + 1;
  const headLength = prefixEnd > 0 && prefixEnd <= 12 ? prefixEnd + 4 : 8;
  const tailStart = characters.length - PHONE_ID_TAIL;
  return [
    characters.slice(0, headLength).join(""),
    characters.slice(headLength, tailStart).join(""),
    characters.slice(tailStart).join(""),
  ];
}

const MESSAGE_CELL_CHARACTERS = 300;

/** The error code and then its message, on one line cut to the column; or the skip reason. */
function ReasonLabel({ run }: { run: Run }) {
  const { error, skipReason } = run;
  const raw = error?.code ?? skipReason;
  if (!raw) return <span className="run-cell-none">—</span>;
  const code = markHiddenCharacters(raw);
  // One line: a message's own line breaks would make the row taller than its neighbours. The whole
  // message is in the run's details; a cell only ever shows its start.
  const message = error
    ? markHiddenCharacters(error.message.slice(0, MESSAGE_CELL_CHARACTERS))
        .replace(/\s+/g, " ")
        .trim()
    : "";
  return (
    <span className="block truncate" title={message ? `${code}: ${message}` : code}>
      <bdi
        dir="ltr"
        className={`font-mono text-xs ${error ? "text-red-800 dark:text-red-300" : ""}`}
      >
        {code}
      </bdi>
      {message ? (
        <>
          {" "}
          <bdi className="text-slate-600 dark:text-slate-400">{message}</bdi>
        </>
      ) : null}
    </span>
  );
}

/** The bar compares runs at a glance; below `sm` it gives its room to the other columns. */
function DurationCell({ ms, maxMs }: { ms: number | null; maxMs: number }) {
  if (ms === null) return <span className="run-cell-none">—</span>;
  const share = maxMs > 0 ? Math.max(2, Math.round((ms / maxMs) * 100)) : 0;
  return (
    <span className="run-duration">
      <span className="run-duration-figure">{formatDuration(ms)}</span>
      <span aria-hidden="true" className="run-duration-track">
        <span className="run-duration-bar" style={{ width: `${share}%` }} />
      </span>
    </span>
  );
}
