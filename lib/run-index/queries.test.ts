import { describe, expect, it } from "vitest";
import type { Run, RunStatus } from "@/lib/model/run";
import {
  bucketSizeFor,
  facets,
  latestRunOf,
  listRuns,
  recordRuns,
  statusCount,
  timeBuckets,
  workflowHealth,
} from "./queries";
import type { RunsQuestion } from "./queries";
import { RunIndex } from "./run-index";
import { FakeLeadlex } from "./testing/fake-leadlex";

// Every answer is checked against a plain computation over the same runs: filter, sort, count.

const T0 = Date.parse("2026-04-20T12:00:00Z");
const DAY = 86_400_000;
const WORKFLOWS = ["wf_a", "wf_b", "wf_c", "wf_d", "wf_e"];
const STATUSES: RunStatus[] = ["success", "failed", "skipped"];
const ERROR_CODES = ["timeout", "http_500", "bounced"];
const SKIP_REASONS = ["condition_not_met", "duplicate_event"];

function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function buildRuns(): { index: RunIndex; all: Run[] } {
  const random = rng(11);
  const fake = new FakeLeadlex(T0);
  const index = new RunIndex();
  const all: Run[] = [];
  for (let i = 0; i < 3_000; i++) {
    const workflowId = pick(random, WORKFLOWS);
    const status = pick(random, STATUSES);
    const entityType = workflowId === "wf_e" ? "contact" : "deal";
    // Coarse times, so many runs share a second and the id decides their order.
    const atMs = T0 - Math.floor(random() * 2_000) * 400_000;
    all.push(
      fake.add(workflowId, atMs, {
        status,
        entityType,
        entityId: `${entityType}_${Math.floor(random() * 40)}`,
        error: status === "failed" ? { code: pick(random, ERROR_CODES), message: "x" } : null,
        skipReason: status === "skipped" ? pick(random, SKIP_REASONS) : null,
      }),
    );
  }
  // Added in pages of shuffled order, as syncs and backfills would.
  for (let i = 0; i < all.length; i += 97) {
    const chunk = all.slice(i, i + 97);
    for (const workflowId of WORKFLOWS) {
      index.add(
        workflowId,
        chunk.filter((run) => run.workflowId === workflowId),
      );
    }
  }
  return { index, all };
}

