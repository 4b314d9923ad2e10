"use client";

import {
  useTable,
  type ColumnDef,
  type ExpandedState,
  type Row,
  type Updater,
} from "@tanstack/react-table";
import dynamic from "next/dynamic";
import { useCallback, useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import type { Run } from "@/lib/model/run";
import { runDomId, runsColumns, runsTableFeatures } from "./runs-columns";

// The details panel (JSON viewer included) loads only when a run is opened.
const RunDetails = dynamic(() => import("./run-details").then((module) => module.RunDetails), {
  loading: () => (
    <p role="status" className="py-6 text-sm text-slate-600 dark:text-slate-400">
      Loading run details…
    </p>
  ),
});

interface RunsTableProps {
  runs: Run[];
  /** The runs whose details are open (from the URL's `open`), in the order they were opened. */
  openRunIds: readonly string[];
  onOpenRunsChange: (runIds: string[]) => void;
  busy: boolean;
  caption: string;
  /** Another set of columns (the workspace-wide view adds a Workflow column). */
  columns?: ColumnDef<typeof runsTableFeatures, Run, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- cells of every value type
  /**
   * Exactly one status is selected, so every row would say the same: the Status column is left
   * out and its room goes to the entity and the message.
   */
  oneStatus?: boolean;
  /** Workflow names by id, for a Workflow column and the ticket text (ids where none is known). */
  workflowNames?: Readonly<Record<string, string>>;
  /** The query a Workflow column's links carry, so the workflow opens on the same runs. */
  workflowSearch?: string;
}

/**
 * Each column's place: below `sm` a row is two lines (the `table:has(.run-cell-time)` rules in `globals.css`: time, status
 * and workflow, then entity and reason; the duration is left to the details panel), from `sm` up
 * a table row, where the entity keeps its width on one line and the reason takes what is left.
 */
const columnClassName: Record<string, string> = {
  expand: "run-cell-toggle",
  triggeredAt: "run-cell-time",
  status: "run-cell-status",
  workflowId: "run-cell-workflow",
  entityId: "run-cell-entity",
  reason: "run-cell-reason",
  durationMs: "run-cell-duration",
};

export function RunsTable({
  runs,
  openRunIds,
  onOpenRunsChange,
  busy,
  caption,
  columns: allColumns = runsColumns,
  oneStatus = false,
  workflowNames,
  workflowSearch,
}: RunsTableProps) {
  const expanded = useMemo<ExpandedState>(
    () => Object.fromEntries(openRunIds.map((id) => [id, true])),
    [openRunIds],
  );
  const maxDurationMs = useMemo(
    () => Math.max(0, ...runs.map((run) => run.durationMs ?? 0)),
    [runs],
  );

  const columns = useMemo(
    () => (oneStatus ? allColumns.filter((column) => column.id !== "status") : allColumns),
    [allColumns, oneStatus],
  );

  // Several runs may be open, to compare them; the URL is the source of truth for which.
  function handleExpandedChange(updater: Updater<ExpandedState>) {
    const next = typeof updater === "function" ? updater(expanded) : updater;
    const stillOpen = next === true ? [] : Object.keys(next).filter((id) => next[id]);
    onOpenRunsChange([
      ...openRunIds.filter((id) => stillOpen.includes(id)),
      ...stillOpen.filter((id) => !openRunIds.includes(id)),
    ]);
  }

  const table = useTable({
    features: runsTableFeatures,
    columns,
    data: runs,
    getRowId: (run) => run.id,
    getRowCanExpand: () => true,
    state: { expanded },
    onExpandedChange: handleExpandedChange,
    // Which runs are open is the URL's to say: new rows (another page, with "Show it") must not
    // close them. The views close them themselves where a new page or filter should.
    autoResetExpanded: false,
    meta: { maxDurationMs, workflowNames, workflowSearch },
  });

  // Stable callbacks let DataTable skip re-rendering the rows when only `busy` changes.
  const isRowExpanded = useCallback((row: RunRow) => openRunIds.includes(row.id), [openRunIds]);
  const activateRow = useCallback(
    (row: RunRow) =>
      onOpenRunsChange(
        openRunIds.includes(row.id)
          ? openRunIds.filter((id) => id !== row.id)
          : [...openRunIds, row.id],
      ),
    [openRunIds, onOpenRunsChange],
  );

  const renderRunDetails = useCallback(
    (row: RunRow) => (
      <RunDetails
        run={row.original}
        workflowName={workflowNames?.[row.original.workflowId] ?? null}
      />
    ),
    [workflowNames],
  );

  return (
    <DataTable
      table={table}
      caption={caption}
      busy={busy}
      rowDomId={rowDomId}
      isRowExpanded={isRowExpanded}
      onRowActivate={activateRow}
      renderExpandedRow={renderRunDetails}
      columnClassName={columnClassName}
      stickyHeader
    />
  );
}

type RunRow = Row<typeof runsTableFeatures, Run>;

function rowDomId(row: RunRow): string {
  return runDomId(row.id);
}
