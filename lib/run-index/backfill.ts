import { toAppError } from "@/lib/model/app-error";
import { reachesBack } from "./coverage";
import type { StatusKey } from "./coverage";
import { rateLimitWait, RUNS_PER_CALL } from "./fetch-logs-page";
import { FillJob } from "./fill-job";
import type { FillDeps } from "./fill-job";
import type { RunIndex } from "./run-index";

/**
 * Backfill: fills a window of older runs, within a budget, with progress, pausing on 429.
 *
 * The estimate comes first. For each workflow it reads one page, the first page the fill needs,
 * at 100 runs: `meta.total` gives the cost (100 runs per call), and the page is kept, so a
 * workflow with 100 runs or fewer in the window is filled by its estimate alone: "failed in the
 * last 24 h" across the demo workspace's 11 workflows costs 11 calls, and 7 more for wf_big's
 * 745 failures (at the tests' Monday 14:30). When older runs are wanted below a
 * window already covered, the fill starts at the page where they begin rather than page 1:
 * every run above them is held, and runs only ever join above (LeadLex writes each run once).
 *
 * Then the budget: a backfill never spends more than 20 % of the key's remaining daily quota
 * unless the user confirmed the estimate.
 */

export type BackfillWindow = "7d" | "30d" | "90d" | "all";

export const BACKFILL_WINDOW_MS: Readonly<Record<BackfillWindow, number | null>> = {
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
  "90d": 90 * 86_400_000,
  all: null,
};

/** The share of the key's remaining daily quota a backfill may spend without a confirmation. */
export const UNCONFIRMED_QUOTA_SHARE = 0.2;

export interface BackfillRequest {
  workflowIds: readonly string[];
  /** Default "all". */
  status?: StatusKey;
  /** Default "7d". */
  window?: BackfillWindow;
  /**
   * An exact start instead of a preset window, for what a view asks about: "failed in the last
   * 24 h" is `{ status: "failed", fromMs: now - 24 h }`, one call per workflow when each has
   * 100 such runs or fewer.
   */
  fromMs?: number;
  /**
   * Read the whole window again from the top, covered or not: the remedy for a run LeadLex wrote
   * later than the look-back after it was triggered, which incremental syncs miss.
   */
  refill?: boolean;
}

export interface BackfillDeps extends FillDeps {
  /** Waits before resuming after a 429; rejects when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * The key's calls left today, from the quota layer's ledger. Without it, the figure the
   * last answer's `X-RateLimit-Remaining` gave is used.
   */
  remainingDailyQuota?: () => number | null;
}

export type BackfillItemState =
  /** The window was covered already: nothing to do. */
  | "covered"
  /** The estimate's page was all there was: done. */
  | "filled"
  | "pending"
  /** The estimate met a 429 here or before: no figure for this workflow yet. */
  | "rate_limited";

export interface BackfillItem {
  workflowId: string;
  state: BackfillItemState;
  /** Calls after the estimate's one; null when unknown (rate limited). */
  callsLeft: number | null;
  /** Runs in the window, from `meta.total`; null when unknown. */
  total: number | null;
}

export interface BackfillPlan {
  status: StatusKey;
  window: BackfillWindow;
  windowFromMs: number | null;
  items: BackfillItem[];
  /** What the estimate itself cost: one call per workflow not covered yet. */
  callsSpent: number;
  callsLeft: number;
  /** Calls left today for the key, when known. */
  remainingQuota: number | null;
  /** 20 % of remainingQuota: what the backfill may spend without a confirmation. */
  unconfirmedBudget: number | null;
  needsConfirmation: boolean;
  /** When an estimate's call met a 429: LeadLex's wait, in seconds, before estimating again. */
  retryAfterSeconds: number | null;
  estimatedAtMs: number;
}

export type BackfillState = "running" | "paused" | "done" | "stopped";

export interface BackfillProgress {
  state: BackfillState;
  callsMade: number;
  /** The most the backfill will spend: the estimate plus a little for runs arriving meanwhile. */
  callsAllowed: number;
  callsEstimated: number;
  /** Runs added since the job started (the estimate's pages not included). */
  runsAdded: number;
  items: { workflowId: string; callsMade: number; callsLeft: number | null; done: boolean }[];
  /** While paused after a 429: when it resumes (Runboard's clock). */
  resumesAtMs: number | null;
  /** Why it stopped before the end: "budget", "cancelled", or an error code. */
  stopReason: string | null;
}

