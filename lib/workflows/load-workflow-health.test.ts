import { describe, expect, it, vi } from "vitest";
import { workflowSummary } from "@/lib/testing/workflow-summary";
import { AppError } from "@/lib/model/app-error";
import type { LogsQuery } from "@/lib/model/queries";
import type { Run } from "@/lib/model/run";
import type { LedgerSnapshot } from "@/lib/quota-layer/quota-ledger";
import { NotCachedError } from "@/lib/quota-layer/not-cached-error";
import type { QuotaLayerCallOptions } from "@/lib/quota-layer/quota-layer";
import { RunIndex } from "@/lib/run-index/run-index";
import { failuresSinceMs, loadWorkflowHealth } from "./load-workflow-health";
import type { WorkflowListItem } from "./workflow-list";

vi.mock("server-only", () => ({}));

const NOW = Date.UTC(2026, 3, 20, 14, 30, 20);
const FETCHED_AT = "2026-04-20T14:30:00.000Z";

function workflow(id: string, enabled = true): WorkflowListItem {
  return workflowSummary(id, { enabled, maxTriggersPerDay: 50 });
}

function run(id: string, workflowId: string, status: Run["status"], triggeredAt: string): Run {
  return {
    id,
    workflowId,
    triggeredAt,
    entityType: "deal",
    entityId: "deal_1",
    status,
    skipReason: null,
    actionResult: null,
    error: status === "failed" ? { code: "boom", message: "x" } : null,
    durationMs: 10,
  };
}

/**
 * A quota layer with a cache: `cachedOnly` answers only what was fetched before, every other
 * call is "sent" and recorded. Failures in 24 h are `failures[id]`, the last run `lastRuns[id]`.
 */
function fakeLayer(ledger: LedgerSnapshot) {
  const sent: string[] = [];
  const cached = new Set<string>();
  const failures: Record<string, number> = { wf_a: 3, wf_b: 0, wf_c: 1 };
  const lastRuns: Record<string, Run | undefined> = {
    wf_a: run("wfl_a", "wf_a", "failed", "2026-04-20T14:20:00Z"),
    wf_b: run("wfl_b", "wf_b", "success", "2026-04-20T14:10:00Z"),
  };
  const gone = new Set(["wf_gone"]);

  function answer<T>(key: string, options: QuotaLayerCallOptions | undefined, value: () => T): T {
    if (options?.cachedOnly && !cached.has(key)) throw new NotCachedError();
    if (!options?.cachedOnly) {
      sent.push(key);
      cached.add(key);
    }
    return value();
  }

  const layer = {
    getWorkflow: vi.fn(async (_apiKey: string, id: string, options?: QuotaLayerCallOptions) =>
      answer(`detail ${id}`, options, () => {
        if (gone.has(id)) throw new AppError("not_found");
        return {
          ...workflow(id),
          triggersToday: id === "wf_b" ? 45 : 7,
          autoDisabledReason: null,
          updatedAt: null,
          rateLimit: null,
          requestId: `req_${id}`,
          fetchedAt: FETCHED_AT,
        };
      }),
    ),
    listWorkflowLogs: vi.fn(
      async (_apiKey: string, id: string, query: LogsQuery, options?: QuotaLayerCallOptions) =>
        answer(`logs ${id} ${query.status ?? "all"} ${query.after ?? ""}`, options, () => {
          const runs = query.status === "failed" ? [] : lastRuns[id] ? [lastRuns[id]] : [];
          const total = query.status === "failed" ? (failures[id] ?? 0) : runs.length;
          return {
            runs,
            meta: { page: 1, perPage: 1, total },
            rateLimit: null,
            requestId: `req_logs_${id}`,
            fetchedAt: FETCHED_AT,
            eagerPrefetch: false,
          };
        }),
    ),
    readLedger: vi.fn(async () => ledger),
  };
  return { layer, sent, cached };
}

function ledger(perMinute: number, used = 0): LedgerSnapshot {
  return {
    daily: { limit: perMinute * 50, remaining: perMinute * 40, resetAt: null },
    minute: { limit: perMinute, used, resetAtMs: NOW + 40_000 },
    blockedUntilMs: null,
  };
}

const noIndex = async () => null;

