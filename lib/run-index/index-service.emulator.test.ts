import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HANG_GUARD_MS, startTestEmulator } from "@/emulator/testing/test-emulator";
import type { LogsBody, TestEmulator } from "@/emulator/testing/test-emulator";
import { sleepUnlessAborted } from "@/lib/leadlex/transport";
import type { RunStatus } from "@/lib/model/run";
import { createQuotaLayer, type QuotaLayer } from "@/lib/quota-layer/quota-layer";
import { createMemoryStore } from "@/lib/store/memory-store";
import { createSealedStore, type SealedStore } from "@/lib/store/sealed-store";
import { createRunIndexService, syncLeaseName, type RunIndexService } from "./index-service";
import { fetchThroughQuotaLayer, remainingDailyQuotaOf } from "./quota-layer-fetch";
import { emulatorClient } from "./testing/emulator-client";

// The wired index against the real emulator, through the real quota layer and a sealed store:
// what it answers is compared with the emulator's own lists, and what it spends with the calls
// the emulator logged.

const SECRET = "unit-test-session-secret-0123456789abcdef";
const ORG = "wbk_demo_org_full";
const STARTER = "wbk_demo_starter";
const DAY_MS = 86_400_000;
const PAGING = { page: 1, perPage: 100 };

let emulator: TestEmulator;
let workflowIds: string[];

beforeAll(async () => {
  emulator = await startTestEmulator();
  const { body } = await emulator.json<{ data: { workflows: { id: string; enabled: boolean }[] } }>(
    "/v1/workflows?per_page=100",
  );
  workflowIds = body.data.workflows.filter((w) => w.enabled).map((w) => w.id);
});
afterAll(() => emulator.close());

interface Replica {
  service: RunIndexService;
  layer: QuotaLayer;
}

let store: SealedStore;
beforeEach(async () => {
  await emulator.admin("/__emulator/reset", { method: "POST" });
  store = createSealedStore(createMemoryStore({ maxBytes: 256 * 1024 * 1024 }), SECRET);
});

/** One server process: its own quota layer and index service, over the shared store. */
function replica(): Replica {
  const client = emulatorClient(emulator.baseUrl);
  const layer = createQuotaLayer({
    client,
    store,
    now: () => emulator.clock.nowMs(),
    sleep: (ms) => sleepUnlessAborted(ms),
    upstreamBudgetMs: 20_000,
  });
  const service = createRunIndexService({
    store,
    fetchLogsPageFor: (apiKey) => fetchThroughQuotaLayer(layer, apiKey),
    remainingDailyQuota: (apiKey) => remainingDailyQuotaOf(layer, apiKey),
    now: () => emulator.clock.nowMs(),
    sleep: async (ms) => emulator.clock.advance(ms),
  });
  return { service, layer };
}

/** Calls the emulator answered for `key` since the last reset. */
async function upstreamCalls(): Promise<number> {
  const response = await emulator.admin("/__emulator/requests");
  const body = (await response.json()) as { requests: { rawUrl: string }[] };
  return body.requests.filter((request) => request.rawUrl.includes("/logs")).length;
}

