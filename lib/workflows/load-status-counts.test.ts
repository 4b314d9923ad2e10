import { describe, expect, it, vi } from "vitest";
import type { LogsQuery } from "@/lib/model/queries";
import type { Run, RunStatus } from "@/lib/model/run";
import { HeldBackError } from "@/lib/quota-layer/held-back-error";
import { NotCachedError } from "@/lib/quota-layer/not-cached-error";
import type { QuotaLayerCallOptions } from "@/lib/quota-layer/quota-layer";
import { RunIndex } from "@/lib/run-index/run-index";
import { loadStatusCounts } from "./load-status-counts";

vi.mock("server-only", () => ({}));

const NOW = Date.UTC(2026, 3, 20, 14, 30, 20);
const AFTER = "2026-04-20T13:30:00Z";
const TOTALS: Record<RunStatus, number> = { success: 40, failed: 7, skipped: 3 };

function view(status: RunStatus | null): LogsQuery {
  return { page: 1, perPage: 25, status, after: AFTER };
}

/**
 * A quota layer with a cache: `cachedOnly` answers only what was asked before (or `cached`), a
 * background call is held back while `holding` is set, every other call is "sent" and recorded.
 */
function fakeLayer(cached: string[] = []) {
  const sent: string[] = [];
  const inCache = new Set(cached);
  const state = { holding: false };
  const keyOf = (query: LogsQuery) => `${query.perPage} ${query.status ?? "all"} ${query.after}`;
  const layer = withLedger({
    listWorkflowLogs: vi.fn(
      async (_key: string, _id: string, query: LogsQuery, options?: QuotaLayerCallOptions) => {
        const key = keyOf(query);
        if (options?.cachedOnly && !inCache.has(key)) throw new NotCachedError();
        if (!options?.cachedOnly) {
          if (state.holding && options?.priority === "background") {
            throw new HeldBackError("background", 20_000);
          }
          sent.push(key);
          inCache.add(key);
        }
        const total =
          query.status === null
            ? TOTALS.success + TOTALS.failed + TOTALS.skipped
            : TOTALS[query.status];
        return {
          runs: [],
          meta: { page: 1, perPage: query.perPage, total },
          rateLimit: null,
          requestId: "req_x",
          fetchedAt: new Date(NOW).toISOString(),
          eagerPrefetch: false,
        };
      },
    ),
  });
  return { layer, sent, state };
}

function withLedger<T extends object>(layer: T, perMinute = 200, used = 0) {
  return {
    ...layer,
    readLedger: vi.fn(async () => ({
      daily: { limit: perMinute * 50, remaining: perMinute * 40, resetAt: null },
      minute: { limit: perMinute, used, resetAtMs: NOW + 40_000 },
      blockedUntilMs: null,
    })),
  };
}

const noIndex = async () => null;

describe("loadStatusCounts", () => {
  it("asks one per_page=1 call per status, with the view's after, when nothing else answers", async () => {
    const { layer, sent } = fakeLayer();
    const counts = await loadStatusCounts(
      { layer, readIndex: noIndex },
      "key",
      "wf_a",
      view(null),
      {
        nowMs: NOW,
      },
    );
    expect(counts).toEqual({
      byStatus: TOTALS,
      all: 50,
      notCountedBecause: null,
      callsSpent: 3,
      fromIndex: 0,
    });
    expect(sent.sort()).toEqual([`1 failed ${AFTER}`, `1 skipped ${AFTER}`, `1 success ${AFTER}`]);
    for (const [, , , options] of layer.listWorkflowLogs.mock.calls) {
      expect(options?.cachedOnly === true || options?.priority === "background").toBe(true);
    }
  });

  it("counts the view's own status from its cached rows, and a repeat from the cache", async () => {
    const { layer, sent } = fakeLayer([`25 failed ${AFTER}`]);
    const sources = { layer, readIndex: noIndex };
    const first = await loadStatusCounts(sources, "key", "wf_a", view("failed"), { nowMs: NOW });
    expect(first).toMatchObject({ byStatus: TOTALS, all: 50, callsSpent: 2 });
    expect(sent.sort()).toEqual([`1 skipped ${AFTER}`, `1 success ${AFTER}`]);
    const again = await loadStatusCounts(sources, "key", "wf_a", view("failed"), { nowMs: NOW });
    expect(again).toMatchObject({ byStatus: TOTALS, callsSpent: 0 });
    // Another chip pressed: the failed rows' page seen before still counts its status.
    const other = await loadStatusCounts(sources, "key", "wf_a", view("skipped"), { nowMs: NOW });
    expect(other).toMatchObject({ byStatus: TOTALS, callsSpent: 0 });
    expect(sent).toHaveLength(2);
  });

  it("answers from the run index where it covers the status back to after, synced within a minute", async () => {
    const index = new RunIndex();
    const runs: Run[] = [
      ["wfl_3", "2026-04-20T14:10:00Z", "failed"],
      ["wfl_2", "2026-04-20T13:40:00Z", "failed"],
      ["wfl_1", "2026-04-20T13:00:00Z", "failed"],
    ].map(([id, triggeredAt, status]) => ({
      id: id as string,
      workflowId: "wf_a",
      triggeredAt: triggeredAt as string,
      entityType: "deal",
      entityId: "deal_1",
      status: status as RunStatus,
      skipReason: null,
      actionResult: null,
      error: { code: "boom", message: "x" },
      durationMs: 5,
    }));
    index.add("wf_a", runs);
    index.commit("wf_a", "failed", {
      afterMs: Date.parse(AFTER) - 3_600_000,
      syncedAtMs: NOW - 30_000,
      newestMs: Date.parse("2026-04-20T14:10:00Z"),
      coveredTop: true,
    });
    const { layer, sent } = fakeLayer();
    const counts = await loadStatusCounts(
      { layer, readIndex: async () => index },
      "key",
      "wf_a",
      view(null),
      { nowMs: NOW },
    );
    expect(counts.byStatus.failed).toBe(2);
    expect(counts).toMatchObject({ fromIndex: 1, callsSpent: 2, all: 2 + 40 + 3 });
    expect(sent.some((key) => key.includes("failed"))).toBe(false);
  });

  it("shows no count rather than spend calls the quota layer holds back, and says why", async () => {
    const { layer, sent, state } = fakeLayer([`1 success ${AFTER}`]);
    state.holding = true;
    const counts = await loadStatusCounts(
      { layer, readIndex: noIndex },
      "key",
      "wf_a",
      view(null),
      {
        nowMs: NOW,
      },
    );
    expect(counts).toEqual({
      byStatus: { success: 40, failed: null, skipped: null },
      all: null,
      notCountedBecause: expect.stringMatching(/quota is nearly spent/),
      callsSpent: 0,
      fromIndex: 0,
    });
    expect(sent).toEqual([]);
  });
});

describe("loadStatusCounts on a 10-a-minute plan", () => {
  it("spends no call of its own, as the workflow list does not, and counts what is cached", async () => {
    const { layer, sent } = fakeLayer([`25 failed ${AFTER}`]);
    const starter = withLedger(layer, 10);
    const counts = await loadStatusCounts(
      { layer: starter, readIndex: noIndex },
      "key",
      "wf_a",
      view("failed"),
      { nowMs: NOW },
    );
    expect(counts).toMatchObject({
      byStatus: { success: null, failed: 7, skipped: null },
      all: null,
      notCountedBecause: expect.stringMatching(/10-calls-a-minute plan/),
      callsSpent: 0,
    });
    expect(sent).toEqual([]);
  });
});
