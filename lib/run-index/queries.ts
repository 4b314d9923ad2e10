import type { Run, RunStatus } from "@/lib/model/run";
import { answerCoverage } from "./answer-coverage";
import type { AnswerCoverage } from "./answer-coverage";
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
  const lists = scope(index, question).map((set) => {
    const out: HeldRun[] = [];
    const { from, to } = windowOf(set, question);
    for (let i = from; i < to; i++) {
      const held = set.runs[i];
      if (held !== undefined && keep(held)) out.push(held);
    }
    return out;
  });
  const total = lists.reduce((sum, list) => sum + list.length, 0);
  const offset = (paging.page - 1) * paging.perPage;
  return {
    runs: mergeNewestFirst(lists, offset, paging.perPage).map((held) => held.run),
    total,
    page: paging.page,
    perPage: paging.perPage,
    coverage: coverageOf(index, question),
  };
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
  const all = mergeNewestFirst(lists, 0, Number.POSITIVE_INFINITY).map((held) => held.run);
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
  const every = matcher(index, question);
  const anyStatus = matcher(index, { ...question, statuses: [] });
  const anyReason = matcher(index, { ...question, reason: undefined });
  const byStatus: Record<RunStatus, number> = { success: 0, failed: 0, skipped: 0 };
  const errorCodes = new Map<string, number>();
  const skipReasons = new Map<string, number>();
  const byWorkflow = new Map<string, number>();
  for (const set of scope(index, question)) {
    const { from, to } = windowOf(set, question);
    for (let i = from; i < to; i++) {
      const held = set.runs[i];
      if (held === undefined) continue;
      const { run } = held;
      if (anyStatus(held)) byStatus[run.status] += 1;
      if (every(held)) byWorkflow.set(run.workflowId, (byWorkflow.get(run.workflowId) ?? 0) + 1);
      if (anyReason(held)) {
        if (run.status === "failed" && run.error !== null) {
          errorCodes.set(run.error.code, (errorCodes.get(run.error.code) ?? 0) + 1);
        } else if (run.status === "skipped" && run.skipReason !== null) {
          skipReasons.set(run.skipReason, (skipReasons.get(run.skipReason) ?? 0) + 1);
        }
      }
    }
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
  const matching: HeldRun[] = [];
  for (const set of scope(index, question)) {
    const { from, to } = windowOf(set, question);
    for (let i = from; i < to; i++) {
      const held = set.runs[i];
      if (held !== undefined && keep(held)) matching.push(held);
    }
  }
  const endMs = question.beforeMs ?? options.nowMs;
  const startMs =
    question.afterMs ?? matching.reduce((oldest, held) => Math.min(oldest, held.atMs), endMs);
  const bucketMs = options.bucketMs ?? bucketSizeFor(Math.max(1, endMs - startMs));
  const first = Math.floor(startMs / bucketMs) * bucketMs;
  // `before` is exclusive; without it the window ends now, and a run triggered now counts.
  const count =
    question.beforeMs == null
      ? Math.floor((endMs - first) / bucketMs) + 1
      : Math.max(1, Math.ceil((endMs - first) / bucketMs));
  const buckets: TimeBucket[] = Array.from({ length: count }, (_, i) => ({
    startMs: first + i * bucketMs,
    success: 0,
    failed: 0,
    skipped: 0,
  }));
  for (const held of matching) {
    const bucket = buckets[Math.floor((held.atMs - first) / bucketMs)];
    if (bucket !== undefined) bucket[held.run.status] += 1;
  }
  return { bucketMs, buckets, coverage: coverageOf(index, question) };
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

function matcher(index: RunIndex, question: RunsQuestion): (held: HeldRun) => boolean {
  const statuses = new Set(question.statuses ?? []);
  const { entityType, reason, stillFailingOnly } = question;
  return ({ run }) => {
    if (statuses.size > 0 && !statuses.has(run.status)) return false;
    if (entityType !== undefined && run.entityType !== entityType) return false;
    if (reason !== undefined && run.error?.code !== reason && run.skipReason !== reason) {
      return false;
    }
    if (stillFailingOnly === true) {
      if (run.status !== "failed") return false;
      return latestRunOf(index, run.workflowId, run.entityId)?.status !== "success";
    }
    return true;
  };
}

function coverageOf(index: RunIndex, question: RunsQuestion): AnswerCoverage {
  const statuses = question.stillFailingOnly === true ? [] : (question.statuses ?? []);
  return answerCoverage(index, question.workflowIds ?? index.workflowIds(), statuses, {
    fromMs: question.afterMs ?? null,
    toMs: question.beforeMs ?? null,
  });
}

/** Entries offset..offset+limit of the newest-first merge of newest-first lists. */
function mergeNewestFirst(lists: readonly HeldRun[][], offset: number, limit: number): HeldRun[] {
  const heads = lists.map(() => 0);
  const out: HeldRun[] = [];
  for (let taken = 0; taken < offset + limit; taken++) {
    let pick = -1;
    let best: HeldRun | undefined;
    lists.forEach((list, i) => {
      const candidate = list[heads[i] ?? 0];
      if (
        candidate !== undefined &&
        (best === undefined || compareNewestFirst(candidate, best) < 0)
      ) {
        best = candidate;
        pick = i;
      }
    });
    if (best === undefined) break;
    heads[pick] = (heads[pick] ?? 0) + 1;
    if (taken >= offset) out.push(best);
  }
  return out;
}

function sortedCounts(counts: Map<string, number>): FacetCount[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}
