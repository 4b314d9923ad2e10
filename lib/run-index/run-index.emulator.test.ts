import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HANG_GUARD_MS, startTestEmulator } from "@/emulator/testing/test-emulator";
import type { LogsBody, TestEmulator } from "@/emulator/testing/test-emulator";
import type { RunStatus } from "@/lib/model/run";
import { planBackfill, startBackfill } from "./backfill";
import type { BackfillDeps } from "./backfill";
import type { FetchLogsPage } from "./fetch-logs-page";
import { listRuns } from "./queries";
import { RunIndex } from "./run-index";
import { syncWorkflows } from "./sync";
import { emulatorClient } from "./testing/emulator-client";

// The index against the real emulator, through Runboard's own LeadLex gateway, with runs
// arriving while it pages: the emulator's clock moves and bursts of runs (some written late,
// below runs already shown) are added between calls. At the end, what the index holds must be
// exactly what the emulator itself lists: no run lost, none held twice.

const ORG = "wbk_demo_org_full";
const STARTER = "wbk_demo_starter";

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ orgLimitPerMin: 1_000_000 });
});
afterAll(() => emulator.close());

function gateway(key: string): FetchLogsPage {
  const client = emulatorClient(emulator.baseUrl);
  return async (workflowId, request, signal) => {
    const page = await client.listWorkflowLogs(key, workflowId, request, { signal });
    return { runs: page.runs, total: page.meta.total, rateLimit: page.rateLimit };
  };
}

async function burst(workflowId: string, runs: unknown[]): Promise<void> {
  const response = await emulator.admin("/__emulator/runs", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ workflow_id: workflowId, runs }),
  });
  expect(response.status).toBe(201);
}

