/**
 * What `/api/runs` answers (and the `/runs` page hydrates with): one page of runs across the
 * workspace's workflows from the run index, with the counts above the table and what the answer
 * rests on (its coverage, the fill under way, and what it cost). Browser-safe: types only.
 */
import type { RateLimitStatus } from "./page-meta";
import type { PageMeta } from "./page-meta";
import type { Run, RunStatus } from "./run";

export interface FacetValue {
  value: string;
  count: number;
}

export type RunsFillState =
  /** Nothing to fill: every part of the question is covered. */
  | "idle"
  | "running"
  | "paused"
  | "done"
  | "stopped"
  /** The fill would spend more than the 20 % rule allows: it waits for the person's yes. */
  | "needs_confirmation"
  /** The quota layer kept the key's last calls for people's clicks: asked again later. */
  | "held_back";

export interface RunsAcrossPage {
  runs: Run[];
  meta: PageMeta;
  /** Counts per status ignore the status filter; per reason ignore the reason filter. */
  facets: {
    /** Null for a status not synced over the window for every workflow in scope. */
    byStatus: Record<RunStatus, number | null>;
    errorCodes: FacetValue[];
    skipReasons: FacetValue[];
  };
  /** Runs per time bucket and status over the window, with the filters applied: the chart. */
  overTime: {
    bucketMs: number;
    /** Oldest first, every bucket of the window present. */
    buckets: { startMs: number; success: number; failed: number; skipped: number }[];
  };
  coverage: {
    complete: boolean;
    /** The window's start (a rolling window measured now). */
    windowFromMs: number;
    /** The window's end, exclusive; null: now. */
    windowToMs: number | null;
    /** The oldest freshness among the parts used; null when nothing is synced yet. */
    syncedAsOfMs: number | null;
    /** Workflows whose part of the window is not synced yet. */
    gapWorkflows: string[];
    droppedBeforeMs: number | null;
  };
  fill: {
    state: RunsFillState;
    callsMade: number;
    callsAllowed: number;
    /** What the unsynced part costs in LeadLex calls, when known. */
    callsToFill: number | null;
    remainingQuota: number | null;
    /** 20 % of the day's remaining calls: a fill above it waits for a confirmation. */
    unconfirmedBudget: number | null;
    retryAfterSeconds: number | null;
    stopReason: string | null;
  };
  /** LeadLex calls this answer made itself. */
  callsSpent: number;
  /** The workflows the answer covers, with their names for the Workflow column. */
  workflows: { id: string; name: string }[];
  /** Every workflow of the workspace, for the workflow filter. */
  allWorkflows: { id: string; name: string; enabled: boolean }[];
  syncedElsewhere: string[];
  rateLimit: RateLimitStatus | null;
  fetchedAt: string;
}

/** Still filling, or waiting for the quota: the view asks again on its own. */
export function isFilling(page: Pick<RunsAcrossPage, "fill">): boolean {
  return ["running", "paused", "held_back"].includes(page.fill.state);
}
