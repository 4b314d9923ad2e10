"use client";

import Link from "next/link";
import { column, runsColumns } from "@/components/runs/runs-columns";
import { markHiddenCharacters } from "@/lib/text/hidden-characters";

/** Runs of several workflows: the same columns, and which workflow each run belongs to. */
export const runsAcrossColumns = column.columns([
  ...runsColumns.slice(0, 3),
  column.accessor("workflowId", {
    header: "Workflow",
    cell: ({ getValue, table }) => {
      const id = getValue();
      const name = table.options.meta?.workflowNames?.[id];
      return (
        // Not prefetched: a runs page has no loading boundary, so a prefetch would render it and
        // spend two LeadLex calls per row.
        <Link
          href={`/workflows/${encodeURIComponent(id)}${table.options.meta?.workflowSearch ?? ""}`}
          prefetch={false}
          className="block max-w-[14rem] truncate text-sky-800 underline-offset-2 hover:underline dark:text-sky-300"
          title={id}
        >
          {name ? markHiddenCharacters(name) : <bdi className="font-mono text-xs">{id}</bdi>}
        </Link>
      );
    },
  }),
  ...runsColumns.slice(3),
]);
