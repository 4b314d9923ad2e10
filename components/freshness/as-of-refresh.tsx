"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { useTime } from "@/components/time/time-provider";
import { formatExactUtc, formatZoned } from "@/lib/format/date-time";
import { runsOfWorkflowKey } from "@/lib/query/runs-query";
import { WORKFLOWS_KEY } from "@/lib/query/workflows-query";
import type { RefreshTarget } from "@/lib/refresh/refresh-target";
import { refreshView } from "@/lib/refresh/refresh-view";

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
  if (!fetchedAt) return null;

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
  );
}
