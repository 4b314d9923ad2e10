"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import { useState } from "react";
import type { FloorRun, FloorRunsPage } from "../../../lib/floor-runs";
import { FLOOR_COLUMNS, formatDuration, formatTriggered, reasonOf } from "../../../lib/run-cells";

const PER_PAGE = 25;
type StatusFilter = "success" | "failed" | "skipped" | null;
const STATUS_CHIPS: { value: StatusFilter; label: string }[] = [
  { value: null, label: "All" },
  { value: "success", label: "Success" },
  { value: "failed", label: "Failed" },
  { value: "skipped", label: "Skipped" },
];

const features = tableFeatures({});
const column = createColumnHelper<typeof features, FloorRun>();
const [triggered, status, entity, reason, duration] = FLOOR_COLUMNS as [string, ...string[]];
const columns = column.columns([
  column.accessor("triggeredAt", {
    header: triggered,
    cell: ({ getValue }) => <time dateTime={getValue()}>{formatTriggered(getValue())}</time>,
  }),
  column.accessor("status", { header: status }),
  column.display({
    id: "entity",
    header: entity,
    cell: ({ row }) => (
      <>
        {row.original.entityType} <span className="font-mono text-xs">{row.original.entityId}</span>
      </>
    ),
  }),
  column.display({ id: "reason", header: reason, cell: ({ row }) => reasonOf(row.original) }),
  column.accessor("durationMs", {
    header: duration,
    cell: ({ getValue }) => formatDuration(getValue()),
  }),
]);

const NO_RUNS: FloorRun[] = [];

function rowsQuery(workflowId: string, page: number, status: StatusFilter) {
  return {
    queryKey: ["runs", workflowId, page, status],
    queryFn: async ({ signal }: { signal: AbortSignal }): Promise<FloorRunsPage> => {
      const search = new URLSearchParams({ page: String(page), per_page: String(PER_PAGE) });
      if (status) search.set("status", status);
      const response = await fetch(`/api/workflows/${workflowId}/logs?${search}`, { signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json() as Promise<FloorRunsPage>;
    },
  };
}

/**
 * The least a filterable, paged TanStack table can do: state in React, one query per view, the
 * previous rows kept while the next load, the next page fetched when the pointer reaches "Next".
 */
export function InteractionFloor({
  workflowId,
  startPage,
}: {
  workflowId: string;
  startPage: number;
}) {
  const [page, setPage] = useState(startPage);
  const [statusFilter, setStatusFilter] = useState<StatusFilter>(null);
  const queryClient = useQueryClient();
  const result = useQuery({
    ...rowsQuery(workflowId, page, statusFilter),
    placeholderData: keepPreviousData,
  });
  const table = useTable({
    features,
    columns,
    data: result.data?.runs ?? NO_RUNS,
    getRowId: (run) => run.id,
  });
  const pageCount = Math.max(1, Math.ceil((result.data?.meta.total ?? 0) / PER_PAGE));

  return (
    <section aria-labelledby="runs-heading" className="space-y-4">
      <h1 id="runs-heading" className="text-lg font-semibold">
        Runs of {workflowId}
      </h1>
      <div role="group" aria-label="Filter by status" className="flex gap-2">
        {STATUS_CHIPS.map(({ value, label }) => (
          <button
            key={label}
            type="button"
            aria-pressed={value === statusFilter}
            onClick={() => {
              setStatusFilter(value);
              setPage(1);
            }}
            className="h-9 rounded-full border px-3 text-sm"
          >
            {label}
          </button>
        ))}
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
        <table
          aria-busy={result.isPlaceholderData || !result.data}
          className="w-full border-collapse text-left text-sm"
        >
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-900 dark:text-slate-400">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th key={header.id} scope="col" className="px-3 py-2 font-medium">
                    <table.FlexRender header={header} />
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} id={`run-${row.id}`} data-row className="border-t border-slate-200">
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        aria-label="Next page"
        disabled={page >= pageCount}
        onPointerEnter={() =>
          void queryClient.prefetchQuery(rowsQuery(workflowId, page + 1, statusFilter))
        }
        onClick={() => setPage(page + 1)}
        className="h-9 rounded-md border px-3 text-sm"
      >
        Next ›
      </button>
    </section>
  );
}
