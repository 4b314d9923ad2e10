import { describe, expect, it } from "vitest";
import { mulberry32 } from "../prng";
import type { LogEntry, RunStatus } from "../wire-types";
import { generateRuns, typicalOutcome } from "./run-generator";
import { runIdFor } from "./run-materializer";
import { buildRunStore, countExecutedBetween, selectRuns, WHOLE_STORE } from "./run-store";
import type { RunStore, RunView } from "./run-store";

// The indexed selection must agree with a plain filter over every run, for every filter shape and
// every view (runs ahead of the clock, runs still in progress).

const SALT = 99;
const FROM = 1_776_000_000;

function fixedEntry(id: string, tsSec: number, status: RunStatus): LogEntry {
  return {
    id,
    workflow_id: "wf_test",
    triggered_at: new Date(tsSec * 1000).toISOString().slice(0, 19) + "Z",
    entity_type: "deal",
    entity_id: "deal_1",
    status,
    skip_reason: status === "skipped" ? "duplicate_event" : null,
    action_result: null,
    error: null,
    duration_ms: 1,
  };
}

function makeStore(): RunStore {
  // A short window makes many runs share a second, exercising the tie-break.
  const generated = generateRuns(SALT, [
    { count: 3_000, fromSec: FROM, toSec: FROM + 2_000, outcomeOf: typicalOutcome, seed: 5 },
  ]);
  const fixed = [
    fixedEntry("wfl_01HY1", FROM + 1_000, "success"),
    fixedEntry("wfl_ZZZZ", FROM + 1_000, "skipped"),
    fixedEntry("wfl_0000", FROM + 5_000, "failed"),
  ];
  return buildRunStore(generated, fixed, (p) =>
    runIdFor(generated.ts[p] ?? 0, generated.seed[p] ?? 0, SALT),
  );
}

function idAt(store: RunStore, position: number): string {
  return (
    store.fixed.get(position)?.id ??
    runIdFor(store.ts[position] ?? 0, store.seed[position] ?? 0, SALT)
  );
}

function statusAt(store: RunStore, position: number): RunStatus {
  const outcome = store.outcome[position] ?? 0;
  return outcome === 0 ? "success" : outcome === 1 ? "failed" : "skipped";
}

describe("run store", () => {
  const store = makeStore();
  const positions = Array.from({ length: store.ts.length }, (_, i) => i);

  it("keeps runs newest first with ties by id descending, fixed entries included", () => {
    expect(store.ts.length).toBe(3_003);
    let ties = 0;
    for (let i = 1; i < store.ts.length; i++) {
      const prev = store.ts[i - 1] ?? 0;
      const next = store.ts[i] ?? 0;
      expect(prev).toBeGreaterThanOrEqual(next);
      if (prev === next) {
        ties += 1;
        expect(idAt(store, i - 1) > idAt(store, i)).toBe(true);
      }
    }
    expect(ties).toBeGreaterThan(100);
    expect(store.fixed.get(0)?.id).toBe("wfl_0000");
  });

  /** A random view: a future prefix, and hidden runs mostly near its start, as in-progress runs are. */
  function randomView(rng: () => number): RunView {
    if (rng() < 0.2) return WHOLE_STORE;
    const start = Math.floor(rng() * 200);
    const hidden = new Set<number>();
    const count = Math.floor(rng() * 12);
    for (let i = 0; i < count; i++) {
      const near = rng() < 0.8;
      hidden.add(start + Math.floor(rng() * (near ? 40 : store.ts.length - start)));
    }
    return { start, hidden: [...hidden].filter((p) => p < store.ts.length).sort((a, b) => a - b) };
  }

  const visibleIn = (view: RunView, p: number) => p >= view.start && !view.hidden.includes(p);

  it("selects exactly what a plain filter would, for random filters, views and pages", () => {
    const rng = mulberry32(42);
    const statuses = [undefined, "success", "failed", "skipped"] as const;
    for (let trial = 0; trial < 400; trial++) {
      const view = randomView(rng);
      const status = statuses[Math.floor(rng() * statuses.length)];
      const afterSec = rng() < 0.3 ? undefined : FROM - 10 + Math.floor(rng() * 2_100);
      const limit = 1 + Math.floor(rng() * 100);
      const expected = positions.filter(
        (p) =>
          visibleIn(view, p) &&
          (status === undefined || statusAt(store, p) === status) &&
          (afterSec === undefined || (store.ts[p] ?? 0) >= afterSec),
      );
      const offset = Math.floor(rng() * (expected.length + limit));
      const selection = selectRuns(store, view, { status, afterSec }, offset, limit);
      expect(selection.total).toBe(expected.length);
      expect(selection.positions).toEqual(expected.slice(offset, offset + limit));
    }
  });

  it("counts visible executed (not skipped) runs in a time range", () => {
    const rng = mulberry32(7);
    for (let trial = 0; trial < 100; trial++) {
      const view = randomView(rng);
      const from = FROM + Math.floor(rng() * 1_500);
      const to = from + Math.floor(rng() * 1_000);
      const expected = positions.filter((p) => {
        const ts = store.ts[p] ?? 0;
        return visibleIn(view, p) && ts >= from && ts < to && statusAt(store, p) !== "skipped";
      }).length;
      expect(countExecutedBetween(store, view, from, to)).toBe(expected);
    }
  });
});