/** The emulator's own list, page by page. */
async function emulatorRuns(id: string, status: RunStatus | null, afterMs: number, key = ORG) {
  const after = new Date(Math.floor(afterMs / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  const runs: LogsBody["data"]["logs"] = [];
  for (let page = 1; ; page++) {
    const query = `per_page=100&page=${page}&after=${after}${status === null ? "" : `&status=${status}`}`;
    const { body } = await emulator.json<LogsBody>(`/v1/workflows/${id}/logs?${query}`, { key });
    runs.push(...body.data.logs);
    if (body.data.logs.length < 100) return runs;
  }
}

describe("the run index service, wired to the quota layer", () => {
  it(
    "answers 'failed in the last 24 h' with one call per workflow, and the emulator's exact runs",
    async () => {
      const { service } = replica();
      const question = { workflowIds, statuses: ["failed" as const], windowMs: DAY_MS };
      const first = await service.answerRuns(ORG, question, PAGING);
      expect(first.callsSpent).toBe(workflowIds.length);
      await service.whenFilled(ORG);

      // Past the 30 s in which a part counts as fresh without a call.
      emulator.clock.advance(31_000);
      const nowMs = emulator.clock.nowMs();
      const expected = (
        await Promise.all(workflowIds.map((id) => emulatorRuns(id, "failed", nowMs - DAY_MS)))
      ).flat();
      const callsBefore = await upstreamCalls();
      const second = await service.answerRuns(ORG, question, { page: 1, perPage: 100 });
      // Covered now: one incremental call per workflow, and nothing left to fill.
      expect((await upstreamCalls()) - callsBefore).toBe(workflowIds.length);
      expect(second.callsSpent).toBe(workflowIds.length);
      // Asked again at once (the view polls while a fill runs): answered as held, no call.
      expect((await service.answerRuns(ORG, question, PAGING)).callsSpent).toBe(0);
      expect(second.coverage.complete).toBe(true);
      // Only failures were synced: no other status's count is vouched for.
      expect(second.statusesCovered).toEqual({ success: false, failed: true, skipped: false });
      expect(second.fill.state).toBe("idle");
      expect(second.total).toBe(expected.length);
      expect(second.facets.byStatus.failed).toBe(expected.length);
      const codes = new Map<string, number>();
      for (const run of expected) {
        const code = run.error?.code ?? "";
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
      expect(Object.fromEntries(second.facets.errorCodes.map((f) => [f.value, f.count]))).toEqual(
        Object.fromEntries(codes),
      );
      expect(second.runs.map((run) => run.id)).toEqual(
        [...expected]
          .sort(
            (a, b) =>
              Date.parse(b.triggered_at) - Date.parse(a.triggered_at) ||
              (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
          )
          .slice(0, 100)
          .map((run) => run.id),
      );
    },
    HANG_GUARD_MS,
  );

  it(
    "keeps the index in the store for the key: another replica reads it, sign-out's purge removes it",
    async () => {
      const a = replica();
      const question = { workflowIds, statuses: ["failed" as const], windowMs: 60 * 60_000 };
      await a.service.answerRuns(ORG, question, PAGING);
      await a.service.whenFilled(ORG);
      emulator.clock.advance(1_000);
      const held = await a.service.answerRuns(ORG, question, PAGING);

      const b = replica();
      emulator.clock.advance(1_000);
      const fromStore = await b.service.answerRuns(ORG, question, PAGING);
      expect(fromStore.coverage.complete).toBe(true);
      expect(fromStore.total).toBe(held.total);
      // Another key sees nothing of it.
      const other = await b.service.answerRuns(STARTER, { ...question, workflowIds: [] }, PAGING);
      expect(other.total).toBe(0);

      await a.layer.forgetKey(ORG);
      emulator.clock.advance(1_000);
      const afterPurge = await b.service.answerRuns(ORG, question, PAGING);
      // Nothing covered any more: every workflow is estimated again, one call each.
      expect(afterPurge.callsSpent).toBe(workflowIds.length);
    },
    HANG_GUARD_MS,
  );

  it(
    "leaves a workflow whose sync lease another replica holds to that replica",
    async () => {
      const { service } = replica();
      const scope = store.scopeFor(ORG);
      const [busy, ...rest] = workflowIds as [string, ...string[]];
      const token = await store.acquireLease(scope, syncLeaseName(busy), 60_000);
      expect(token).not.toBeNull();
      const answer = await service.answerRuns(
        ORG,
        { workflowIds, statuses: ["failed"], windowMs: DAY_MS },
        PAGING,
      );
      expect(answer.syncedElsewhere).toEqual([busy]);
      expect(answer.callsSpent).toBe(rest.length);
      const response = await emulator.admin("/__emulator/requests");
      const body = (await response.json()) as { requests: { rawUrl: string }[] };
      expect(body.requests.some((request) => request.rawUrl.includes(`/${busy}/logs`))).toBe(false);
    },
    HANG_GUARD_MS,
  );

  it(
    "on Starter, never takes the last calls of the minute: it holds back and says when to ask again",
    async () => {
      const { service, layer } = replica();
      const answer = await service.answerRuns(
        STARTER,
        { workflowIds, statuses: ["failed"], windowMs: DAY_MS },
        PAGING,
      );
      // 10 a minute, a quarter kept back for clicks: the index stops before using them.
      expect(answer.callsSpent).toBeLessThan(workflowIds.length);
      expect(answer.fill.state).toBe("held_back");
      expect(answer.fill.retryAfterSeconds).toBeGreaterThan(0);
      const ledger = await layer.readLedger(STARTER);
      expect(ledger.minute.limit - ledger.minute.used).toBeGreaterThanOrEqual(3);
    },
    HANG_GUARD_MS,
  );

  it(
    "shows what a fill over 20 % of the day would cost, and waits for a yes before spending it",
    async () => {
      const { service } = replica();
      // A week of everything for one workflow is far more than 20 % of Starter's 100 a day.
      const workflowId = "wf_big";
      const week = { workflowIds: [workflowId], statuses: [], windowMs: 7 * DAY_MS };
      const asked = await service.answerRuns(STARTER, week, PAGING);
      const weekAgo = new Date(emulator.clock.nowMs() - 7 * DAY_MS).toISOString().slice(0, 19);
      const { body } = await emulator.json<LogsBody>(
        `/v1/workflows/${workflowId}/logs?per_page=1&after=${weekAgo}Z`,
      );
      const total = body.meta.total;
      expect(total).toBeGreaterThan(50_000);
      expect(asked.fill).toMatchObject({
        state: "needs_confirmation",
        callsToFill: Math.ceil(total / 100) - 1,
      });
      expect(asked.fill.unconfirmedBudget).toBeLessThan(asked.fill.callsToFill ?? 0);
      const callsBefore = await upstreamCalls();
      emulator.clock.advance(1_000);
      const again = await service.answerRuns(STARTER, week, PAGING);
      expect(again.fill.state).toBe("needs_confirmation");
      // Asking again spent one sync call at most, never the fill.
      expect((await upstreamCalls()) - callsBefore).toBeLessThanOrEqual(1);
    },
    HANG_GUARD_MS,
  );
});
