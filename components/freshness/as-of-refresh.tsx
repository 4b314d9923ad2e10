"use client";

import { useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState, useTransition } from "react";
import { useTime } from "@/components/time/time-provider";
import { formatExactUtc, formatZoned } from "@/lib/format/date-time";
import { runsOfWorkflowKey } from "@/lib/query/runs-query";
import { WORKFLOWS_KEY } from "@/lib/query/workflows-query";
import type { RefreshTarget } from "@/lib/refresh/refresh-target";
import { refreshView } from "@/lib/refresh/refresh-view";

// Live is Refresh on a timer: a runs view's comes with this control, in a chunk of its own again,
// so the workflow list never loads it. Not a dynamic import of its own in the runs view: with its
// props that cost the page's first load ~80 B it did not have (`npm run test:budget`).
const RunsLive = dynamic(() => import("@/components/runs/live/runs-live").then((m) => m.RunsLive));

export interface AsOfRefreshProps {
  /** When LeadLex gave the oldest answer the view shows; nothing is shown without one. */
  fetchedAt: string | null;
  target: RefreshTarget;
}

/**
 * "as of 09:31:05 · Refresh": the age of a view's cached answers, and a button that asks LeadLex
 * again past the cache (the server re-renders the view, and the browser's copies of that view's
 * other pages are marked stale). Shown in the viewer's chosen zone; the exact UTC time on hover.
 */
export function AsOfRefresh({ fetchedAt, target }: AsOfRefreshProps) {
  const { timeZone } = useTime();
  const queryClient = useQueryClient();
  const [refreshing, startRefresh] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const liveControls =
    target.view === "runs" ? (
      <RunsLive workflowId={target.workflowId} query={target.query} />
    ) : null;
  if (!fetchedAt) return liveControls;

  function refreshNow() {
    setFailure(null);
    startRefresh(async () => {
      const result = await refreshView(target);
      await queryClient.invalidateQueries({
        queryKey: target.view === "runs" ? runsOfWorkflowKey(target.workflowId) : WORKFLOWS_KEY,
      });
      setFailure(result.message);
    });
  }

  return (
    <>
      <p className="flex flex-wrap items-center gap-x-1 text-xs text-slate-600 tabular-nums dark:text-slate-400">
        <span>
          as of{" "}
          <time dateTime={fetchedAt} title={formatExactUtc(fetchedAt)}>
            {formatZoned(fetchedAt, timeZone, "HH:mm:ss")}
          </time>
        </span>
        <span aria-hidden="true">·</span>
        <button
          type="button"
          onClick={refreshNow}
          disabled={refreshing}
          className="rounded font-medium text-sky-700 underline-offset-2 hover:underline disabled:cursor-wait disabled:opacity-70 dark:text-sky-400"
        >
          {refreshing ? "Refreshing…" : "Refresh"}
        </button>
        {failure ? (
          <span role="alert" className="text-red-800 dark:text-red-300">
            Could not refresh: {failure}
          </span>
        ) : null}
      </p>
      {liveControls}
    </>
  );
}
