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
  /** The run whose details are open (from the URL's `open`), if any. */
  openRunId: string | null;
  onOpenRunChange: (runId: string | null) => void;
  busy: boolean;
  caption: string;
  /** Another set of columns (the workspace-wide view adds a Workflow column). */
  columns?: ColumnDef<typeof runsTableFeatures, Run, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- cells of every value type
  /** Names for a Workflow column (ids where none is known). */
  workflowNames?: Readonly<Record<string, string>>;
  /** The query a Workflow column's links carry, so the workflow opens on the same runs. */
  workflowSearch?: string;
}

/** Columns hidden on small screens; their values are all in the details panel. */
const columnClassName: Record<string, string> = {
  entityId: "hidden md:table-cell",
  workflowId: "hidden sm:table-cell",
  reason: "hidden sm:table-cell",
};

export function RunsTable({
  runs,
  openRunId,
  onOpenRunChange,
  busy,
  caption,
  columns = runsColumns,
  workflowNames,
  workflowSearch,
}: RunsTableProps) {
  const expanded = useMemo<ExpandedState>(
    () => (openRunId ? { [openRunId]: true } : {}),
    [openRunId],
  );
  const maxDurationMs = useMemo(
    () => Math.max(0, ...runs.map((run) => run.durationMs ?? 0)),
    [runs],
  );

  // One run open at a time, and the URL is the source of truth for which one.
  function handleExpandedChange(updater: Updater<ExpandedState>) {
    const next = typeof updater === "function" ? updater(expanded) : updater;
    const openIds = next === true ? [] : Object.keys(next).filter((id) => next[id]);
    onOpenRunChange(openIds.find((id) => id !== openRunId) ?? null);
  }

  const table = useTable({
    features: runsTableFeatures,
    columns,
    data: runs,
    getRowId: (run) => run.id,
    getRowCanExpand: () => true,
    state: { expanded },
    onExpandedChange: handleExpandedChange,
    meta: { maxDurationMs, workflowNames, workflowSearch },
  });

  // Stable callbacks let DataTable skip re-rendering the rows when only `busy` changes.
  const isRowExpanded = useCallback((row: RunRow) => row.id === openRunId, [openRunId]);
  const activateRow = useCallback(
    (row: RunRow) => onOpenRunChange(row.id === openRunId ? null : row.id),
    [openRunId, onOpenRunChange],
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
    />
  );
}

type RunRow = Row<typeof runsTableFeatures, Run>;

function rowDomId(row: RunRow): string {
  return runDomId(row.id);
}

function renderRunDetails(row: RunRow) {
  return <RunDetails run={row.original} />;
}
