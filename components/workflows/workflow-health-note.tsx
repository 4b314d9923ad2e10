"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useTime } from "@/components/time/time-provider";
import { formatExactUtc, formatShortDateTime } from "@/lib/format/date-time";
import { formatCount } from "@/lib/format/numbers";
import { fetchOwnApi } from "@/lib/query/fetch-own-api";
import { workflowsApiPath, workflowsQueryKey } from "@/lib/query/workflows-query";
import type { HealthHeldBecause, WorkflowHealthReport } from "@/lib/workflows/workflow-health";
import type { WorkflowListQuery, WorkflowListWithHealth } from "@/lib/workflows/workflow-list";

export interface WorkflowHealthNoteProps {
  health: WorkflowHealthReport;
  query: WorkflowListQuery;
  /** The key's LeadLex calls left today, when known. */
  remainingToday: number | null;
}

const calls = (count: number) => `${formatCount(count)} LeadLex ${count === 1 ? "call" : "calls"}`;

const HELD_WORDS: Record<HealthHeldBecause, string> = {
  starter_plan:
    "On a Starter key (10 calls a minute) the list loads health only when you ask, so your own clicks keep their quota.",
  list_budget: "The list spends at most a fifth of the key's minute on health by itself.",
  quota: "The key's LeadLex quota for this minute (or today) is nearly spent.",
};

/**
 * What the health column cost and how old it is, said above the table; and, for rows held back to
 * keep the key's quota, what loading them costs and a button that does (a person's own request,
 * which still keeps one call of the minute for their next click).
 */
export function WorkflowHealthNote({ health, query, remainingToday }: WorkflowHealthNoteProps) {
  const { timeZone, now } = useTime();
  const queryClient = useQueryClient();
  const [loading, startLoading] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);

  function loadHealth() {
    setFailure(null);
    startLoading(async () => {
      try {
        const page = await fetchOwnApi<WorkflowListWithHealth>(workflowsApiPath(query, true));
        queryClient.setQueryData(workflowsQueryKey(query), page);
      } catch (error) {
        setFailure(error instanceof Error ? error.message : "The request failed.");
      }
    });
  }

  const spent = [
    `this view cost ${calls(health.callsSpent)}`,
    health.answersCached > 0 ? `${formatCount(health.answersCached)} answers from the cache` : null,
    health.figuresFromIndex > 0
      ? `${formatCount(health.figuresFromIndex)} figures from the run index`
      : null,
  ].filter((part): part is string => part !== null);

  return (
    <div
      data-testid="health-note"
      className="mb-3 space-y-1 text-xs text-slate-600 dark:text-slate-400"
    >
      <p>
        <span className="font-medium text-slate-800 dark:text-slate-200">Health</span>: failures
        since{" "}
        <time dateTime={health.failuresSince} title={formatExactUtc(health.failuresSince)}>
          {formatShortDateTime(health.failuresSince, timeZone, now)}
        </time>{" "}
        (24 h), last run, triggers today against the daily cap. Up to 3 calls per enabled workflow,
        1 per disabled one, each cached (runs 60 s, details 5 min); {spent.join(", ")}.
      </p>
      {health.callsToLoad > 0 ? (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <p>
            Some rows are not loaded. {health.heldBecause ? HELD_WORDS[health.heldBecause] : null}
            {health.retryAfterSeconds !== null && health.heldBecause === "quota"
              ? ` The minute turns in ${health.retryAfterSeconds} s.`
              : null}{" "}
            Loading spends at most what this minute has left, keeping one call for your next click
            {remainingToday === null ? "" : ` (${formatCount(remainingToday)} calls left today)`};
            the rest can be loaded again after.
          </p>
          <Button size="sm" onClick={loadHealth} disabled={loading}>
            {loading ? "Loading health…" : `Load health (${calls(health.callsToLoad)})`}
          </Button>
          {failure ? (
            <span role="alert" className="text-red-800 dark:text-red-300">
              Could not load health: {failure}
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
