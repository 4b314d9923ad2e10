"use client";

import Link from "next/link";
import { RunStatusBadge } from "@/components/runs/run-status";
import { RelativeTime } from "@/components/time/relative-time";
import type { Run } from "@/lib/model/run";
import { markHiddenCharacters } from "@/lib/text/hidden-characters";

interface LatestPerWorkflowProps {
  runs: Run[];
  workflowName: (id: string) => string;
}

/** Per workflow, the record's latest run there: where it stands now in each. */
export function LatestPerWorkflow({ runs, workflowName }: LatestPerWorkflowProps) {
  if (runs.length === 0) return null;
  return (
    <section aria-labelledby="record-latest-heading" className="space-y-2">
      <h3 id="record-latest-heading" className="text-sm font-semibold">
        Latest run per workflow
      </h3>
      <ul
        data-testid="record-latest"
        className="divide-y divide-slate-200 rounded-md border border-slate-200 text-sm dark:divide-slate-800 dark:border-slate-800"
      >
        {runs.map((run) => (
          <li
            key={run.workflowId}
            data-workflow-id={run.workflowId}
            className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2"
          >
            <Link
              href={`/workflows/${encodeURIComponent(run.workflowId)}`}
              prefetch={false}
              className="min-w-0 flex-1 basis-48 truncate text-sky-800 underline-offset-2 hover:underline dark:text-sky-300"
            >
              {markHiddenCharacters(workflowName(run.workflowId))}
            </Link>
            <RunStatusBadge status={run.status} />
            <RelativeTime iso={run.triggeredAt} className="text-slate-600 dark:text-slate-400" />
            {(run.error?.code ?? run.skipReason) ? (
              <bdi dir="ltr" className="font-mono text-xs [overflow-wrap:anywhere]">
                {markHiddenCharacters(run.error?.code ?? run.skipReason ?? "")}
              </bdi>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