const times = new WeakMap<Run, number>();
const at = (run: Run): number => {
  let ms = times.get(run);
  if (ms === undefined) {
    ms = Date.parse(run.triggeredAt);
    times.set(run, ms);
  }
  return ms;
};
const newestFirst = (a: Run, b: Run) => at(b) - at(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

const latestByRecord = new WeakMap<readonly Run[], Map<string, Run>>();

/** A record's newest run in a workflow, by a plain scan (once per run list). */
function latest(all: readonly Run[], workflowId: string, entityId: string): Run | undefined {
  let byRecord = latestByRecord.get(all);
  if (byRecord === undefined) {
    byRecord = new Map();
    for (const run of all) {
      const key = `${run.workflowId} ${run.entityId}`;
      const held = byRecord.get(key);
      if (held === undefined || newestFirst(run, held) < 0) byRecord.set(key, run);
    }
    latestByRecord.set(all, byRecord);
  }
  return byRecord.get(`${workflowId} ${entityId}`);
}

function matches(
  all: readonly Run[],
  question: RunsQuestion,
  ignore: "statuses" | "reason" | null = null,
) {
  return (run: Run) =>
    (question.workflowIds === undefined || question.workflowIds.includes(run.workflowId)) &&
    (ignore === "statuses" ||
      (question.statuses ?? []).length === 0 ||
      (question.statuses ?? []).includes(run.status)) &&
    (question.afterMs == null || at(run) >= question.afterMs) &&
    (question.beforeMs == null || at(run) < question.beforeMs) &&
    (question.entityType === undefined || run.entityType === question.entityType) &&
    (ignore === "reason" ||
      question.reason === undefined ||
      run.error?.code === question.reason ||
      run.skipReason === question.reason) &&
    (question.stillFailingOnly !== true ||
      (run.status === "failed" && latest(all, run.workflowId, run.entityId)?.status !== "success"));
}

function randomQuestion(random: () => number): RunsQuestion {
  const question: RunsQuestion = {};
  if (random() < 0.5) question.workflowIds = WORKFLOWS.filter(() => random() < 0.5);
  if (random() < 0.6) question.statuses = STATUSES.filter(() => random() < 0.5);
  if (random() < 0.6) question.afterMs = T0 - Math.floor(random() * 9 * DAY);
  if (random() < 0.3) question.beforeMs = T0 - Math.floor(random() * 4 * DAY);
  if (random() < 0.2) question.entityType = pick(random, ["deal", "contact"]);
  if (random() < 0.2) question.reason = pick(random, [...ERROR_CODES, ...SKIP_REASONS]);
  if (random() < 0.15) question.stillFailingOnly = true;
  return question;
}

describe("run index queries", () => {
  const { index, all } = buildRuns();

  it("lists runs across workflows newest first, filtered and paged, as a plain filter would", () => {
    const random = rng(5);
    for (let trial = 0; trial < 200; trial++) {
      const question = randomQuestion(random);
      const expected = all.filter(matches(all, question)).sort(newestFirst);
      const perPage = pick(random, [10, 25, 100]);
      const page = 1 + Math.floor(random() * (expected.length / perPage + 1));
      const answer = listRuns(index, question, { page, perPage });
      expect(answer.total, JSON.stringify(question)).toBe(expected.length);
      expect(answer.runs.map((run) => run.id)).toEqual(
        expected.slice((page - 1) * perPage, page * perPage).map((run) => run.id),
      );
    }
  });

  it("keeps only failures whose record's latest run in that workflow is not a success", () => {
    const answer = listRuns(index, { stillFailingOnly: true }, { page: 1, perPage: 5_000 });
    expect(answer.total).toBeGreaterThan(0);
    const allFailed = all.filter((run) => run.status === "failed").length;
    expect(answer.total).toBeLessThan(allFailed);
    for (const run of answer.runs) {
      expect(run.status).toBe("failed");
      expect(latestRunOf(index, run.workflowId, run.entityId)?.status).not.toBe("success");
    }
  });

  it("counts statuses, error codes, skip reasons and workflows, each facet ignoring its own filter", () => {
    const random = rng(9);
    const tally = (runs: Run[], key: (run: Run) => string | null) => {
      const counts = new Map<string, number>();
      for (const run of runs) {
        const value = key(run);
        if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      return [...counts].map(([value, count]) => ({ value, count }));
    };
    const sorted = (counts: { value: string; count: number }[]) =>
      [...counts].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    for (let trial = 0; trial < 100; trial++) {
      const question = randomQuestion(random);
      const answer = facets(index, question);
      const anyStatus = all.filter(matches(all, question, "statuses"));
      expect(answer.byStatus).toEqual({
        success: anyStatus.filter((run) => run.status === "success").length,
        failed: anyStatus.filter((run) => run.status === "failed").length,
        skipped: anyStatus.filter((run) => run.status === "skipped").length,
      });
      const anyReason = all.filter(matches(all, question, "reason"));
      expect(answer.errorCodes).toEqual(
        sorted(
          tally(anyReason, (run) => (run.status === "failed" ? (run.error?.code ?? null) : null)),
        ),
      );
      expect(answer.skipReasons).toEqual(
        sorted(tally(anyReason, (run) => (run.status === "skipped" ? run.skipReason : null))),
      );
      expect(answer.byWorkflow).toEqual(
        sorted(tally(all.filter(matches(all, question)), (run) => run.workflowId)),
      );
    }
  });

  it("counts runs per time bucket and status, every bucket of the window present", () => {
    const random = rng(13);
    for (let trial = 0; trial < 60; trial++) {
      const question = { ...randomQuestion(random), afterMs: T0 - Math.floor(random() * 9 * DAY) };
      const answer = timeBuckets(index, question, { nowMs: T0 });
      const end = question.beforeMs ?? T0;
      expect(answer.bucketMs).toBe(bucketSizeFor(end - question.afterMs));
      expect(answer.buckets.length).toBeLessThanOrEqual(61);
      const expected = all.filter(matches(all, question));
      const counted = answer.buckets.reduce((sum, b) => sum + b.success + b.failed + b.skipped, 0);
      expect(counted).toBe(expected.length);
      for (const bucket of answer.buckets) {
        const inBucket = expected.filter(
          (run) => at(run) >= bucket.startMs && at(run) < bucket.startMs + answer.bucketMs,
        );
        expect([bucket.success, bucket.failed, bucket.skipped]).toEqual(
          STATUSES.map((status) => inBucket.filter((run) => run.status === status).length),
        );
      }
    }
  });

  it("gives a record's runs across workflows, its latest per workflow and whether it still fails", () => {
    for (const entityId of ["deal_3", "deal_17", "contact_5", "deal_999"]) {
      const answer = recordRuns(index, entityId, {}, { page: 1, perPage: 1_000 });
      const expected = all.filter((run) => run.entityId === entityId).sort(newestFirst);
      expect(answer.total).toBe(expected.length);
      expect(answer.runs.map((run) => run.id)).toEqual(expected.map((run) => run.id));
      const perWorkflow = WORKFLOWS.map((id) => latest(all, id, entityId))
        .filter((run): run is Run => run !== undefined)
        .sort(newestFirst);
      expect(answer.latestPerWorkflow.map((run) => run.id)).toEqual(
        perWorkflow.map((run) => run.id),
      );
      expect(answer.lastSuccess?.id).toBe(expected.find((run) => run.status === "success")?.id);
      expect(answer.lastFailure?.id).toBe(expected.find((run) => run.status === "failed")?.id);
      expect(answer.stillFailing).toBe(perWorkflow.some((run) => run.status === "failed"));
    }
    const paged = recordRuns(
      index,
      "deal_3",
      { workflowIds: ["wf_a"], afterMs: T0 - 5 * DAY },
      { page: 2, perPage: 3 },
    );
    const expected = all
      .filter(
        (run) => run.entityId === "deal_3" && run.workflowId === "wf_a" && at(run) >= T0 - 5 * DAY,
      )
      .sort(newestFirst);
    expect(paged.total).toBe(expected.length);
    expect(paged.runs.map((run) => run.id)).toEqual(expected.slice(3, 6).map((run) => run.id));
  });

  it("chooses chart buckets of a usual size, at most 60 of them", () => {
    expect(bucketSizeFor(3_600_000)).toBe(60_000);
    expect(bucketSizeFor(DAY)).toBe(60 * 60_000);
    expect(bucketSizeFor(7 * DAY)).toBe(180 * 60_000);
    expect(bucketSizeFor(90 * DAY)).toBe(2 * DAY);
  });
});

describe("coverage of an answer", () => {
  const fake = new FakeLeadlex(T0);
  const index = new RunIndex();
  for (const id of ["wf_a", "wf_b", "wf_c"])
    index.add(id, [fake.add(id, T0 - 3_600_000, { status: "failed" })]);
  index.commit("wf_a", "all", {
    afterMs: T0 - 7 * DAY,
    syncedAtMs: T0 - 60_000,
    newestMs: T0,
    coveredTop: true,
  });
  index.commit("wf_b", "failed", {
    afterMs: T0 - DAY,
    syncedAtMs: T0 - 5_000,
    newestMs: T0,
    coveredTop: true,
  });
  const workflowIds = ["wf_a", "wf_b", "wf_c"];

  it("says which workflows cover the window, how fresh, and where the gaps are", () => {
    const answer = listRuns(
      index,
      { workflowIds, statuses: ["failed"], afterMs: T0 - DAY },
      { page: 1, perPage: 10 },
    );
    expect(answer.total).toBe(3);
    const { coverage } = answer;
    expect(coverage.complete).toBe(false);
    // wf_a's sync of every status serves "failed"; the answer is as fresh as its oldest part.
    expect(
      coverage.parts.map((p) => [p.workflowId, p.status, p.coversWindow, p.syncedAtMs]),
    ).toEqual([
      ["wf_a", "failed", true, T0 - 60_000],
      ["wf_b", "failed", true, T0 - 5_000],
      ["wf_c", "failed", false, null],
    ]);
    expect(coverage.syncedAsOfMs).toBe(T0 - 60_000);
    expect(coverage.gaps).toEqual([
      {
        workflowId: "wf_c",
        status: "failed",
        fromMs: T0 - DAY,
        toMs: null,
        estimatedCalls: null,
        estimatedAtMs: null,
      },
    ]);
    expect(coverage.gapCalls).toBeNull();
  });

  it("puts a gap's cost from the last estimate that reached back far enough", () => {
    index.recordEstimate("wf_c", "all", { afterMs: T0 - 7 * DAY, calls: 12, atMs: T0 - 1_000 });
    const answer = listRuns(
      index,
      { workflowIds, afterMs: T0 - 3 * DAY },
      { page: 1, perPage: 10 },
    );
    // Every status: wf_b's "failed" sync does not serve it.
    expect(answer.coverage.gaps.map((gap) => [gap.workflowId, gap.estimatedCalls])).toEqual([
      ["wf_b", null],
      ["wf_c", 12],
    ]);
    expect(answer.coverage.gapCalls).toBeNull();
    const older = listRuns(
      index,
      { workflowIds: ["wf_a", "wf_c"], afterMs: T0 - 30 * DAY },
      { page: 1, perPage: 10 },
    );
    // wf_a is synced from 7 days back: the gap is the 23 days before; the estimate for wf_c
    // reached back 7 days only, so it says nothing about 30.
    expect(older.coverage.gaps).toEqual([
      {
        workflowId: "wf_a",
        status: "all",
        fromMs: T0 - 30 * DAY,
        toMs: T0 - 7 * DAY,
        estimatedCalls: null,
        estimatedAtMs: null,
      },
      {
        workflowId: "wf_c",
        status: "all",
        fromMs: T0 - 30 * DAY,
        toMs: null,
        estimatedCalls: null,
        estimatedAtMs: null,
      },
    ]);
    const covered = listRuns(
      index,
      { workflowIds: ["wf_a"], afterMs: T0 - 2 * DAY },
      { page: 1, perPage: 10 },
    );
    expect(covered.coverage).toMatchObject({
      complete: true,
      gaps: [],
      gapCalls: 0,
      syncedAsOfMs: T0 - 60_000,
    });
  });
});

describe("workflowHealth", () => {
  const fromMs = T0 - DAY;
  const fill = (syncedAtMs: number, afterMs: number | null) => ({
    afterMs,
    syncedAtMs,
    newestMs: T0,
    coveredTop: true,
  });

  it("counts failures and names the last run only for parts synced back far enough and recently", () => {
    const { index, all } = buildRuns();
    const runs = all.filter((run) => run.workflowId === "wf_a").sort(newestFirst);
    const failures = runs.filter((run) => run.status === "failed" && at(run) >= fromMs).length;

    expect(workflowHealth(index, "wf_a", { fromMs, syncedSinceMs: T0 - 60_000 })).toEqual({
      failures: null,
      lastRun: undefined,
      syncedAtMs: null,
    });

    index.commit("wf_a", "failed", fill(T0 - 30_000, fromMs));
    expect(workflowHealth(index, "wf_a", { fromMs, syncedSinceMs: T0 - 60_000 })).toEqual({
      failures,
      lastRun: undefined,
      syncedAtMs: T0 - 30_000,
    });
    // Too old a sync answers nothing; a sync that starts after the window does not either.
    expect(workflowHealth(index, "wf_a", { fromMs, syncedSinceMs: T0 }).failures).toBeNull();
    expect(
      workflowHealth(index, "wf_a", { fromMs: fromMs - 1, syncedSinceMs: T0 - 60_000 }).failures,
    ).toBeNull();

    index.commit("wf_a", "all", fill(T0 - 10_000, null));
    const health = workflowHealth(index, "wf_a", { fromMs, syncedSinceMs: T0 - 60_000 });
    expect(health.lastRun?.id).toBe(runs[0]?.id);
    expect(health.failures).toBe(failures);
    expect(health.syncedAtMs).toBe(T0 - 30_000);
  });

  it("vouches for 'never ran' only when every status is synced from the first run", () => {
    const index = new RunIndex();
    index.commit("wf_new", "all", fill(T0, fromMs));
    expect(workflowHealth(index, "wf_new", { fromMs, syncedSinceMs: T0 })).toMatchObject({
      failures: 0,
      lastRun: undefined,
    });
    index.commit("wf_new", "all", fill(T0, null));
    expect(workflowHealth(index, "wf_new", { fromMs, syncedSinceMs: T0 }).lastRun).toBeNull();
  });
});

describe("statusCount", () => {
  const fromMs = T0 - 3 * DAY;
  const fill = (syncedAtMs: number, afterMs: number | null) => ({
    afterMs,
    syncedAtMs,
    newestMs: T0,
    coveredTop: true,
  });
  const fresh = { fromMs, syncedSinceMs: T0 - 60_000 };

  it("counts a status from the window's start only where that status or every status is covered", () => {
    const { index, all } = buildRuns();
    const expected = (status: RunStatus, since: number | null) =>
      all.filter(
        (run) =>
          run.workflowId === "wf_b" &&
          run.status === status &&
          (since === null || at(run) >= since),
      ).length;

    expect(statusCount(index, "wf_b", "skipped", fresh)).toBeNull();
    index.commit("wf_b", "skipped", fill(T0 - 20_000, fromMs));
    expect(statusCount(index, "wf_b", "skipped", fresh)).toEqual({
      count: expected("skipped", fromMs),
      syncedAtMs: T0 - 20_000,
    });
    // Skipped coverage says nothing of failures; nor does a window reaching further back.
    expect(statusCount(index, "wf_b", "failed", fresh)).toBeNull();
    expect(statusCount(index, "wf_b", "skipped", { ...fresh, fromMs: fromMs - 1 })).toBeNull();
    expect(statusCount(index, "wf_b", "skipped", { ...fresh, syncedSinceMs: T0 })).toBeNull();

    index.commit("wf_b", "all", fill(T0 - 10_000, null));
    expect(statusCount(index, "wf_b", "failed", { ...fresh, fromMs: null })?.count).toBe(
      expected("failed", null),
    );
    expect(statusCount(index, "wf_b", "success", fresh)?.count).toBe(expected("success", fromMs));
  });
});