describe("loadWorkflowHealth", () => {
  it("asks LeadLex for each enabled workflow's failures, last run and details, and only details of a disabled one", async () => {
    const { layer, sent } = fakeLayer(ledger(200));
    const report = await loadWorkflowHealth(
      { layer, readIndex: noIndex },
      "key",
      [workflow("wf_a"), workflow("wf_b"), workflow("wf_off", false)],
      { mode: "auto", nowMs: NOW },
    );
    expect(report.byId).toEqual({
      wf_a: {
        kind: "checked",
        failures24h: 3,
        lastRun: { id: "wfl_a", status: "failed", triggeredAt: "2026-04-20T14:20:00Z" },
        triggersToday: 7,
        dailyCap: 50,
        failuresFromIndex: false,
        lastRunFromIndex: false,
      },
      wf_b: expect.objectContaining({ kind: "checked", failures24h: 0, triggersToday: 45 }),
      wf_off: { kind: "disabled", triggersToday: 7, dailyCap: 50 },
    });
    expect(sent).toHaveLength(7);
    expect(report).toMatchObject({ callsSpent: 7, answersCached: 0, callsToLoad: 0 });
    // The window's start, to the minute, is what LeadLex is asked for.
    const since = new Date(failuresSinceMs(NOW)).toISOString().replace(".000Z", "Z");
    expect(sent).toContain(`logs wf_a failed ${since}`);
    expect(report.failuresSince).toBe("2026-04-19T14:31:00.000Z");
  });

  it("serves a repeat from the cache without a call", async () => {
    const { layer, sent } = fakeLayer(ledger(10));
    const sources = { layer, readIndex: noIndex };
    await loadWorkflowHealth(sources, "key", [workflow("wf_a")], {
      mode: "requested",
      nowMs: NOW,
    });
    const repeat = await loadWorkflowHealth(sources, "key", [workflow("wf_a")], {
      mode: "auto",
      nowMs: NOW,
    });
    expect(sent).toHaveLength(3);
    expect(repeat).toMatchObject({ callsSpent: 0, answersCached: 3, callsToLoad: 0 });
    expect(repeat.byId.wf_a?.kind).toBe("checked");
  });

  it("on a Starter key spends nothing by itself and prices each row", async () => {
    const { layer, sent } = fakeLayer(ledger(10));
    const report = await loadWorkflowHealth(
      { layer, readIndex: noIndex },
      "key",
      [workflow("wf_a"), workflow("wf_off", false)],
      { mode: "auto", nowMs: NOW },
    );
    expect(sent).toEqual([]);
    expect(report.byId).toEqual({
      wf_a: { kind: "not_loaded", calls: 3 },
      wf_off: { kind: "not_loaded", calls: 1 },
    });
    expect(report).toMatchObject({ callsToLoad: 4, heldBecause: "starter_plan" });
  });

  it("loads whole rows, in list order, as far as the minute's room goes", async () => {
    // 10 a minute, 3 used: asked for, it may spend 6 (one is kept for a click).
    const { layer, sent } = fakeLayer(ledger(10, 3));
    const report = await loadWorkflowHealth(
      { layer, readIndex: noIndex },
      "key",
      [workflow("wf_a"), workflow("wf_b"), workflow("wf_c")],
      { mode: "requested", nowMs: NOW },
    );
    expect(sent).toHaveLength(6);
    expect(report.byId.wf_c).toEqual({ kind: "not_loaded", calls: 3 });
    expect(report).toMatchObject({ callsSpent: 6, callsToLoad: 3, heldBecause: "quota" });
    expect(report.retryAfterSeconds).toBe(40);
  });

  it("takes the run figures from the index when it holds the window, synced within a minute", async () => {
    const { layer, sent } = fakeLayer(ledger(200));
    const index = new RunIndex();
    index.add("wf_a", [
      run("wfl_new", "wf_a", "success", "2026-04-20T14:29:00Z"),
      run("wfl_f1", "wf_a", "failed", "2026-04-20T10:00:00Z"),
      run("wfl_old", "wf_a", "failed", "2026-04-18T10:00:00Z"),
    ]);
    index.commit("wf_a", "all", {
      afterMs: NOW - 2 * 86_400_000 - 3_600_000,
      syncedAtMs: NOW - 20_000,
      newestMs: null,
      coveredTop: true,
    });
    const report = await loadWorkflowHealth(
      { layer, readIndex: async () => index },
      "key",
      [workflow("wf_a")],
      { mode: "auto", nowMs: NOW },
    );
    expect(sent).toEqual(["detail wf_a"]);
    expect(report.byId.wf_a).toMatchObject({
      kind: "checked",
      failures24h: 1,
      lastRun: { id: "wfl_new", status: "success" },
      failuresFromIndex: true,
      lastRunFromIndex: true,
    });
    expect(report.figuresFromIndex).toBe(2);
    expect(report.asOf).toBe(FETCHED_AT);

    // A minute later the index part is too old: the calls are made instead.
    await loadWorkflowHealth({ layer, readIndex: async () => index }, "key", [workflow("wf_a")], {
      mode: "auto",
      nowMs: NOW + 60_000,
    });
    expect(sent.filter((call) => call.startsWith("logs wf_a"))).toHaveLength(2);
  });

  it("says a workflow is deleted when LeadLex no longer knows it", async () => {
    const { layer } = fakeLayer(ledger(200));
    const report = await loadWorkflowHealth(
      { layer, readIndex: noIndex },
      "key",
      [workflow("wf_gone")],
      { mode: "auto", nowMs: NOW },
    );
    expect(report.byId.wf_gone).toEqual({ kind: "deleted" });
  });
});
