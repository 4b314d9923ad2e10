import { describe, expect, it } from "vitest";
import { mulberry32 } from "../prng";
import type { LogEntry, RunStatus } from "../wire-types";
import { MAX_RUN_DURATION_MS } from "./action-profiles";
import { ARRIVAL_CHUNK_SEC } from "./arrivals";
import { buildWorkflowRecord } from "./dataset";
import { materializeRun } from "./run-materializer";
import { WORKFLOW_SPECS } from "./workflow-catalog";
import type { WorkflowSpec } from "./workflow-catalog";

// A run shows once it has completed (triggered_at + duration_ms). The store only looks at the
// last MAX_RUN_DURATION_MS of runs to decide that; these tests check the shortcut against brute
// force: every run materialised, its completion computed, the visible list filtered by hand.

const START_MS = Date.parse("2026-04-20T14:30:00Z");

/** wf_big's shape (webhooks: the longest runs), small enough to materialise every run. */
const SPEC: WorkflowSpec = {
  ...(WORKFLOW_SPECS.find((spec) => spec.id === "wf_big") as WorkflowSpec),
  id: "wf_live_test",
  history: { count: 12_000, spanDays: 10 },
};

function bruteForce(record: ReturnType<typeof buildWorkflowRecord>): LogEntry[] {
  const store = record.runs.store;
  const entries: LogEntry[] = [];
  for (let position = 0; position < store.ts.length; position++) {
    entries.push(materializeRun(store, record.runs.context, position));
  }
  return entries;
}

interface Timed {
  entry: LogEntry;
  triggeredMs: number;
  completedMs: number;
}

const timed = (entries: LogEntry[]): Timed[] =>
  entries.map((entry) => {
    const triggeredMs = Date.parse(entry.triggered_at);
    return { entry, triggeredMs, completedMs: triggeredMs + entry.duration_ms };
  });

describe("live runs", () => {
  const record = buildWorkflowRecord(SPEC, START_MS);
  // Reach two days ahead once, so brute force sees every run the views below can show.
  record.runs.visibleCount(START_MS + 2 * ARRIVAL_CHUNK_SEC * 1000);
  const all = bruteForce(record);
  const runs = timed(all);

  it("shows exactly the runs completed by the instant asked about, whatever the filter", () => {
    const rng = mulberry32(3);
    const statuses: (RunStatus | undefined)[] = [undefined, "success", "failed", "skipped"];
    let hiddenSeen = 0;
    // Half the instants fall in the middle of a slow run, so runs still running are met for sure.
    const slow = runs.filter(
      (run) => run.triggeredMs >= START_MS && run.entry.duration_ms >= 2_000,
    );
    for (let trial = 0; trial < 100; trial++) {
      const midRun = slow[Math.floor(rng() * slow.length)];
      const asOfMs =
        trial % 2 === 0 && midRun !== undefined
          ? midRun.triggeredMs + Math.floor(midRun.entry.duration_ms / 2)
          : START_MS + Math.floor(rng() * 2 * ARRIVAL_CHUNK_SEC * 1000);
      const status = statuses[trial % statuses.length];
      const afterSec = rng() < 0.5 ? undefined : Math.floor(asOfMs / 1000) - 600;
      const expected = runs
        .filter(
          (run) =>
            run.completedMs <= asOfMs &&
            (status === undefined || run.entry.status === status) &&
            (afterSec === undefined || run.triggeredMs >= afterSec * 1000),
        )
        .map((run) => run.entry);
      hiddenSeen += runs.filter(
        (run) => run.triggeredMs <= asOfMs && run.completedMs > asOfMs,
      ).length;
      const page = record.runs.page({ status, afterSec }, 0, 60, asOfMs);
      expect(page.total).toBe(expected.length);
      expect(page.entries.map((entry) => entry.id)).toEqual(
        expected.slice(0, 60).map((entry) => entry.id),
      );
    }
    // The trials did meet runs that were triggered but still running.
    expect(hiddenSeen).toBeGreaterThanOrEqual(50);
  });

  it("never generates a run longer than the window the visibility check looks back over", () => {
    expect(Math.max(...all.map((entry) => entry.duration_ms))).toBeLessThanOrEqual(
      MAX_RUN_DURATION_MS,
    );
    // wf_big-like webhooks do reach the limit: the bound is tight, not a guess.
    expect(all.some((entry) => entry.duration_ms === MAX_RUN_DURATION_MS)).toBe(true);
  });

  it("adds a burst that completes now: visible at once, not before, ids unique", () => {
    const burstRecord = buildWorkflowRecord(SPEC, START_MS);
    const nowMs = START_MS + 3_600_000;
    const before = burstRecord.runs.visibleCount(nowMs);
    const justBefore = burstRecord.runs.visibleCount(nowMs - 1);
    const added = burstRecord.runs.addBurst(
      [
        { status: "failed", errorCode: "http_503", entityId: "contact_01BURST" },
        { status: "skipped", skipReason: "daily_cap_reached" },
        { status: "success", durationMs: 120_000 },
      ],
      nowMs,
    );
    expect(added).toHaveLength(3);
    expect(burstRecord.runs.visibleCount(nowMs)).toBe(before + 3);
    expect(burstRecord.runs.visibleCount(nowMs - 1)).toBe(justBefore);
    const failed = added.find((entry) => entry.status === "failed");
    expect(failed).toMatchObject({
      entity_id: "contact_01BURST",
      error: { code: "http_503", message: "The action failed (http_503)" },
    });
    expect(added.find((entry) => entry.status === "skipped")?.skip_reason).toBe(
      "daily_cap_reached",
    );
    // A two-minute run that completes now was triggered two minutes ago.
    const slow = added.find((entry) => entry.status === "success");
    expect(slow?.triggered_at).toBe(new Date(nowMs - 120_000).toISOString().slice(0, 19) + "Z");
    const ids = burstRecord.runs.page({}, 0, 10_000, nowMs).entries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