/** The emulator's own list of runs, page by page, at its clock's current instant. */
async function emulatorIds(
  id: string,
  status: RunStatus | null,
  afterMs: number,
): Promise<string[]> {
  const after = new Date(Math.floor(afterMs / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const query = `per_page=100&page=${page}&after=${after}${status === null ? "" : `&status=${status}`}`;
    const { body } = await emulator.json<LogsBody>(`/v1/workflows/${id}/logs?${query}`);
    ids.push(...body.data.logs.map((log) => log.id));
    if (body.data.logs.length < 100) return ids;
  }
}

function heldIds(index: RunIndex, id: string, status: RunStatus | null, afterMs: number): string[] {
  return (index.runsOf(id)?.runs ?? [])
    .filter((held) => held.atMs >= afterMs && (status === null || held.run.status === status))
    .map((held) => held.run.id);
}

describe("run index against the emulator, with runs arriving", () => {
  it(
    "syncs and backfills while runs arrive, and ends holding exactly the emulator's runs",
    async () => {
      const index = new RunIndex();
      let calls = 0;
      let arriving = true;
      const plain = gateway(ORG);
      // Between calls: 3 s pass (wf_big gains runs by itself), and every fourth call a burst
      // lands, partly written late (triggered 45 s before it completes, below runs shown).
      const fetchLogsPage: FetchLogsPage = async (...args) => {
        calls += 1;
        if (arriving) {
          emulator.clock.advance(3_000);
          if (calls % 4 === 0) {
            await burst("wf_big", [
              { status: "failed", error_code: "http_503", count: 2 },
              { status: "failed", duration_ms: 45_000 },
              { status: "success", count: 5 },
            ]);
            await burst("wf_01HY1", [
              { status: "failed", entity_id: "deal_01ARRIVING" },
              { status: "success", duration_ms: 60_000 },
            ]);
          }
        }
        return plain(...args);
      };
      const deps: BackfillDeps = {
        fetchLogsPage,
        now: () => emulator.clock.nowMs(),
        sleep: async (ms) => emulator.clock.advance(ms),
      };
      const targets: { workflowId: string; status: "all" | RunStatus }[] = [
        { workflowId: "wf_big", status: "failed" },
        { workflowId: "wf_01HY1", status: "all" },
        { workflowId: "wf_01HY2", status: "all" },
      ];

      for (const { workflowId, status } of targets) {
        const plan = await planBackfill(
          index,
          { workflowIds: [workflowId], status, window: "7d" },
          deps,
        );
        const start = startBackfill(plan, deps, { confirmed: true });
        if (start.started) expect((await start.job.run()).state).toBe("done");
      }
      for (let round = 0; round < 8; round++) {
        emulator.clock.advance(20_000);
        const outcomes = await syncWorkflows(index, targets, deps);
        expect(outcomes.map((outcome) => outcome.result)).toEqual(["synced", "synced", "synced"]);
      }

      // Runs stop arriving; a last sync; then compare with the emulator's own lists.
      arriving = false;
      emulator.clock.advance(60_000);
      const before = calls;
      const last = await syncWorkflows(index, targets, deps);
      expect(last.map((outcome) => outcome.result)).toEqual(["synced", "synced", "synced"]);
      // Few runs new: one call per workflow.
      expect(calls - before).toBe(3);
      const windowFromMs = emulator.clock.nowMs() - 7 * 86_400_000 - 1_000_000;
      for (const { workflowId, status } of targets) {
        const coverage = index.coverage(workflowId, status);
        const fromMs = coverage?.fromMs ?? windowFromMs;
        const expected = await emulatorIds(workflowId, status === "all" ? null : status, fromMs);
        const held = heldIds(index, workflowId, status === "all" ? null : status, fromMs);
        expect(new Set(held).size, `${workflowId}: none held twice`).toBe(held.length);
        expect(held, `${workflowId}: exactly the emulator's runs`).toEqual(expected);
        expect(expected.length).toBeGreaterThan(50);
      }
      // The chosen record's runs are found across the index, and the answer says it is complete.
      const answer = listRuns(
        index,
        {
          workflowIds: ["wf_01HY1"],
          statuses: ["failed"],
          afterMs: emulator.clock.nowMs() - 3_600_000,
        },
        { page: 1, perPage: 100 },
      );
      expect(
        answer.runs.filter((run) => run.entityId === "deal_01ARRIVING").length,
      ).toBeGreaterThan(3);
      expect(answer.coverage).toMatchObject({
        complete: true,
        syncedAsOfMs: emulator.clock.nowMs(),
      });
    },
    HANG_GUARD_MS,
  );

  it(
    "fills 'failed in the last 24 h' across the workspace: a call per workflow, more for wf_big only",
    async () => {
      const index = new RunIndex();
      let calls = 0;
      const plain = gateway(ORG);
      const deps: BackfillDeps = {
        fetchLogsPage: async (...args) => {
          calls += 1;
          return plain(...args);
        },
        now: () => emulator.clock.nowMs(),
        sleep: async (ms) => emulator.clock.advance(ms),
      };
      const { body } = await emulator.json<{ data: { workflows: { id: string }[] } }>(
        "/v1/workflows?per_page=100",
      );
      const workflowIds = body.data.workflows.map((workflow) => workflow.id);
      const dayAgo = emulator.clock.nowMs() - 86_400_000;
      // What it should cost, from the emulator's own lists: a page of 100 per workflow at least.
      const expected = await Promise.all(
        workflowIds.map((id) => emulatorIds(id, "failed", dayAgo)),
      );
      const pages = expected.map((ids) => Math.max(1, Math.ceil(ids.length / 100)));

      const plan = await planBackfill(
        index,
        { workflowIds, status: "failed", fromMs: dayAgo },
        deps,
      );
      expect(workflowIds).toHaveLength(11);
      expect(plan.callsSpent).toBe(11);
      expect(plan.callsLeft).toBe(pages.reduce((sum, n) => sum + n - 1, 0));
      // Only wf_big fails more than 100 times a day; the estimate fills every other workflow.
      const pending = plan.items.filter((item) => item.state === "pending");
      expect(pending.map((item) => item.workflowId)).toEqual(["wf_big"]);
      const start = startBackfill(plan, deps);
      if (start.started) await start.job.run();
      expect(calls).toBe(pages.reduce((sum, n) => sum + n, 0));

      const answer = listRuns(
        index,
        { workflowIds, statuses: ["failed"], afterMs: dayAgo },
        { page: 1, perPage: 10_000 },
      );
      expect(answer.coverage).toMatchObject({ complete: true, gaps: [] });
      expect(answer.total).toBe(expected.flat().length);
      expect(new Set(answer.runs.map((run) => run.id))).toEqual(new Set(expected.flat()));
      // Only failed runs were asked for: a question about every status is not covered by it.
      const everything = listRuns(index, { workflowIds, afterMs: dayAgo }, { page: 1, perPage: 1 });
      expect(everything.coverage.complete).toBe(false);
    },
    HANG_GUARD_MS,
  );

  it(
    "pauses on the emulator's 429 (Starter: 10 a minute) and resumes in the next minute",
    async () => {
      await emulator.admin("/__emulator/reset", { method: "POST" });
      const index = new RunIndex();
      const waits: number[] = [];
      const deps: BackfillDeps = {
        fetchLogsPage: gateway(STARTER),
        now: () => emulator.clock.nowMs(),
        sleep: async (ms) => {
          waits.push(ms);
          emulator.clock.advance(ms);
        },
      };
      const plan = await planBackfill(index, { workflowIds: ["wf_01HY1"], window: "all" }, deps);
      // ~53 calls of a Starter key's 100 a day is far above 20 %.
      expect(plan).toMatchObject({
        needsConfirmation: true,
        remainingQuota: 99,
        unconfirmedBudget: 19,
      });
      expect(startBackfill(plan, deps)).toEqual({ started: false, reason: "needs_confirmation" });
      const start = startBackfill(plan, deps, { confirmed: true });
      if (!start.started) throw new Error("did not start");
      const final = await start.job.run();
      expect(final).toMatchObject({ state: "done", callsMade: plan.callsLeft });
      // Each pause lasted until the next minute, as the emulator's Retry-After said.
      expect(waits.length).toBeGreaterThanOrEqual(4);
      for (const ms of waits) expect(ms).toBeLessThanOrEqual(60_000);
      const expected = await emulatorIds("wf_01HY1", null, 0);
      expect(heldIds(index, "wf_01HY1", null, 0)).toEqual(expected);
    },
    HANG_GUARD_MS,
  );
});
