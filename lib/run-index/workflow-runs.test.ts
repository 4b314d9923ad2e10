import { describe, expect, it } from "vitest";
import type { Run } from "@/lib/model/run";
import { FakeLeadlex } from "./testing/fake-leadlex";
import { WorkflowRuns } from "./workflow-runs";

const T0 = Date.parse("2026-04-20T12:00:00Z");

function ids(set: WorkflowRuns): string[] {
  return set.runs.map((held) => held.run.id);
}

describe("WorkflowRuns", () => {
  const fake = new FakeLeadlex(T0);
  const make = (offsetSec: number, fields: Partial<Run> = {}) =>
    fake.add("wf_a", T0 + offsetSec * 1000, fields);

  it("keeps runs newest first whatever order pages come in, and each id once", () => {
    const runs = [0, 10, 20, 30, 40, 50, 60, 70].map((s) => make(s));
    const set = new WorkflowRuns("wf_a");
    // A sync page (newest), a backfill page (oldest), then one in the middle, with repeats.
    set.merge([runs[7], runs[6]] as Run[]);
    set.merge([runs[1], runs[0]] as Run[]);
    const { added } = set.merge([runs[6], runs[4], runs[3], runs[5], runs[2], runs[4]] as Run[]);
    expect(added.map((held) => held.run.id)).toEqual(
      [runs[5], runs[4], runs[3], runs[2]].map((r) => r?.id),
    );
    expect(ids(set)).toEqual([...runs].reverse().map((run) => run.id));
    expect(set.size).toBe(8);
  });

  it("orders runs of the same second by id descending, as LeadLex does", () => {
    const set = new WorkflowRuns("wf_a");
    const a = make(100);
    const b = make(100);
    set.merge([a, b]);
    expect(ids(set)).toEqual([b.id, a.id].sort().reverse());
  });

  it("ignores runs of another workflow and runs whose time cannot be read", () => {
    const set = new WorkflowRuns("wf_a");
    const { added, ignored } = set.merge([
      make(1, { workflowId: "wf_b" }),
      make(2, { triggeredAt: "yesterday" }),
      make(3),
    ]);
    expect(added).toHaveLength(1);
    expect(ignored).toBe(2);
  });

  it("keeps each record's runs newest first, and drops old runs everywhere", () => {
    const set = new WorkflowRuns("wf_a");
    const runs = [5, 1, 9, 3].map((s) => make(s, { entityId: "deal_x" }));
    set.merge(runs.slice(0, 2));
    set.merge(runs.slice(2));
    expect(set.runsOf("deal_x").map((held) => held.atMs)).toEqual(
      [9, 5, 3, 1].map((s) => T0 + s * 1000),
    );
    const bytes = set.bytes;
    const freed = set.dropOlderThan(T0 + 4_000);
    expect(freed.runs).toBe(2);
    expect(set.bytes).toBe(bytes - freed.bytes);
    expect(set.runsOf("deal_x").map((held) => held.atMs)).toEqual([T0 + 9_000, T0 + 5_000]);
    expect(set.has(runs[1]?.id ?? "")).toBe(false);
    set.dropOlderThan(T0 + 100_000);
    expect(set.runsOf("deal_x")).toEqual([]);
    expect(set.bytes).toBe(0);
  });
});
