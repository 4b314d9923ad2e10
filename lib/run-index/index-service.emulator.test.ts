import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HANG_GUARD_MS, startTestEmulator } from "@/emulator/testing/test-emulator";
import type { LogsBody, TestEmulator } from "@/emulator/testing/test-emulator";
import { sleepUnlessAborted } from "@/lib/leadlex/transport";
import type { RunStatus } from "@/lib/model/run";
import { createQuotaLayer, type QuotaLayer } from "@/lib/quota-layer/quota-layer";
import { createMemoryStore } from "@/lib/store/memory-store";
import { createSealedStore, type SealedStore } from "@/lib/store/sealed-store";
import { appErrorOf } from "@/lib/testing/app-error-of";
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
/** Every workflow of the workspace, disabled ones too, with its trigger entity. */
let workspace: { id: string; conditionEntity: string }[];

beforeAll(async () => {
  emulator = await startTestEmulator();
  const { body } = await emulator.json<{
    data: { workflows: { id: string; enabled: boolean; condition_entity: string }[] };
  }>("/v1/workflows?per_page=100");
  workflowIds = body.data.workflows.filter((w) => w.enabled).map((w) => w.id);
  workspace = body.data.workflows.map((w) => ({ id: w.id, conditionEntity: w.condition_entity }));
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

/** Logs calls the emulator answered since the last reset. */
async function logsCalls(): Promise<string[]> {
  const response = await emulator.admin("/__emulator/requests");
  const body = (await response.json()) as { requests: { rawUrl: string }[] };
  return body.requests.map((request) => request.rawUrl).filter((url) => url.includes("/logs"));
}

async function upstreamCalls(): Promise<number> {
  return (await logsCalls()).length;
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

/** LeadLex's order: newest first by `triggered_at`, ties by id descending. */
function newestFirstIds(runs: LogsBody["data"]["logs"]): string[] {
  return [...runs]
    .sort(
      (a, b) =>
        Date.parse(b.triggered_at) - Date.parse(a.triggered_at) ||
        (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    )
    .map((run) => run.id);
}

describe("the run index service, wired to the quota layer", () => {
  it(
    "answers 'failed in the last 24 h' with one call per workflow, and the emulator's exact runs",
    async () => {
      const { service } = replica();
      const question = {
        workflowIds,
        statuses: ["failed" as const],
        window: { rollingMs: DAY_MS },
      };
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
      expect(second.runs.map((run) => run.id)).toEqual(newestFirstIds(expected).slice(0, 100));
    },
    HANG_GUARD_MS,
  );

  it(
    "answers an absolute window [after, before) with the emulator's exact runs, and a closed one costs nothing once synced",
    async () => {
      const { service } = replica();
      const nowMs = emulator.clock.nowMs();
      const window = { fromMs: nowMs - 3 * DAY_MS, toMs: nowMs - DAY_MS };
      const question = { workflowIds, statuses: ["failed" as const], window };
      await service.answerRuns(ORG, question, PAGING);
      await service.whenFilled(ORG);

      // LeadLex filters on the start only: the emulator's runs since it, cut at `before` here.
      const expected = (
        await Promise.all(workflowIds.map((id) => emulatorRuns(id, "failed", window.fromMs)))
      )
        .flat()
        .filter((run) => Date.parse(run.triggered_at) < window.toMs);
      expect(expected.length).toBeGreaterThan(0);
      emulator.clock.advance(31_000);
      const callsBefore = await upstreamCalls();
      const answer = await service.answerRuns(ORG, question, PAGING);
      // The window ended before the last sync: nothing newer can belong to it.
      expect((await upstreamCalls()) - callsBefore).toBe(0);
      expect(answer.coverage.complete).toBe(true);
      expect(answer.coverage.window).toEqual(window);
      expect(answer.total).toBe(expected.length);
      expect(answer.runs.map((run) => run.id)).toEqual(newestFirstIds(expected).slice(0, 100));
      const buckets = answer.overTime.buckets;
      expect(buckets.reduce((sum, bucket) => sum + bucket.failed, 0)).toBe(expected.length);
      expect(buckets[0]?.startMs).toBeLessThanOrEqual(window.fromMs);
      expect((buckets.at(-1)?.startMs ?? 0) + answer.overTime.bucketMs).toBeGreaterThanOrEqual(
        window.toMs,
      );
    },
    HANG_GUARD_MS,
  );

  it(
    "keeps the index in the store for the key: another replica reads it, sign-out's purge removes it",
    async () => {
      const a = replica();
      const question = {
        workflowIds,
        statuses: ["failed" as const],
        window: { rollingMs: 60 * 60_000 },
      };
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
        { workflowIds, statuses: ["failed"], window: { rollingMs: DAY_MS } },
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
        { workflowIds, statuses: ["failed"], window: { rollingMs: DAY_MS } },
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
      const week = { workflowIds: [workflowId], statuses: [], window: { rollingMs: 7 * DAY_MS } };
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

describe("a CRM record's history, from the run index", () => {
  const WEEK_MS = 7 * DAY_MS;
  const newestFirst = (a: LogsBody["data"]["logs"][number], b: typeof a) =>
    Date.parse(b.triggered_at) - Date.parse(a.triggered_at) || (a.id < b.id ? 1 : -1);

  it(
    "scans only the workflows triggered by the record's type, and answers with the emulator's exact runs",
    async () => {
      const { service } = replica();
      const dealWorkflows = workspace.filter((w) => w.conditionEntity === "deal").map((w) => w.id);
      expect(dealWorkflows.length).toBeGreaterThan(1);
      const weekAgo = emulator.clock.nowMs() - WEEK_MS;
      const week = (await Promise.all(dealWorkflows.map((id) => emulatorRuns(id, null, weekAgo))))
        .flat()
        .sort(newestFirst);
      // The deal seen in the most workflows this week: its history crosses workflows.
      const workflowsOf = new Map<string, Set<string>>();
      for (const run of week) {
        workflowsOf.set(
          run.entity_id,
          (workflowsOf.get(run.entity_id) ?? new Set()).add(run.workflow_id),
        );
      }
      const [entityId] = [...workflowsOf].sort((a, b) => b[1].size - a[1].size)[0] ?? [];
      expect(entityId).toMatch(/^deal_/);
      const question = { entityId: entityId as string, workflows: workspace, windowMs: WEEK_MS };

      const first = await service.answerRecord(ORG, question, PAGING);
      expect(first.workflowIds).toEqual(dealWorkflows);
      // One estimate per deal workflow, and nothing asked of any other workflow.
      expect(first.callsSpent).toBe(dealWorkflows.length);
      const asked = await logsCalls();
      expect(asked.every((url) => dealWorkflows.some((id) => url.includes(`/${id}/logs`)))).toBe(
        true,
      );
      await service.whenFilled(ORG);

      const answer = await service.answerRecord(ORG, question, PAGING);
      const expected = week.filter((run) => run.entity_id === entityId);
      expect(answer.coverage.complete).toBe(true);
      expect(answer.fill.state).toBe("idle");
      expect(answer.total).toBe(expected.length);
      expect(new Set(expected.map((run) => run.workflow_id)).size).toBeGreaterThan(1);
      expect(answer.runs.map((run) => run.id)).toEqual(expected.slice(0, 100).map((run) => run.id));
      const latest = new Map<string, (typeof expected)[number]>();
      for (const run of expected)
        if (!latest.has(run.workflow_id)) latest.set(run.workflow_id, run);
      expect(answer.latestPerWorkflow.map((run) => run.id)).toEqual(
        [...latest.values()].map((run) => run.id),
      );
      expect(answer.lastSuccess?.id ?? null).toBe(
        expected.find((run) => run.status === "success")?.id ?? null,
      );
      expect(answer.lastFailure?.id ?? null).toBe(
        expected.find((run) => run.status === "failed")?.id ?? null,
      );
      expect(answer.stillFailing).toBe([...latest.values()].some((run) => run.status === "failed"));
    },
    HANG_GUARD_MS,
  );

  it(
    "answers a part synced in the last 30 s as held, unless asked for a fresh sync (a page just opened)",
    async () => {
      const { service } = replica();
      const entityId = "deal_01UNITFRESHRECORD";
      const question = { entityId, workflows: workspace, windowMs: WEEK_MS };
      await service.answerRecord(ORG, question, PAGING);
      await service.whenFilled(ORG);
      const [dealWorkflow] = workspace.filter((w) => w.conditionEntity === "deal");
      const response = await emulator.admin("/__emulator/runs", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          workflow_id: dealWorkflow?.id,
          runs: [{ status: "failed", entity_id: entityId, duration_ms: 5_000 }],
        }),
      });
      expect(response.status).toBe(201);
      emulator.clock.advance(1_000);

      const held = await service.answerRecord(ORG, question, PAGING);
      expect(held.callsSpent).toBe(0);
      expect(held.total).toBe(0);
      const fresh = await service.answerRecord(ORG, question, PAGING, { maxSyncAgeMs: 0 });
      expect(fresh.callsSpent).toBe(fresh.workflowIds.length);
      expect(fresh.total).toBe(1);
      expect(fresh.stillFailing).toBe(true);
    },
    HANG_GUARD_MS,
  );

  it(
    "answers a record from one page of each of its workflows while another view's fill runs",
    async () => {
      const { service } = replica();
      // Contacts: wf_big's week (~58,000 runs, ~580 calls) starts a fill that runs for a while.
      const contacts = { entityId: "contact_01HY1", workflows: workspace, windowMs: WEEK_MS };
      expect((await service.answerRecord(ORG, contacts, PAGING)).fill.state).toBe("running");

      // A deal seen today, asked about while that fill runs: its newest runs are on the first
      // page of its workflows, so the answer holds them rather than "no runs" until the fill ends.
      const dealWorkflows = workspace.filter((w) => w.conditionEntity === "deal").map((w) => w.id);
      const day = (
        await Promise.all(
          dealWorkflows.map((id) => emulatorRuns(id, null, emulator.clock.nowMs() - DAY_MS)),
        )
      )
        .flat()
        .sort(newestFirst);
      const [newest] = day;
      expect(newest).toBeDefined();
      const deal = {
        entityId: newest?.entity_id as string,
        workflows: workspace,
        windowMs: WEEK_MS,
      };
      const answer = await service.answerRecord(ORG, deal, PAGING);
      expect(answer.runs.map((run) => run.id)).toContain(newest?.id);
      expect(answer.callsSpent).toBe(dealWorkflows.length);
      // Honest about the rest: not the whole week yet, and asking again spends nothing more.
      expect(answer.coverage.complete).toBe(false);
      expect((await service.answerRecord(ORG, deal, PAGING)).callsSpent).toBe(0);
      await service.cancelFill(ORG);
    },
    HANG_GUARD_MS,
  );

  it(
    "refuses anything but an entity id before a call is made",
    async () => {
      const { service } = replica();
      for (const entityId of ["wf_01HY1", "deal_01/../x", "lead_01HY1", ""]) {
        const error = await appErrorOf(
          service.answerRecord(ORG, { entityId, workflows: workspace, windowMs: WEEK_MS }, PAGING),
        );
        expect(error.code).toBe("bad_request");
      }
      expect(await upstreamCalls()).toBe(0);
    },
    HANG_GUARD_MS,
  );

  it(
    "cancels a fill: what it fetched is kept, and the next fill waits for a yes",
    async () => {
      const { service } = replica();
      // Contacts: wf_big's week (~58,000 runs, ~580 calls) fits Org's 20 % rule, so it starts.
      const question = { entityId: "contact_01HY1", workflows: workspace, windowMs: WEEK_MS };
      const first = await service.answerRecord(ORG, question, PAGING);
      expect(first.fill.state).toBe("running");
      const estimated = first.fill.callsToFill ?? 0;
      expect(estimated).toBeGreaterThan(100);
      await service.cancelFill(ORG);
      const callsAtCancel = await upstreamCalls();
      expect(callsAtCancel).toBeLessThan(first.callsSpent + estimated);

      emulator.clock.advance(1_000);
      const after = await service.answerRecord(ORG, question, PAGING);
      expect(after.fill.state).toBe("needs_confirmation");
      expect(after.coverage.complete).toBe(false);
      // Asking again estimated the gap (one call per unfilled workflow) and spent nothing more.
      expect(await upstreamCalls()).toBe(callsAtCancel + after.callsSpent);
      expect(after.callsSpent).toBeLessThanOrEqual(after.workflowIds.length);

      const confirmed = await service.answerRecord(ORG, question, PAGING, { confirmFill: true });
      expect(confirmed.fill.state).toBe("running");
      await service.cancelFill(ORG);
    },
    HANG_GUARD_MS,
  );
});
