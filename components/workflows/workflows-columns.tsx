"use client";

import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import Link from "next/link";
import { RelativeTime } from "@/components/time/relative-time";
import { isWorkflowId } from "@/lib/model/workflow-id";
import {
  cleanText,
  describeAction,
  describeTrigger,
  displayName,
} from "@/lib/workflows/describe-workflow";
import type { WorkflowHealth } from "@/lib/workflows/workflow-health";
import type { WorkflowListItem } from "@/lib/workflows/workflow-list";
import { WorkflowHealthCell } from "./workflow-health-cell";
import { WorkflowStateBadge } from "./workflow-state-badge";

export const workflowsTableFeatures = tableFeatures({});

/** A listed workflow with its health, when the list has it. */
export interface WorkflowRow extends WorkflowListItem {
  health: WorkflowHealth | undefined;
}

const column = createColumnHelper<typeof workflowsTableFeatures, WorkflowRow>();

/** Columns hidden on small screens; the first column repeats their content there. */
export const workflowsColumnClassName: Record<string, string> = {
  summary:
    "hidden max-w-xl text-slate-700 [overflow-wrap:anywhere] lg:table-cell dark:text-slate-300",
  lastTriggeredAt: "hidden whitespace-nowrap text-slate-700 sm:table-cell dark:text-slate-300",
  enabled: "hidden sm:table-cell",
  health: "min-w-36",
};

function Summary({ workflow }: { workflow: WorkflowRow }) {
  return (
    <>
      {describeTrigger(workflow)} <span aria-hidden="true">→</span>
      <span className="sr-only">, then:</span> {describeAction(workflow)}
    </>
  );
}

function LastTriggered({ iso }: { iso: string | null }) {
  return iso ? <RelativeTime iso={iso} /> : "Never";
}

export const workflowsColumns = column.columns([
  column.accessor("name", {
    header: "Workflow",
    cell: ({ row }) => {
      const workflow = row.original;
      const name = displayName(workflow.name);
      return (
        <div className="min-w-0">
          {isWorkflowId(workflow.id) ? (
            <Link
              href={`/workflows/${encodeURIComponent(workflow.id)}`}
              // Prefetching would render the runs page, and so call LeadLex, for every row.
              prefetch={false}
              className="font-medium text-sky-700 underline-offset-2 [overflow-wrap:anywhere] hover:underline dark:text-sky-400"
            >
              {name}
            </Link>
          ) : (
            // Runboard cannot open an id outside the gateway's allowlist; show it without a link.
            <span className="font-medium [overflow-wrap:anywhere]">{name}</span>
          )}
          <div className="mt-0.5 font-mono text-xs text-slate-600 [overflow-wrap:anywhere] dark:text-slate-400">
            {cleanText(workflow.id, 64)}
          </div>
          <div className="mt-1 sm:hidden">
            <WorkflowStateBadge
              enabled={workflow.enabled}
              autoDisabledReason={workflow.autoDisabledReason}
            />
          </div>
          <p className="mt-1 text-slate-700 [overflow-wrap:anywhere] lg:hidden dark:text-slate-300">
            <Summary workflow={workflow} />
          </p>
          <p className="mt-1 text-xs text-slate-600 sm:hidden dark:text-slate-400">
            Last triggered <LastTriggered iso={workflow.lastTriggeredAt} />
          </p>
        </div>
      );
    },
  }),
  column.accessor("enabled", {
    header: "State",
    cell: ({ row }) => (
      <WorkflowStateBadge
        enabled={row.original.enabled}
        autoDisabledReason={row.original.autoDisabledReason}
      />
    ),
  }),
  column.display({
    id: "health",
    header: "Health",
    cell: ({ row }) => (
      <WorkflowHealthCell
        health={row.original.health}
        workflowName={displayName(row.original.name)}
      />
    ),
  }),
  column.display({
    id: "summary",
    header: () => (
      <>
        Trigger <span aria-hidden="true">→</span>
        <span className="sr-only">and</span> action
      </>
    ),
    cell: ({ row }) => <Summary workflow={row.original} />,
  }),
  column.accessor("lastTriggeredAt", {
    header: "Last triggered",
    cell: ({ getValue }) => <LastTriggered iso={getValue()} />,
  }),
]);
