import type { Run, RunStatus } from "@/lib/model/run";
import { answerCoverage } from "./answer-coverage";
import type { AnswerCoverage } from "./answer-coverage";
import { reachesBack } from "./coverage";
import type { Coverage } from "./coverage";
import { compareNewestFirst, firstOlderThan } from "./held-run";
import type { HeldRun } from "./held-run";
import type { RunIndex } from "./run-index";
import type { WorkflowRuns } from "./workflow-runs";

/**
 * The questions the views ask, answered from the index alone: they never page LeadLex
 * themselves. Every answer carries its coverage (window, freshness, gaps and their cost). The
 * index holds tens of thousands of runs at most (its byte bound), so each question is one pass
 * over the runs in its time window, with binary search for the window's ends.
 */

export interface RunsQuestion {
  /** Default: every workflow the index holds. */
  workflowIds?: readonly string[];
  /** Empty or absent: every status. */
  statuses?: readonly RunStatus[];
  /** Inclusive lower bound on `triggered_at`, epoch ms. */
  afterMs?: number | null;
  /** Exclusive upper bound on `triggered_at`, epoch ms. */
  beforeMs?: number | null;
  entityType?: string;
  /** An error code (of failed runs) or a skip reason (of skipped runs). */
  reason?: string;
  /** Only failures whose record's latest run in that workflow, as synced, is not a success. */
  stillFailingOnly?: boolean;
}

export interface Paging {
  /** 1-based. */
  page: number;
  perPage: number;
}

export interface RunsAnswer {
  runs: Run[];
  total: number;
  page: number;
  perPage: number;
  coverage: AnswerCoverage;
}

/** Runs across workflows, newest first (ties by id descending), filtered and paged. */
export function listRuns(index: RunIndex, question: RunsQuestion, paging: Paging): RunsAnswer {
  const keep = matcher(index, question);
  const cursors = scope(index, question).map((set) => ({ set, ...windowOf(set, question) }));
  let total = 0;
  for (const { set, from, to } of cursors) {
    if (keep === null) {
      total += Math.max(0, to - from);
      continue;
    }
    for (let i = from; i < to; i++) if (keep(set.runs[i] as HeldRun)) total += 1;
  }
  const offset = (paging.page - 1) * paging.perPage;
  const lists = cursors.map(({ set, from, to }) => filteredSlice(set.runs, from, to, keep));
  return {
    runs: mergeNewestFirst(lists, offset, paging.perPage).map((held) => held.run),
    total,
    page: paging.page,
    perPage: paging.perPage,
    coverage: coverageOf(index, question),
  };
}

/** A lazy view of runs[from, to) that match `keep`: the merge reads only as far as it needs. */
interface RunStream {
  peek(): HeldRun | undefined;
  next(): void;
}

function filteredSlice(
  runs: readonly HeldRun[],
  from: number,
  to: number,
  keep: ((held: HeldRun) => boolean) | null,
): RunStream {
  let i = from;
  const settle = () => {
    if (keep !== null) while (i < to && !keep(runs[i] as HeldRun)) i += 1;
  };
  settle();
  return {
    peek: () => (i < to ? runs[i] : undefined),
    next: () => {
      i += 1;
      settle();
    },
  };
}

function arrayStream(runs: readonly HeldRun[]): RunStream {
  return filteredSlice(runs, 0, runs.length, null);
}

export interface RecordAnswer extends RunsAnswer {
  /** The record's latest run in each workflow it has runs in, newest first. */
  latestPerWorkflow: Run[];
  lastSuccess: Run | null;
  lastFailure: Run | null;
  /** Its latest run in some workflow failed. */
  stillFailing: boolean;
}

/**
 * One CRM record's runs across workflows, newest first. Pass the workflows whose trigger entity
 * matches the id's type: the coverage is theirs.
 */
