import { describe, expect, it } from "vitest";

import { planBackfill, startBackfill } from "./backfill";
import { RunIndex } from "./run-index";
import { syncWorkflow, syncWorkflows } from "./sync";
import { FakeLeadlex } from "./testing/fake-leadlex";

const T0 = Date.parse("2026-04-20T12:00:00Z");
const MIN = 60_000;

/** An index with wf_a's last hour filled, over a fake LeadLex with a run every 20 s. */
async function filled(runsPerHour = 180) {
  const fake = new FakeLeadlex(T0);
  for (let i = 0; i < runsPerHour; i++)
    fake.add("wf_a", T0 - 60 * MIN + i * (3_600_000 / runsPerHour));
  const index = new RunIndex();
  const deps = {
    fetchLogsPage: fake.fetchLogsPage,
    now: () => fake.nowMs,
    sleep: async (ms: number) => {
      fake.nowMs += ms;
    },
  };
  const plan = await planBackfill(index, { workflowIds: ["wf_a"], window: "7d" }, deps);
  const start = startBackfill(plan, deps);
  if (start.started) await start.job.run();
  expect(index.coverage("wf_a", "all")).not.toBeNull();
  fake.calls.length = 0;
  return { fake, index, deps };
}

const heldIds = (index: RunIndex, id = "wf_a") =>
  (index.runsOf(id)?.runs ?? []).map((held) => held.run.id);
const visibleIds = (fake: FakeLeadlex, id = "wf_a") => fake.visible(id).map((run) => run.id);

