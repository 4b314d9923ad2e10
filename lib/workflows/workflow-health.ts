import type { RunStatus } from "@/lib/model/run";

/**
 * A workflow's health as the list shows it: failures in the last 24 hours, its last run, and how
 * much of its daily cap it has used. Each figure is LeadLex's (one cached `per_page=1` call) or the
 * run index's; a row without figures says why rather than showing a zero. Browser-safe: types
 * and a helper.
 */

export interface LastRunSummary {
  id: string;
  status: RunStatus;
  triggeredAt: string;
}

export type WorkflowHealth =
  | {
      kind: "checked";
      failures24h: number;
      /** Null when the workflow never ran. */
      lastRun: LastRunSummary | null;
      triggersToday: number;
      dailyCap: number;
      /** The run figures that came from the run index, without a call. */
      failuresFromIndex: boolean;
      lastRunFromIndex: boolean;
    }
  /** Switched off: it gains no runs, so only its cap figure is shown. */
  | { kind: "disabled"; triggersToday: number | null; dailyCap: number }
  /** LeadLex no longer knows the workflow (deleted since the list was answered). */
  | { kind: "deleted" }
  /** Not fetched, to keep the key's quota: `calls` is what loading it costs. */
  | { kind: "not_loaded"; calls: number }
  | { kind: "failed"; message: string };

/** Why some rows show no figures yet. */
export type HealthHeldBecause =
  /** A 10-a-minute key: health is only loaded when a person asks. */
  | "starter_plan"
  /** More uncached calls than the list may spend on its own in a minute. */
  | "list_budget"
  /** The minute's or the day's quota is nearly spent; the rest waits for it. */
  | "quota";

export interface WorkflowHealthReport {
  /** Failures are counted from here: 24 h before the list was asked for, rounded up to the minute. */
  failuresSince: string;
  byId: Record<string, WorkflowHealth>;
  /** LeadLex calls made for these figures now, answers served from the cache, figures from the index. */
  callsSpent: number;
  answersCached: number;
  figuresFromIndex: number;
  /** Calls the rows still without figures would cost. */
  callsToLoad: number;
  heldBecause: HealthHeldBecause | null;
  /** When the minute's quota turns, for a `quota` hold. */
  retryAfterSeconds: number | null;
  /** The oldest answer behind the figures shown; null when none is shown. */
  asOf: string | null;
}

/** At this share of its daily cap a workflow is close to being switched off by LeadLex. */
export const NEAR_CAP_RATIO = 0.8;

export function isFailingNow(health: WorkflowHealth | undefined): boolean {
  return (
    health?.kind === "checked" && (health.failures24h > 0 || health.lastRun?.status === "failed")
  );
}

export function capShare(health: WorkflowHealth | undefined): number | null {
  if (health === undefined || (health.kind !== "checked" && health.kind !== "disabled")) {
    return null;
  }
  if (health.triggersToday === null || health.dailyCap <= 0) return null;
  return health.triggersToday / health.dailyCap;
}