/** The fills behind a plan's pending items, kept off the plan so it stays plain data. */
const fillsOf = new WeakMap<BackfillPlan, FillJob[]>();

export async function planBackfill(
  index: RunIndex,
  request: BackfillRequest,
  deps: BackfillDeps,
): Promise<BackfillPlan> {
  const status = request.status ?? "all";
  const window = request.window ?? "7d";
  const estimatedAtMs = deps.now();
  const span = BACKFILL_WINDOW_MS[window];
  const windowFromMs = request.fromMs ?? (span === null ? null : estimatedAtMs - span);
  const items: BackfillItem[] = [];
  const fills: FillJob[] = [];
  let callsSpent = 0;
  let headerRemaining: number | null = null;
  let retryAfterSeconds: number | null = null;
  for (const workflowId of request.workflowIds) {
    // A 429 holds for the key: the workflows after it are not asked this time.
    if (retryAfterSeconds !== null) {
      items.push({ workflowId, state: "rate_limited", callsLeft: null, total: null });
      continue;
    }
    // A window synced for every status is synced for each one too.
    const covered = [index.coverage(workflowId, status), index.coverage(workflowId, "all")].some(
      (coverage) => coverage !== null && reachesBack(coverage, windowFromMs),
    );
    if (covered && request.refill !== true) {
      items.push({ workflowId, state: "covered", callsLeft: 0, total: null });
      continue;
    }
    const target =
      request.refill === true
        ? { workflowId, status, afterMs: windowFromMs, startPage: 1 }
        : fillTarget(index, workflowId, status, windowFromMs);
    const fill = new FillJob(index, target, {
      ...deps,
      fetchLogsPage: async (...args) => {
        const result = await deps.fetchLogsPage(...args);
        headerRemaining = result.rateLimit?.remaining ?? headerRemaining;
        return result;
      },
    });
    try {
      await fill.step();
      callsSpent += 1;
    } catch (error) {
      retryAfterSeconds = rateLimitWait(error);
      if (retryAfterSeconds === null) throw error;
      items.push({ workflowId, state: "rate_limited", callsLeft: null, total: null });
      continue;
    }
    const callsLeft = fill.callsLeft ?? 0;
    items.push({
      workflowId,
      state: fill.done ? "filled" : "pending",
      callsLeft,
      total: fill.total,
    });
    index.recordEstimate(workflowId, status, {
      afterMs: windowFromMs,
      calls: callsLeft,
      atMs: estimatedAtMs,
    });
    if (!fill.done) fills.push(fill);
  }
  const callsLeft = items.reduce((sum, item) => sum + (item.callsLeft ?? 0), 0);
  const remainingQuota = deps.remainingDailyQuota?.() ?? headerRemaining;
  const unconfirmedBudget =
    remainingQuota === null ? null : Math.floor(remainingQuota * UNCONFIRMED_QUOTA_SHARE);
  const plan: BackfillPlan = {
    status,
    window,
    windowFromMs,
    items,
    callsSpent,
    callsLeft,
    remainingQuota,
    unconfirmedBudget,
    // Unknown quota: nothing proves the backfill fits, so the user decides.
    needsConfirmation:
      callsLeft > 0 &&
      (unconfirmedBudget === null || callsLeft + arrivalAllowance(callsLeft) > unconfirmedBudget),
    retryAfterSeconds,
    estimatedAtMs,
  };
  fillsOf.set(plan, fills);
  return plan;
}

export type BackfillStart =
  | { started: true; job: BackfillJob }
  | { started: false; reason: "needs_confirmation" | "already_started" };

export function startBackfill(
  plan: BackfillPlan,
  deps: BackfillDeps,
  options: { confirmed?: boolean; onProgress?: (progress: BackfillProgress) => void } = {},
): BackfillStart {
  if (plan.needsConfirmation && options.confirmed !== true) {
    return { started: false, reason: "needs_confirmation" };
  }
  const fills = fillsOf.get(plan);
  if (fills === undefined) return { started: false, reason: "already_started" };
  fillsOf.delete(plan);
  return { started: true, job: new BackfillJob(plan, fills, deps, options.onProgress) };
}

