"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { RelativeTime } from "@/components/time/relative-time";
import { Button } from "@/components/ui/button";
import {
  forgetRecentWorkflows,
  getRecentWorkflowsServerSnapshot,
  getRecentWorkflowsSnapshot,
  subscribeRecentWorkflows,
} from "@/lib/workflows/recent-workflows";

/**
 * Links to the workflows last opened in this browser. The server cannot see localStorage, so the
 * server render and hydration show nothing; the list appears right after, and stays in step with
 * other tabs.
 */
export function RecentWorkflows() {
  const recent = useSyncExternalStore(
    subscribeRecentWorkflows,
    getRecentWorkflowsSnapshot,
    getRecentWorkflowsServerSnapshot,
  );
  if (recent.length === 0) return null;

  return (
    <section aria-labelledby="recent-workflows-heading" className="min-w-0">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="recent-workflows-heading" className="text-sm font-semibold">
          Recently opened
        </h2>
        <Button variant="ghost" size="xs" onClick={forgetRecentWorkflows}>
          Forget<span className="sr-only"> recently opened workflows</span>
        </Button>
      </div>
      <ul className="mt-1.5 flex flex-wrap gap-2">
        {recent.map((workflow) => (
          <li key={workflow.id} className="min-w-0 max-w-full">
            <Link
              href={`/workflows/${encodeURIComponent(workflow.id)}`}
              // Prefetching would render the runs page, and so call LeadLex, for every entry.
              prefetch={false}
              className="block max-w-full rounded-md border border-slate-200 px-2.5 py-1.5 hover:border-sky-600 hover:bg-sky-50 sm:max-w-72 dark:border-slate-800 dark:hover:bg-slate-900"
            >
              <span
                title={workflow.name}
                className="block truncate text-sm font-medium text-sky-700 dark:text-sky-400"
              >
                {workflow.name}
              </span>
              <span className="block truncate text-xs text-slate-600 dark:text-slate-400">
                <span className="font-mono">{workflow.id}</span> · opened{" "}
                <RelativeTime iso={workflow.openedAt} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