export function recordRuns(
  index: RunIndex,
  entityId: string,
  question: Pick<RunsQuestion, "workflowIds" | "afterMs">,
  paging: Paging,
): RecordAnswer {
  const afterMs = question.afterMs ?? null;
  const lists = scope(index, question).map((set) => {
    const runs = set.runsOf(entityId);
    return afterMs === null ? [...runs] : runs.filter((held) => held.atMs >= afterMs);
  });
  const all = mergeNewestFirst(lists.map(arrayStream), 0, Number.POSITIVE_INFINITY).map(
    (held) => held.run,
  );
  const latestPerWorkflow = lists
    .map((list) => list[0])
    .filter((held): held is HeldRun => held !== undefined)
    .sort(compareNewestFirst)
    .map((held) => held.run);
  const offset = (paging.page - 1) * paging.perPage;
  return {
    runs: all.slice(offset, offset + paging.perPage),
    total: all.length,
    page: paging.page,
    perPage: paging.perPage,
    coverage: coverageOf(index, { ...question, statuses: [] }),
    latestPerWorkflow,
    lastSuccess: all.find((run) => run.status === "success") ?? null,
    lastFailure: all.find((run) => run.status === "failed") ?? null,
    stillFailing: latestPerWorkflow.some((run) => run.status === "failed"),
  };
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface FacetsAnswer {
  /** For the status chips: every other filter applies, the status filter does not. */
  byStatus: Record<RunStatus, number>;
  /** Failed runs by error code: every filter applies but the reason filter. */
  errorCodes: FacetCount[];
  /** Skipped runs by skip reason: every filter applies but the reason filter. */
  skipReasons: FacetCount[];
  /** Matching runs per workflow: every filter applies. */
  byWorkflow: FacetCount[];
  coverage: AnswerCoverage;
}

export function facets(index: RunIndex, question: RunsQuestion): FacetsAnswer {
  const { other, status, reason } = conditions(index, question);
  const byStatus: Record<RunStatus, number> = { success: 0, failed: 0, skipped: 0 };
  const errorCodes = new Map<string, number>();
  const skipReasons = new Map<string, number>();
  const byWorkflow = new Map<string, number>();
  for (const set of scope(index, question)) {
    const { from, to } = windowOf(set, question);
    let inWorkflow = 0;
    for (let i = from; i < to; i++) {
      const held = set.runs[i] as HeldRun;
      if (other !== null && !other(held)) continue;
      const { run } = held;
      const statusOk = status === null || status(held);
      const reasonOk = reason === null || reason(held);
      if (reasonOk) byStatus[run.status] += 1;
      if (!statusOk) continue;
      if (reasonOk) inWorkflow += 1;
      if (run.error !== null && run.status === "failed") {
        errorCodes.set(run.error.code, (errorCodes.get(run.error.code) ?? 0) + 1);
      } else if (run.skipReason !== null && run.status === "skipped") {
        skipReasons.set(run.skipReason, (skipReasons.get(run.skipReason) ?? 0) + 1);
      }
    }
    if (inWorkflow > 0) byWorkflow.set(set.workflowId, inWorkflow);
  }
  return {
    byStatus,
    errorCodes: sortedCounts(errorCodes),
    skipReasons: sortedCounts(skipReasons),
    byWorkflow: sortedCounts(byWorkflow),
    coverage: coverageOf(index, question),
  };
}

export interface TimeBucket {
  /** Start of the bucket, epoch ms (a multiple of bucketMs). */
  startMs: number;
  success: number;
  failed: number;
  skipped: number;
}

export interface BucketsAnswer {
  bucketMs: number;
  /** Oldest first, every bucket of the window present (zeros included), for a stacked chart. */
  buckets: TimeBucket[];
  coverage: AnswerCoverage;
}

const BUCKET_SIZES_MS = [1, 5, 15, 60, 180, 360, 720, 1_440].map((minutes) => minutes * 60_000);
const MAX_BUCKETS = 60;

/** The smallest of the usual bucket sizes that shows the window in at most 60 bars. */
export function bucketSizeFor(windowMs: number): number {
  return (
    BUCKET_SIZES_MS.find((size) => windowMs / size <= MAX_BUCKETS) ??
    Math.ceil(windowMs / MAX_BUCKETS / 86_400_000) * 86_400_000
  );
}

/**
 * Runs per time bucket and status over the question's window (to `nowMs` when it has no
 * `beforeMs`; from the oldest matching run when it has no `afterMs`).
 */
export function timeBuckets(
  index: RunIndex,
  question: RunsQuestion,
  options: { nowMs: number; bucketMs?: number },
): BucketsAnswer {
  const keep = matcher(index, question);
  const windows = scope(index, question).map((set) => ({
    runs: set.runs,
    ...windowOf(set, question),
  }));
  const endMs = question.beforeMs ?? options.nowMs;
  let startMs = question.afterMs ?? endMs;
  if (question.afterMs == null) {
    // From the oldest matching run: the last match of each workflow's window.
    for (const { runs, from, to } of windows) {
      for (let i = to - 1; i >= from; i--) {
        const held = runs[i] as HeldRun;
        if (keep === null || keep(held)) {
          startMs = Math.min(startMs, held.atMs);
          break;
        }
      }
    }
  }
  const bucketMs = options.bucketMs ?? bucketSizeFor(Math.max(1, endMs - startMs));
  const first = Math.floor(startMs / bucketMs) * bucketMs;
  // `before` is exclusive; without it the window ends now, and a run triggered now counts.
  const count =
    question.beforeMs == null
      ? Math.floor((endMs - first) / bucketMs) + 1
      : Math.max(1, Math.ceil((endMs - first) / bucketMs));
  const counts = {
    success: new Int32Array(count),
    failed: new Int32Array(count),
    skipped: new Int32Array(count),
  };
  for (const { runs, from, to } of windows) {
    for (let i = from; i < to; i++) {
      const held = runs[i] as HeldRun;
      if (keep !== null && !keep(held)) continue;
      const slot = Math.floor((held.atMs - first) / bucketMs);
      const perStatus = counts[held.run.status];
      if (slot >= 0 && slot < count) perStatus[slot] = (perStatus[slot] ?? 0) + 1;
    }
  }
  const buckets: TimeBucket[] = Array.from({ length: count }, (_, i) => ({
    startMs: first + i * bucketMs,
    success: counts.success[i] ?? 0,
    failed: counts.failed[i] ?? 0,
    skipped: counts.skipped[i] ?? 0,
  }));
  return { bucketMs, buckets, coverage: coverageOf(index, question) };
}

export interface HealthQuestion {
  /** Failures are counted from here (inclusive, epoch ms). */
  fromMs: number;
  /** Only parts synced at or after this count: an older part is too stale to show as current. */
  syncedSinceMs: number;
}

export interface HealthAnswer {
  /** Failed runs triggered at or after `fromMs`; null when the index cannot vouch for the count. */
  failures: number | null;
  /**
   * The newest run; null when the index vouches that there is none; undefined when it cannot say
   * (nothing covered for every status, or none held inside the covered window).
   */
  lastRun: Run | null | undefined;
  /** The oldest freshness among the parts that answered; null when none did. */
  syncedAtMs: number | null;
}

/**
 * One workflow's health as far as the index can vouch for it, never guessed: the failure count
 * needs failures (or every status) synced back to `fromMs`, the last run needs every status
 * synced, and only parts synced since `syncedSinceMs` answer.
 */
export function workflowHealth(
  index: RunIndex,
  workflowId: string,
  question: HealthQuestion,
): HealthAnswer {
  const fresh = (coverage: Coverage | null): coverage is Coverage =>
    coverage !== null && coverage.syncedAtMs >= question.syncedSinceMs;
  const all = index.coverage(workflowId, "all");
  const failedCoverage = [index.coverage(workflowId, "failed"), all].find(
    (coverage): coverage is Coverage => fresh(coverage) && reachesBack(coverage, question.fromMs),
  );
  const runs = index.runsOf(workflowId)?.runs ?? [];
  let failures: number | null = null;
  if (failedCoverage !== undefined) {
    failures = 0;
    for (const held of runs.slice(0, firstOlderThan(runs, question.fromMs))) {
      if (held.run.status === "failed") failures += 1;
    }
  }
  let lastRun: Run | null | undefined;
  if (fresh(all)) {
    const newest = runs[0];
    if (newest !== undefined && (all.fromMs === null || newest.atMs >= all.fromMs)) {
      lastRun = newest.run;
    } else if (all.fromMs === null) {
      lastRun = null;
    }
  }
  const used = [failedCoverage, lastRun === undefined ? undefined : all].filter(
    (coverage): coverage is Coverage => coverage !== undefined && coverage !== null,
  );
  return {
    failures,
    lastRun,
    syncedAtMs: used.length === 0 ? null : Math.min(...used.map((c) => c.syncedAtMs)),
  };
}

/**
 * How many runs of one workflow with this status were triggered at or after `fromMs` (null: ever),
 * as far as the index vouches for it: its coverage of that status (or of every status) must reach
 * back to `fromMs` and be synced at or after `syncedSinceMs`. Null when it cannot vouch.
 */
export function statusCount(
  index: RunIndex,
  workflowId: string,
  status: RunStatus,
  question: { fromMs: number | null; syncedSinceMs: number },
): { count: number; syncedAtMs: number } | null {
  const covering = [index.coverage(workflowId, status), index.coverage(workflowId, "all")].find(
    (coverage): coverage is Coverage =>
      coverage !== null &&
      coverage.syncedAtMs >= question.syncedSinceMs &&
      reachesBack(coverage, question.fromMs),
  );
  if (covering === undefined) return null;
  const runs = index.runsOf(workflowId)?.runs ?? [];
  const end = question.fromMs === null ? runs.length : firstOlderThan(runs, question.fromMs);
  let count = 0;
  for (let i = 0; i < end; i++) if ((runs[i] as HeldRun).run.status === status) count += 1;
  return { count, syncedAtMs: covering.syncedAtMs };
}

/** A record's latest run in one workflow, as synced; null when none is held. */
export function latestRunOf(index: RunIndex, workflowId: string, entityId: string): Run | null {
  return index.runsOf(workflowId)?.runsOf(entityId)[0]?.run ?? null;
}

function scope(index: RunIndex, question: Pick<RunsQuestion, "workflowIds">): WorkflowRuns[] {
  const ids = question.workflowIds ?? index.workflowIds();
  return [...new Set(ids)]
    .map((id) => index.runsOf(id))
    .filter((set): set is WorkflowRuns => set !== undefined);
}

/** The positions of a workflow's runs inside [afterMs, beforeMs), by binary search. */
function windowOf(set: WorkflowRuns, question: RunsQuestion): { from: number; to: number } {
  const { afterMs = null, beforeMs = null } = question;
  return {
    from: beforeMs === null ? 0 : firstOlderThan(set.runs, beforeMs),
    to: afterMs === null ? set.runs.length : firstOlderThan(set.runs, afterMs),
  };
}

type Condition = ((held: HeldRun) => boolean) | null;

/**
 * A question's filters in three parts, so each facet can leave its own out; null where the part
 * filters nothing, so scans skip it.
 */
function conditions(
  index: RunIndex,
  question: RunsQuestion,
): { other: Condition; status: Condition; reason: Condition } {
  const statuses = new Set(question.statuses ?? []);
  const { entityType, reason, stillFailingOnly } = question;
  const byEntity: Condition =
    entityType === undefined ? null : ({ run }) => run.entityType === entityType;
  const stillFailing: Condition =
    stillFailingOnly !== true
      ? null
      : ({ run }) =>
          run.status === "failed" &&
          latestRunOf(index, run.workflowId, run.entityId)?.status !== "success";
  return {
    other: both(byEntity, stillFailing),
    status: statuses.size === 0 ? null : ({ run }) => statuses.has(run.status),
    reason:
      reason === undefined
        ? null
        : ({ run }) => run.error?.code === reason || run.skipReason === reason,
  };
}

/** Every filter of the question; null when it has none. */
function matcher(index: RunIndex, question: RunsQuestion): Condition {
  const { other, status, reason } = conditions(index, question);
  return both(both(other, status), reason);
}

function both(a: Condition, b: Condition): Condition {
  if (a === null) return b;
  if (b === null) return a;
  return (held) => a(held) && b(held);
}

function coverageOf(index: RunIndex, question: RunsQuestion): AnswerCoverage {
  const statuses = question.stillFailingOnly === true ? [] : (question.statuses ?? []);
  return answerCoverage(index, question.workflowIds ?? index.workflowIds(), statuses, {
    fromMs: question.afterMs ?? null,
    toMs: question.beforeMs ?? null,
  });
}

/** Entries offset..offset+limit of the newest-first merge of newest-first streams. */
function mergeNewestFirst(streams: readonly RunStream[], offset: number, limit: number): HeldRun[] {
  const out: HeldRun[] = [];
  for (let taken = 0; taken < offset + limit; taken++) {
    let pick: RunStream | undefined;
    let best: HeldRun | undefined;
    for (const stream of streams) {
      const candidate = stream.peek();
      if (
        candidate !== undefined &&
        (best === undefined || compareNewestFirst(candidate, best) < 0)
      ) {
        best = candidate;
        pick = stream;
      }
    }
    if (best === undefined || pick === undefined) break;
    pick.next();
    if (taken >= offset) out.push(best);
  }
  return out;
}

function sortedCounts(counts: Map<string, number>): FacetCount[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}
