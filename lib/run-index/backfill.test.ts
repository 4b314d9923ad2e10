import { describe, expect, it } from "vitest";
import { planBackfill, startBackfill } from "./backfill";
import type { BackfillDeps, BackfillProgress } from "./backfill";
import { listRuns } from "./queries";
import { RunIndex } from "./run-index";
import { syncWorkflow } from "./sync";
import { FakeLeadlex } from "./testing/fake-leadlex";

const T0 = Date.parse("2026-04-20T12:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** `count` runs of `workflowId`, evenly over the `days` before T0. */
function spread(fake: FakeLeadlex, workflowId: string, count: number, days: number) {
  for (let i = 0; i < count; i++)
    fake.add(workflowId, T0 - 1_000 - Math.floor((i * days * DAY) / count));
}

function setUp(options: { maxBytes?: number } = {}) {
  const fake = new FakeLeadlex(T0);
  const waits: number[] = [];
  const deps: BackfillDeps = {
    fetchLogsPage: fake.fetchLogsPage,
    now: () => fake.nowMs,
    sleep: async (ms) => {
      waits.push(ms);
      fake.nowMs += ms;
    },
  };
  return { fake, deps, waits, index: new RunIndex(options) };
}

const heldIds = (index: RunIndex, id: string) =>
  (index.runsOf(id)?.runs ?? []).map((held) => held.run.id);

describe("backfill", () => {
  it("estimates from the first page it needs, which it keeps: small workflows are done by it", async () => {
    const { fake, deps, index } = setUp();
    spread(fake, "wf_small", 40, 6);
    spread(fake, "wf_mid", 450, 6);
    spread(fake, "wf_old", 30, 20); // Most of these are older than the 7 days asked for.
    const plan = await planBackfill(
      index,
      { workflowIds: ["wf_small", "wf_mid", "wf_none", "wf_old"], window: "7d" },
      deps,
    );
    expect(plan.callsSpent).toBe(4);
    expect(
      plan.items.map((item) => [item.workflowId, item.state, item.callsLeft, item.total]),
    ).toEqual([
      ["wf_small", "filled", 0, 40],
      ["wf_mid", "pending", 4, 450],
      ["wf_none", "filled", 0, 0],
      ["wf_old", "filled", 0, 11],
    ]);
    expect(plan.callsLeft).toBe(4);
    expect(plan.windowFromMs).toBe(T0 - 7 * DAY);
    // Filled by the estimate alone: covered from the window's start, as of the estimate.
    expect(index.coverage("wf_small", "all")).toEqual({
      fromMs: T0 - 7 * DAY,
      syncedAtMs: T0,
      newestMs: T0 - 1_000,
    });
    expect(heldIds(index, "wf_small")).toEqual(fake.visible("wf_small").map((run) => run.id));
    expect(index.coverage("wf_mid", "all")).toBeNull();
    // The only requests: page 1 at 100 runs, after the window's start, for each workflow.
    expect(fake.calls.map((call) => call.request)).toEqual(
      Array(4).fill({ page: 1, perPage: 100, status: null, after: "2026-04-13T12:00:00Z" }),
    );
  });

  it("needs a confirmation above 20 % of the key's remaining daily quota, and not below", async () => {
    const { fake, deps, index } = setUp();
    spread(fake, "wf_mid", 950, 6);
    fake.remaining = 61; // 60 left after the estimate's call: 12 may be spent unasked.
    const tight = await planBackfill(index, { workflowIds: ["wf_mid"] }, deps);
    expect(tight).toMatchObject({ callsLeft: 9, remainingQuota: 60, unconfirmedBudget: 12 });
    // 9 calls, plus one for runs arriving meanwhile, fit in 12.
    expect(tight.needsConfirmation).toBe(false);

    const other = setUp();
    spread(other.fake, "wf_mid", 950, 6);
    other.fake.remaining = 41;
    const over = await planBackfill(other.index, { workflowIds: ["wf_mid"] }, other.deps);
    expect(over).toMatchObject({ callsLeft: 9, unconfirmedBudget: 8, needsConfirmation: true });
    expect(startBackfill(over, other.deps)).toEqual({
      started: false,
      reason: "needs_confirmation",
    });
    const confirmed = startBackfill(over, other.deps, { confirmed: true });
    if (!confirmed.started) throw new Error("confirmed backfill did not start");
    const done = await confirmed.job.run();
    expect(done).toMatchObject({ state: "done", callsMade: 9, callsEstimated: 9 });
    expect(startBackfill(over, other.deps, { confirmed: true })).toEqual({
      started: false,
      reason: "already_started",
    });
  });

  it("prefers the quota layer's count of calls left to the last answer's header", async () => {
    const { fake, deps, index } = setUp();
    spread(fake, "wf_mid", 450, 6);
    const plan = await planBackfill(
      index,
      { workflowIds: ["wf_mid"] },
      { ...deps, remainingDailyQuota: () => 100 },
    );
    expect(plan).toMatchObject({
      remainingQuota: 100,
      unconfirmedBudget: 20,
      needsConfirmation: false,
    });
    const unknown = await planBackfill(
      new RunIndex(),
      { workflowIds: ["wf_mid"] },
      {
        ...deps,
        fetchLogsPage: async (...args) => ({
          ...(await fake.fetchLogsPage(...args)),
          rateLimit: null,
        }),
      },
    );
    // Nothing says how much quota is left: the user decides.
    expect(unknown.needsConfirmation).toBe(true);
  });

  it("stops estimating at a 429, and says when to estimate again", async () => {
    const { fake, deps, index } = setUp();
    spread(fake, "wf_small", 40, 6);
    spread(fake, "wf_mid", 450, 6);
    fake.beforeCall = (call) => {
      if (call.workflowId === "wf_mid") fake.refuseNext = 1;
    };
    fake.retryAfterSeconds = 25;
    const plan = await planBackfill(
      index,
      { workflowIds: ["wf_small", "wf_mid", "wf_other"] },
      deps,
    );
    expect(plan.items.map((item) => item.state)).toEqual([
      "filled",
      "rate_limited",
      "rate_limited",
    ]);
    expect(plan).toMatchObject({ callsSpent: 1, callsLeft: 0, retryAfterSeconds: 25 });
    expect(fake.calls.map((call) => call.workflowId)).toEqual(["wf_small", "wf_mid"]);
  });

  it("reports progress page by page, and partial answers while it runs", async () => {
    const { fake, deps, index } = setUp();
    spread(fake, "wf_small", 40, 6);
    spread(fake, "wf_mid", 450, 6);
    const plan = await planBackfill(index, { workflowIds: ["wf_small", "wf_mid"] }, deps);
    const seen: BackfillProgress[] = [];
    const midway: { held: number; complete: boolean; gaps: string[] }[] = [];
    const start = startBackfill(plan, deps, {
      onProgress: (progress) => {
        seen.push(progress);
        const answer = listRuns(index, { afterMs: T0 - 7 * DAY }, { page: 1, perPage: 25 });
        midway.push({
          held: answer.total,
          complete: answer.coverage.complete,
          gaps: answer.coverage.gaps.map((gap) => gap.workflowId),
        });
      },
    });
    if (!start.started) throw new Error("did not start");
    const final = await start.job.run();
    expect(seen.map((p) => p.callsMade)).toEqual([1, 2, 3, 4, 4]);
    expect(seen.at(-1)).toMatchObject({ state: "done", runsAdded: 350 });
    expect(final.items).toEqual([{ workflowId: "wf_mid", callsMade: 5, callsLeft: 0, done: true }]);
    // While it ran, answers grew and said wf_mid was not covered yet.
    expect(midway.map((m) => m.held)).toEqual([240, 340, 440, 490, 490]);
    expect(midway[0]).toMatchObject({ complete: false, gaps: ["wf_mid"] });
    expect(midway.at(-1)).toMatchObject({ complete: true, gaps: [] });
  });

  it("pauses on 429 until Retry-After, then goes on from the same page", async () => {
    const { fake, deps, index, waits } = setUp();
    spread(fake, "wf_mid", 450, 6);
    const plan = await planBackfill(index, { workflowIds: ["wf_mid"] }, deps);
    const states: string[] = [];
    let pausedUntil: number | null = null;
    fake.beforeCall = (call) => {
      if (
        call.request.page === 3 &&
        fake.callsFor("wf_mid").filter((c) => c.request.page === 3).length === 1
      ) {
        fake.refuseNext = 2;
        fake.retryAfterSeconds = 17;
      }
    };
    const start = startBackfill(plan, deps, {
      onProgress: (progress) => {
        states.push(progress.state);
        if (progress.state === "paused") pausedUntil = progress.resumesAtMs;
      },
    });
    if (!start.started) throw new Error("did not start");
    const startedAt = fake.nowMs;
    const final = await start.job.run();
    expect(waits).toEqual([17_000, 17_000]);
    expect(pausedUntil).toBe(startedAt + 34_000);
    expect(states).toContain("paused");
    expect(final).toMatchObject({ state: "done", callsMade: 4 });
    expect(fake.callsFor("wf_mid").map((call) => call.request.page)).toEqual([1, 2, 3, 3, 3, 4, 5]);
    expect(heldIds(index, "wf_mid")).toEqual(fake.visible("wf_mid").map((run) => run.id));
  });

  it("can be cancelled; what it read is kept but not vouched for", async () => {
    const { fake, deps, index } = setUp();
    spread(fake, "wf_mid", 450, 6);
    const plan = await planBackfill(index, { workflowIds: ["wf_mid"] }, deps);
    const start = startBackfill(plan, deps, {
      onProgress: (progress) => {
        if (progress.callsMade === 2) cancelling();
      },
    });
    if (!start.started) throw new Error("did not start");
    const cancelling = () => start.job.cancel();
    const final = await start.job.run();
    expect(final).toMatchObject({ state: "stopped", stopReason: "cancelled", callsMade: 2 });
    expect(index.runsOf("wf_mid")?.size).toBe(300);
    expect(index.coverage("wf_mid", "all")).toBeNull();
  });

  it("loses no run while runs arrive during the backfill", async () => {
    const { fake, deps, index } = setUp();
    spread(fake, "wf_busy", 700, 6);
    fake.beforeCall = () => {
      for (let i = 0; i < 30; i++) fake.add("wf_busy", fake.nowMs - 100);
      fake.nowMs += 1_000;
    };
    const plan = await planBackfill(index, { workflowIds: ["wf_busy"] }, deps);
    const start = startBackfill(plan, deps, { confirmed: true });
    if (!start.started) throw new Error("did not start");
    const final = await start.job.run();
    fake.beforeCall = null;
    // Runs arriving pushed pages down: a page more than estimated, within the allowance.
    expect(final.state).toBe("done");
    expect(final.callsMade).toBeGreaterThanOrEqual(plan.callsLeft);
    expect(final.callsMade).toBeLessThanOrEqual(final.callsAllowed);
    await syncWorkflow(index, "wf_busy", "all", deps);
    const held = heldIds(index, "wf_busy");
    expect(new Set(held).size).toBe(held.length);
    expect(held).toEqual(fake.visible("wf_busy").map((run) => run.id));
  });

  it("reaches further back by starting below the pages it already covers", async () => {
    const { fake, deps, index } = setUp();
    spread(fake, "wf_mid", 1_500, 30);
    const week = await planBackfill(index, { workflowIds: ["wf_mid"], window: "7d" }, deps);
    const first = startBackfill(week, deps, { confirmed: true });
    if (first.started) await first.job.run();
    const heldWeek = index.runsOf("wf_mid")?.size ?? 0;
    expect(heldWeek).toBe(350);
    fake.calls.length = 0;
    const month = await planBackfill(index, { workflowIds: ["wf_mid"], window: "30d" }, deps);
    // Page 4 is the first holding runs older than the week: pages 1 to 3 are not read again.
    expect(fake.calls[0]?.request.page).toBe(4);
    expect(month.items[0]).toMatchObject({ state: "pending", total: 1_500, callsLeft: 11 });
    const second = startBackfill(month, deps, { confirmed: true });
    if (second.started) await second.job.run();
    expect(fake.calls.map((call) => call.request.page)).toEqual([
      4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    ]);
    expect(heldIds(index, "wf_mid")).toEqual(fake.visible("wf_mid").map((run) => run.id));
    // The top keeps the freshness of the week's fill: the older pages say nothing about it.
    expect(index.coverage("wf_mid", "all")).toMatchObject({
      fromMs: T0 - 30 * DAY,
      syncedAtMs: week.estimatedAtMs,
    });
  });

  it("stops at the byte bound and says which runs it dropped", async () => {
    const { fake, deps, index } = setUp({ maxBytes: 60_000 });
    spread(fake, "wf_mid", 900, 6);
    const plan = await planBackfill(index, { workflowIds: ["wf_mid"] }, deps);
    const start = startBackfill(plan, deps, { confirmed: true });
    if (start.started) await start.job.run();
    const dropped = index.droppedBeforeMs;
    expect(dropped).not.toBeNull();
    expect(index.bytes).toBeLessThanOrEqual(60_000);
    const runs = index.runsOf("wf_mid")?.runs ?? [];
    expect(runs.every((held) => held.atMs >= (dropped ?? 0))).toBe(true);
    // Every run from the cut on is held, and the coverage says so (no further back).
    const expected = fake.visible("wf_mid", null, dropped).map((run) => run.id);
    expect(runs.map((held) => held.run.id)).toEqual(expected);
    expect(index.coverage("wf_mid", "all")?.fromMs).toBe(dropped);
    expect(fake.calls.length).toBeLessThan(9);
  });
});