export class BackfillJob {
  private state: BackfillState = "running";
  private callsMade = 0;
  private resumesAtMs: number | null = null;
  private stopReason: string | null = null;
  private readonly callsAllowed: number;
  /** What the estimate's pages added, so progress counts the job's own work. */
  private readonly addedByEstimate: number;
  private readonly controller = new AbortController();
  private running: Promise<BackfillProgress> | null = null;

  constructor(
    private readonly plan: BackfillPlan,
    private readonly fills: readonly FillJob[],
    private readonly deps: BackfillDeps,
    private readonly onProgress?: (progress: BackfillProgress) => void,
  ) {
    this.callsAllowed = plan.callsLeft + arrivalAllowance(plan.callsLeft);
    this.addedByEstimate = this.addedSoFar();
  }

  /** Runs to the end (through any 429 pauses); the same promise for every caller. */
  run(): Promise<BackfillProgress> {
    this.running ??= this.work();
    return this.running;
  }

  cancel(): void {
    this.controller.abort();
  }

  progress(): BackfillProgress {
    return {
      state: this.state,
      callsMade: this.callsMade,
      callsAllowed: this.callsAllowed,
      callsEstimated: this.plan.callsLeft,
      runsAdded: this.addedSoFar() - this.addedByEstimate,
      items: this.fills.map((fill) => ({
        workflowId: fill.target.workflowId,
        callsMade: fill.calls,
        callsLeft: fill.callsLeft,
        done: fill.done,
      })),
      resumesAtMs: this.resumesAtMs,
      stopReason: this.stopReason,
    };
  }

  private async work(): Promise<BackfillProgress> {
    const { signal } = this.controller;
    for (const fill of this.fills) {
      while (!fill.done) {
        if (signal.aborted) return this.stop("cancelled");
        if (this.callsMade >= this.callsAllowed) return this.stop("budget");
        try {
          await fill.step(signal);
          this.callsMade += 1;
          this.report();
        } catch (error) {
          if (signal.aborted) return this.stop("cancelled");
          const wait = rateLimitWait(error);
          if (wait === null) return this.stop(toAppError(error).code);
          await this.pause(wait * 1000);
        }
      }
    }
    this.state = "done";
    this.report();
    return this.progress();
  }

  /** LeadLex said when the next window opens: wait for it, then go on from the same page. */
  private async pause(ms: number): Promise<void> {
    this.state = "paused";
    this.resumesAtMs = this.deps.now() + ms;
    this.report();
    try {
      await this.deps.sleep(ms, this.controller.signal);
    } catch {
      // Cancelled while paused: the loop sees the abort.
    }
    this.state = "running";
    this.resumesAtMs = null;
    this.report();
  }

  private stop(reason: string): BackfillProgress {
    this.state = "stopped";
    this.stopReason = reason;
    this.report();
    return this.progress();
  }

  private addedSoFar(): number {
    return this.fills.reduce((sum, fill) => sum + fill.added, 0);
  }

  private report(): void {
    this.onProgress?.(this.progress());
  }
}

/**
 * Runs arriving while a backfill pages push older runs down, so a few pages are read twice:
 * about one call per 100 arrivals. 5 % (at least one call) covers a busy workflow's arrivals
 * over the minutes a large backfill takes.
 */
function arrivalAllowance(callsLeft: number): number {
  return Math.ceil(callsLeft * 0.05) + 1;
}

function fillTarget(
  index: RunIndex,
  workflowId: string,
  status: StatusKey,
  windowFromMs: number | null,
) {
  const covered = index.coverage(workflowId, status);
  if (covered === null || covered.fromMs === null) {
    return { workflowId, status, afterMs: windowFromMs, startPage: 1 };
  }
  // Older runs below a covered window: they start after every held run of the window (a run
  // held now is in the listing now), so the pages before that one can be skipped.
  const heldAbove = index.heldCount(workflowId, status, covered.fromMs);
  return {
    workflowId,
    status,
    afterMs: windowFromMs,
    startPage: Math.floor(heldAbove / RUNS_PER_CALL) + 1,
  };
}
