import { rateLimitWait } from "./fetch-logs-page";
import type { StatusKey } from "./coverage";
import { FillJob } from "./fill-job";
import type { FillDeps } from "./fill-job";
import type { RunIndex } from "./run-index";

/**
 * Incremental sync: brings a covered (workflow, status) up to now. It asks LeadLex for runs with
 * `after` = the newest synced `triggered_at` minus the look-back (inclusive), drops the ids it
 * holds, and pages while pages come back full. When few runs are new, that is one call.
 */

export interface SyncOptions {
  /**
   * More calls than this means the index fell far behind (an idle key, a burst): the sync stops
   * after its first page and says how many calls the rest would take, so the caller can plan
   * it as a backfill within the quota rules instead. Default 10.
   */
  maxCalls?: number;
  signal?: AbortSignal;
}

export type SyncOutcome = {
  workflowId: string;
  status: StatusKey;
  calls: number;
  added: number;
} & (
  | { result: "synced"; syncedAtMs: number }
  /** Nothing to bring up to date: fill a window first (see backfill.ts). */
  | { result: "not_covered" }
  | { result: "too_far_behind"; callsLeft: number }
  | { result: "rate_limited"; retryAfterSeconds: number }
);

const DEFAULT_MAX_CALLS = 10;

const inFlight = new WeakMap<RunIndex, Map<string, Promise<SyncOutcome>>>();

/** One sync per (index, workflow, status) at a time: a second caller shares the first's. */
export function syncWorkflow(
  index: RunIndex,
  workflowId: string,
  status: StatusKey,
  deps: FillDeps,
  options: SyncOptions = {},
): Promise<SyncOutcome> {
  let running = inFlight.get(index);
  if (running === undefined) {
    running = new Map();
    inFlight.set(index, running);
  }
  const key = `${workflowId}\u0000${status}`;
  const current = running.get(key);
  if (current !== undefined) return current;
  const started = runSync(index, workflowId, status, deps, options).finally(() =>
    running.delete(key),
  );
  running.set(key, started);
  return started;
}

/** Every covered (workflow, status) in turn; one call each when few runs are new. */
export async function syncWorkflows(
  index: RunIndex,
  targets: readonly { workflowId: string; status: StatusKey }[],
  deps: FillDeps,
  options: SyncOptions = {},
): Promise<SyncOutcome[]> {
  const outcomes: SyncOutcome[] = [];
  for (const { workflowId, status } of targets) {
    const outcome = await syncWorkflow(index, workflowId, status, deps, options);
    outcomes.push(outcome);
    // A 429 holds for the key, not the workflow: the rest would be refused too.
    if (outcome.result === "rate_limited") break;
  }
  return outcomes;
}

async function runSync(
  index: RunIndex,
  workflowId: string,
  status: StatusKey,
  deps: FillDeps,
  options: SyncOptions,
): Promise<SyncOutcome> {
  const base = { workflowId, status };
  const coverage = index.coverage(workflowId, status);
  if (coverage === null) return { ...base, calls: 0, added: 0, result: "not_covered" };
  // The newest run synced is in LeadLex's clock, so no clock skew can make `after` miss a run.
  // A run LeadLex writes later than the look-back after its triggered_at would be missed: the
  // look-back is set above LeadLex's longest run (see RunIndexOptions.lookBackMs).
  const afterMs =
    coverage.newestMs === null
      ? coverage.fromMs
      : Math.max(coverage.fromMs ?? Number.NEGATIVE_INFINITY, coverage.newestMs - index.lookBackMs);
  const job = new FillJob(index, { workflowId, status, afterMs, startPage: 1 }, deps);
  const maxCalls = options.maxCalls ?? DEFAULT_MAX_CALLS;
  while (!job.done) {
    try {
      await job.step(options.signal);
    } catch (error) {
      const wait = rateLimitWait(error);
      if (wait === null) throw error;
      return {
        ...base,
        calls: job.calls,
        added: job.added,
        result: "rate_limited",
        retryAfterSeconds: wait,
      };
    }
    const callsLeft = job.callsLeft ?? 0;
    if (!job.done && job.calls + callsLeft > maxCalls) {
      return { ...base, calls: job.calls, added: job.added, result: "too_far_behind", callsLeft };
    }
  }
  const synced = index.coverage(workflowId, status);
  return {
    ...base,
    calls: job.calls,
    added: job.added,
    result: "synced",
    syncedAtMs: synced?.syncedAtMs ?? deps.now(),
  };
}