describe("incremental sync", () => {
  it("costs one call when few runs are new, asks from the newest run minus the look-back", async () => {
    const { fake, index, deps } = await filled();
    const newest = index.coverage("wf_a", "all")?.newestMs ?? 0;
    fake.nowMs += 5 * MIN;
    for (let i = 0; i < 15; i++) fake.add("wf_a", T0 + i * 20_000);
    const outcome = await syncWorkflow(index, "wf_a", "all", deps);
    expect(outcome).toMatchObject({ result: "synced", calls: 1, added: 15 });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.request).toMatchObject({
      page: 1,
      perPage: 100,
      status: null,
      after: new Date(newest - index.lookBackMs).toISOString().replace(/\.\d{3}Z$/, "Z"),
    });
    expect(heldIds(index)).toEqual(visibleIds(fake));
    expect(index.coverage("wf_a", "all")?.syncedAtMs).toBe(fake.nowMs);
  });

  it("loses no run and holds none twice while runs arrive between its pages", async () => {
    const { fake, index, deps } = await filled();
    // Far behind: 350 new runs, so the sync pages. Before each of its pages, 8 runs arrive at
    // the top and 2 slow ones, triggered 40 s earlier, are written in among the runs below.
    fake.nowMs += 60 * MIN;
    for (let i = 0; i < 350; i++) fake.add("wf_a", T0 + i * 10_000);
    const visibleAtStart = new Set(visibleIds(fake));
    fake.beforeCall = () => {
      for (let i = 0; i < 8; i++) fake.add("wf_a", fake.nowMs - 500);
      for (let i = 0; i < 2; i++) fake.add("wf_a", fake.nowMs - 40_000, {}, 40_000);
      fake.nowMs += 200;
    };
    const first = await syncWorkflow(index, "wf_a", "all", deps, { maxCalls: 20 });
    fake.beforeCall = null;
    expect(first.result).toBe("synced");
    // Every run LeadLex showed when the sync began is held, each once.
    const held = heldIds(index);
    expect(new Set(held).size).toBe(held.length);
    for (const id of visibleAtStart) expect(held).toContain(id);
    // The runs that arrived above the pages already read are the next sync's: one call.
    fake.calls.length = 0;
    const second = await syncWorkflow(index, "wf_a", "all", deps);
    expect(second).toMatchObject({ result: "synced", calls: 1 });
    expect(heldIds(index)).toEqual(visibleIds(fake));
  });

  it("catches a slow run written after quicker ones, within the look-back", async () => {
    const { fake, index, deps } = await filled();
    // Triggered first, written 90 s later: after the sync that saw the quicker runs.
    const slow = fake.add("wf_a", fake.nowMs + 1_000, {}, 90_000);
    fake.nowMs += 30_000;
    fake.add("wf_a", fake.nowMs - 10_000);
    await syncWorkflow(index, "wf_a", "all", deps);
    expect(heldIds(index)).not.toContain(slow.id);
    fake.nowMs += 90_000;
    const outcome = await syncWorkflow(index, "wf_a", "all", deps);
    expect(outcome).toMatchObject({ result: "synced", calls: 1 });
    expect(heldIds(index)).toContain(slow.id);
    expect(heldIds(index)).toEqual(visibleIds(fake));
  });

  it("misses a run written later than the look-back after it was triggered (the stated limit)", async () => {
    const { fake, index, deps } = await filled();
    // Triggered 5 min before the last sync, written 1 min after it: 6 min late, when the sync
    // asks again over the last 2 min below the newest run it held.
    const tooSlow = fake.add("wf_a", fake.nowMs - 5 * MIN, {}, 6 * MIN);
    fake.nowMs += 2 * MIN;
    fake.add("wf_a", fake.nowMs - 1_000);
    await syncWorkflow(index, "wf_a", "all", deps);
    expect(fake.visible("wf_a").map((run) => run.id)).toContain(tooSlow.id);
    expect(heldIds(index)).not.toContain(tooSlow.id);
    // The window counts as covered, so only reading it again brings the run in.
    const plan = await planBackfill(index, { workflowIds: ["wf_a"], window: "7d" }, deps);
    expect(plan.items[0]?.state).toBe("covered");
    const refill = await planBackfill(index, { workflowIds: ["wf_a"], refill: true }, deps);
    const start = startBackfill(refill, deps);
    if (start.started) await start.job.run();
    expect(heldIds(index)).toContain(tooSlow.id);
  });

  it("stops after one page when far behind, saying what the rest would cost", async () => {
    const { fake, index, deps } = await filled();
    const before = index.coverage("wf_a", "all");
    fake.nowMs += 3 * 60 * MIN;
    for (let i = 0; i < 2_000; i++) fake.add("wf_a", T0 + i * 5_000);
    const outcome = await syncWorkflow(index, "wf_a", "all", deps, { maxCalls: 5 });
    expect(outcome).toMatchObject({ result: "too_far_behind", calls: 1, callsLeft: 20 });
    // The page read is held (and shown), but the coverage does not claim the gap below it.
    expect(index.runsOf("wf_a")?.size).toBe(280);
    expect(index.coverage("wf_a", "all")).toEqual(before);
  });

  it("reports a 429 with LeadLex's wait and leaves the coverage as it was", async () => {
    const { fake, index, deps } = await filled();
    const before = index.coverage("wf_a", "all");
    fake.refuseNext = 1;
    fake.retryAfterSeconds = 42;
    const outcome = await syncWorkflow(index, "wf_a", "all", deps);
    expect(outcome).toMatchObject({ result: "rate_limited", retryAfterSeconds: 42, calls: 0 });
    expect(index.coverage("wf_a", "all")).toEqual(before);
  });

  it("syncs only what was filled, one sync per workflow and status at a time", async () => {
    const { fake, index, deps } = await filled();
    expect(await syncWorkflow(index, "wf_a", "failed", deps)).toMatchObject({
      result: "not_covered",
      calls: 0,
    });
    const [a, b] = await Promise.all([
      syncWorkflow(index, "wf_a", "all", deps),
      syncWorkflow(index, "wf_a", "all", deps),
    ]);
    expect(a).toBe(b);
    expect(fake.calls).toHaveLength(1);
  });

  it("syncs several workflows in turn, stopping at a 429 since it holds for the key", async () => {
    const { fake, index, deps } = await filled();
    fake.add("wf_b", T0 - MIN);
    await planBackfill(index, { workflowIds: ["wf_b"] }, deps);
    fake.calls.length = 0;
    const outcomes = await syncWorkflows(
      index,
      [
        { workflowId: "wf_a", status: "all" },
        { workflowId: "wf_b", status: "all" },
      ],
      deps,
    );
    expect(outcomes.map((o) => [o.workflowId, o.result, o.calls])).toEqual([
      ["wf_a", "synced", 1],
      ["wf_b", "synced", 1],
    ]);
    fake.refuseNext = 1;
    const limited = await syncWorkflows(
      index,
      [
        { workflowId: "wf_a", status: "all" },
        { workflowId: "wf_b", status: "all" },
      ],
      deps,
    );
    expect(limited.map((o) => o.result)).toEqual(["rate_limited"]);
  });
});
