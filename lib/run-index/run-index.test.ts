import { describe, expect, it } from "vitest";
import { mergeCoverage } from "./coverage";
import { RunIndex } from "./run-index";
import { FakeLeadlex } from "./testing/fake-leadlex";

const T0 = Date.parse("2026-04-20T12:00:00Z");
const SEC = 1_000;

describe("RunIndex byte bound", () => {
  it("drops the oldest runs across workflows, whole seconds at a time, and says so", () => {
    const fake = new FakeLeadlex(T0);
    const index = new RunIndex({ maxBytes: 20_000 });
    // Two workflows, interleaved in time; several runs share each second.
    for (let s = 0; s < 60; s++) {
      for (const id of ["wf_a", "wf_b"]) {
        index.add(id, [fake.add(id, T0 + s * SEC), fake.add(id, T0 + s * SEC)]);
      }
    }
    index.commit("wf_a", "all", {
      afterMs: T0,
      syncedAtMs: T0 + 60 * SEC,
      newestMs: T0,
      coveredTop: true,
    });
    const dropped = index.droppedBeforeMs;
    expect(dropped).not.toBeNull();
    expect(index.bytes).toBeLessThanOrEqual(20_000);
    const held = ["wf_a", "wf_b"].flatMap((id) => index.runsOf(id)?.runs ?? []);
    expect(index.bytes).toBe(held.reduce((sum, run) => sum + run.bytes, 0));
    // Everything from the cut on is still held; nothing before it.
    fake.nowMs = T0 + 3_600_000;
    for (const id of ["wf_a", "wf_b"]) {
      const runs = index.runsOf(id)?.runs ?? [];
      expect(runs.every((run) => run.atMs >= (dropped ?? 0))).toBe(true);
      expect(runs.length).toBe(fake.visible(id, null, dropped).length);
    }
    // The coverage starts at the cut now, not before.
    expect(index.coverage("wf_a", "all")?.fromMs).toBe(dropped);
  });

  it("round-trips through a snapshot, and a smaller bound trims on the way in", () => {
    const fake = new FakeLeadlex(T0);
    const index = new RunIndex();
    for (let s = 0; s < 50; s++)
      index.add("wf_a", [
        fake.add("wf_a", T0 + s * SEC, { status: s % 3 === 0 ? "failed" : "success" }),
      ]);
    index.commit("wf_a", "failed", {
      afterMs: T0,
      syncedAtMs: T0 + 99,
      newestMs: T0 + 48 * SEC,
      coveredTop: true,
    });
    const snapshot = JSON.parse(JSON.stringify(index.toSnapshot())) as ReturnType<
      RunIndex["toSnapshot"]
    >;
    const restored = RunIndex.fromSnapshot(snapshot);
    expect(restored.runsOf("wf_a")?.runs.map((h) => h.run)).toEqual(
      index.runsOf("wf_a")?.runs.map((h) => h.run),
    );
    expect(restored.coverage("wf_a", "failed")).toEqual(index.coverage("wf_a", "failed"));
    expect(restored.bytes).toBe(index.bytes);

    const smaller = RunIndex.fromSnapshot(snapshot, { maxBytes: index.bytes / 2 });
    expect(smaller.bytes).toBeLessThanOrEqual(index.bytes / 2);
    expect(smaller.coverage("wf_a", "failed")?.fromMs).toBe(smaller.droppedBeforeMs);
    expect(() => RunIndex.fromSnapshot({ ...snapshot, version: 2 as 1 })).toThrow(/snapshot/);
  });
});

describe("mergeCoverage", () => {
  const base = { fromMs: 1_000, syncedAtMs: 5_000, newestMs: 4_000 };

  it("takes a fill from the top as the freshness, reaching back to the lower start", () => {
    expect(
      mergeCoverage(base, { afterMs: 3_000, syncedAtMs: 9_000, newestMs: 8_500, coveredTop: true }),
    ).toEqual({
      fromMs: 1_000,
      syncedAtMs: 9_000,
      newestMs: 8_500,
    });
    expect(
      mergeCoverage(null, { afterMs: null, syncedAtMs: 9_000, newestMs: null, coveredTop: true }),
    ).toEqual({
      fromMs: null,
      syncedAtMs: 9_000,
      newestMs: null,
    });
  });

  it("keeps the top's freshness when the fill only added older runs below it", () => {
    expect(
      mergeCoverage(base, { afterMs: 100, syncedAtMs: 9_000, newestMs: 900, coveredTop: false }),
    ).toEqual({
      fromMs: 100,
      syncedAtMs: 5_000,
      newestMs: 4_000,
    });
  });
});
