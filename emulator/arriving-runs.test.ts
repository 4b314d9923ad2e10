import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WORKFLOW_IDS, WORKFLOW_SPECS } from "./data/workflow-catalog";
import type { RequestLogEntry } from "./request-log";
import { HANG_GUARD_MS, KEYS, startTestEmulator, TEST_NOW } from "./testing/test-emulator";
import type {
  DetailBody,
  ErrorBody,
  ListBody,
  LogsBody,
  TestEmulator,
} from "./testing/test-emulator";
import type { LogEntry } from "./wire-types";

// Runs keep arriving as the emulator's clock moves. Each test moves a manual clock itself, so
// nothing here sleeps, and every figure is checked against the runs' own fields.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ orgLimitPerMin: 1_000_000, orgLimitPerDay: 1_000_000 });
});
afterAll(() => emulator.close());

const logs = (path: string, key?: string) => emulator.json<LogsBody>(path, { key });

async function total(id: string, query = "", key?: string): Promise<number> {
  return (await logs(`/v1/workflows/${id}/logs?per_page=1${query}`, key)).body.meta.total;
}

/** Every run matching the query, page by page; fails if the pages disagree with meta.total. */
async function allRuns(id: string, query = "", perPage = 100): Promise<LogEntry[]> {
  const out: LogEntry[] = [];
  for (let page = 1; ; page++) {
    const { body } = await logs(
      `/v1/workflows/${id}/logs?per_page=${perPage}&page=${page}${query}`,
    );
    out.push(...body.data.logs);
    if (body.data.logs.length < perPage) {
      expect(out.length, `pages of ${id}${query} add up to meta.total`).toBe(body.meta.total);
      return out;
    }
  }
}

const completedMs = (run: LogEntry) => Date.parse(run.triggered_at) + run.duration_ms;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19) + "Z";

async function burst(body: unknown): Promise<Response> {
  return emulator.admin("/__emulator/runs", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function requestLog(): Promise<RequestLogEntry[]> {
  const response = await emulator.admin("/__emulator/requests");
  return ((await response.json()) as { requests: RequestLogEntry[] }).requests;
}

async function replay(seq: unknown): Promise<Response> {
  return emulator.admin("/__emulator/replay", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ seq }),
  });
}

describe("runs that keep arriving", () => {
  beforeEach(async () => {
    await emulator.admin("/__emulator/reset", { method: "POST" });
  });

  it(
    "adds runs to enabled workflows at their history's rate; the others stay quiet",
    async () => {
      const ids = WORKFLOW_SPECS.map((spec) => spec.id);
      const keyOf = (id: string) =>
        WORKFLOW_SPECS.find((spec) => spec.id === id)?.workspaceId === "ws_b"
          ? KEYS.otherWorkspace
          : KEYS.orgFull;
      const before = new Map<string, number>();
      for (const id of ids) before.set(id, await total(id, "", keyOf(id)));
      // A whole week, so weekdays and weekends both count, as they do in the history.
      emulator.clock.advance(7 * DAY);
      for (const spec of WORKFLOW_SPECS) {
        const gained = (await total(spec.id, "", keyOf(spec.id))) - (before.get(spec.id) ?? 0);
        const quiet = spec.lifecycle.kind !== "enabled" || spec.history === null;
        if (quiet) {
          expect(gained, `${spec.id} stays quiet`).toBe(0);
          continue;
        }
        const history = spec.history;
        if (history === null) continue;
        const expected = (history.count * 7) / history.spanDays;
        expect(
          Math.abs(gained - expected),
          `${spec.id}: ${gained} new, ~${expected} expected`,
        ).toBeLessThanOrEqual(Math.max(0.1 * expected, 6));
      }
      // wf_big: about one run every ten seconds.
      const bigGained = (await total("wf_big")) - (before.get("wf_big") ?? 0);
      const secondsPerRun = (7 * 86_400) / bigGained;
      expect(secondsPerRun).toBeGreaterThan(9);
      expect(secondsPerRun).toBeLessThan(12);
      for (const id of [WORKFLOW_IDS.disabled, WORKFLOW_IDS.autoDisabled, WORKFLOW_IDS.deleted]) {
        expect(before.get(id)).toBeGreaterThan(0);
      }
    },
    HANG_GUARD_MS,
  );

  it(
    "keeps meta.total, paging and after exact, and shows each run once it has completed",
    async () => {
      // Its own emulator, so the stretch of time walked through is the same however tests run.
      const own = await startTestEmulator();
      try {
        const get = (path: string) => own.json<LogsBody>(path);
        const windowStart = own.clock.nowMs();
        const after = `&after=${iso(windowStart)}`;
        const runsNow = async () => {
          const out: LogEntry[] = [];
          for (let page = 1; ; page++) {
            const { body } = await get(
              `/v1/workflows/wf_big/logs?per_page=25&page=${page}${after}`,
            );
            out.push(...body.data.logs);
            if (body.data.logs.length < 25) {
              expect(out.length, "pages add up to meta.total").toBe(body.meta.total);
              return out;
            }
          }
        };
        let previous = await runsNow();
        let previousAt = own.clock.nowMs();
        let lateSeen = 0;
        for (let step = 0; step < 120; step++) {
          // 5 s steps for 10 minutes of a Monday afternoon: wf_big gains a run every few steps,
          // and its webhooks run for up to 30 s.
          own.clock.advance(5_000);
          const now = own.clock.nowMs();
          const runs = await runsNow();
          expect(new Set(runs.map((run) => run.id)).size).toBe(runs.length);
          for (const run of runs) {
            expect(Date.parse(run.triggered_at)).toBeGreaterThanOrEqual(windowStart - 999);
            expect(completedMs(run), `${run.id} shown only once completed`).toBeLessThanOrEqual(
              now,
            );
          }
          // Nothing once shown disappears, and what is new completed since the last look.
          const shown = new Set(runs.map((run) => run.id));
          for (const run of previous) expect(shown.has(run.id), `${run.id} still shown`).toBe(true);
          const seenBefore = new Set(previous.map((run) => run.id));
          const fresh = runs.filter((run) => !seenBefore.has(run.id));
          for (const run of fresh) expect(completedMs(run)).toBeGreaterThan(previousAt);
          const newestBefore = previous[0]?.triggered_at ?? "";
          lateSeen += fresh.filter((run) => run.triggered_at < newestBefore).length;
          previous = runs;
          previousAt = now;
        }
        expect(previous.length).toBeGreaterThan(50);
        // Some runs appeared below ones already shown: slow runs, written when they completed.
        expect(lateSeen).toBeGreaterThan(0);
      } finally {
        await own.close();
      }
    },
    HANG_GUARD_MS,
  );

  it("keeps last_triggered_at and triggers_today in step with the runs, across midnight", async () => {
    for (const advance of [2 * HOUR, 7 * HOUR, 3 * HOUR]) {
      emulator.clock.advance(advance);
      const now = emulator.clock.nowMs();
      const dayStart = iso(Math.floor(now / DAY) * DAY);
      const { body: detail } = await emulator.json<DetailBody>("/v1/workflows/wf_01HY1");
      const { body: list } = await emulator.json<ListBody>("/v1/workflows?per_page=100");
      const newest = (await logs("/v1/workflows/wf_01HY1/logs?per_page=1")).body.data.logs[0];
      expect(detail.data.last_triggered_at).toBe(newest?.triggered_at);
      expect(list.data.workflows.find((w) => w.id === "wf_01HY1")?.last_triggered_at).toBe(
        newest?.triggered_at,
      );
      const today = await allRuns("wf_01HY1", `&after=${dayStart}`);
      expect(detail.data.triggers_today).toBe(today.filter((r) => r.status !== "skipped").length);
    }
    // 14:30 + 12 h is past midnight: "today" restarted.
    expect(new Date(emulator.clock.nowMs()).getUTCDate()).not.toBe(TEST_NOW.getUTCDate());
  });
});

describe("POST /__emulator/runs", () => {
  it("adds a burst that is visible at once, with the chosen statuses, codes and entities", async () => {
    const before = await total("wf_01HY1");
    const response = await burst({
      workflow_id: "wf_01HY1",
      runs: [
        { status: "failed", error_code: "channel_not_found", entity_id: "deal_01CHOSEN", count: 3 },
        { status: "skipped", skip_reason: "duplicate_event", entity_id: "deal_01CHOSEN" },
        { status: "success", entity_id: "deal_01CHOSEN", duration_ms: 90_000 },
      ],
    });
    expect(response.status).toBe(201);
    const { runs } = (await response.json()) as { runs: LogEntry[] };
    expect(runs).toHaveLength(5);
    expect(await total("wf_01HY1")).toBe(before + 5);
    const now = emulator.clock.nowMs();
    for (const run of runs) {
      expect(run.entity_id).toBe("deal_01CHOSEN");
      expect(completedMs(run)).toBeLessThanOrEqual(now);
      expect(completedMs(run)).toBeGreaterThan(now - 1_000);
    }
    const failed = runs.filter((run) => run.status === "failed");
    expect(failed.map((run) => run.error?.code)).toEqual(Array(3).fill("channel_not_found"));
    expect(runs.find((run) => run.status === "skipped")?.skip_reason).toBe("duplicate_event");
    // The 90 s run completes now, so it was triggered 90 s ago, below the others.
    expect(runs.at(-1)?.status).toBe("success");
    const shown = (await logs("/v1/workflows/wf_01HY1/logs?per_page=100")).body.data.logs;
    for (const run of runs) expect(shown).toContainEqual(run);
    const failedNow = await total("wf_01HY1", `&status=failed&after=${iso(now - 60_000)}`);
    expect(failedNow).toBeGreaterThanOrEqual(3);
  });

  it("adds to a disabled workflow on request, which still gains nothing by itself", async () => {
    const id = WORKFLOW_IDS.disabled;
    const before = await total(id);
    expect((await burst({ workflow_id: id, runs: [{ status: "success" }] })).status).toBe(201);
    emulator.clock.advance(DAY);
    expect(await total(id)).toBe(before + 1);
  });

  it.each([
    ["no body", undefined, 400],
    [
      "an unknown field",
      { workflow_id: "wf_01HY1", runs: [{ status: "failed", errorCode: "x" }] },
      400,
    ],
    ["an unknown status", { workflow_id: "wf_01HY1", runs: [{ status: "ok" }] }, 400],
    [
      "an error code on a success",
      { workflow_id: "wf_01HY1", runs: [{ status: "success", error_code: "x" }] },
      400,
    ],
    [
      "a skip reason LeadLex never gives",
      { workflow_id: "wf_01HY1", runs: [{ status: "skipped", skip_reason: "bored" }] },
      400,
    ],
    [
      "an entity of another type",
      { workflow_id: "wf_01HY1", runs: [{ status: "success", entity_id: "contact_01X" }] },
      400,
    ],
    [
      "an entity id with markup",
      { workflow_id: "wf_01HY1", runs: [{ status: "success", entity_id: "deal_<b>" }] },
      400,
    ],
    [
      "too many runs",
      { workflow_id: "wf_01HY1", runs: [{ status: "success", count: 1_001 }] },
      400,
    ],
    [
      "a negative duration",
      { workflow_id: "wf_01HY1", runs: [{ status: "success", duration_ms: -1 }] },
      400,
    ],
    ["no runs", { workflow_id: "wf_01HY1", runs: [] }, 400],
    ["a bad workflow id", { workflow_id: "../wf", runs: [{ status: "success" }] }, 400],
    ["an unknown workflow", { workflow_id: "wf_nope", runs: [{ status: "success" }] }, 404],
    [
      "a deleted workflow",
      { workflow_id: WORKFLOW_IDS.deleted, runs: [{ status: "success" }] },
      409,
    ],
  ])("refuses %s and adds nothing", async (_label, body, status) => {
    const before = await total("wf_01HY1");
    const response = await burst(body);
    expect(response.status).toBe(status);
    const error = ((await response.json()) as ErrorBody).error;
    expect(error.message.length).toBeGreaterThan(10);
    expect(await total("wf_01HY1")).toBe(before);
  });
});

describe("POST /__emulator/replay", () => {
  it("answers a recorded call again exactly as it was answered, runs arrived since or not", async () => {
    await emulator.admin("/__emulator/requests", { method: "DELETE" });
    const paths = [
      "/v1/workflows/wf_big/logs?per_page=50&status=failed",
      "/v1/workflows?per_page=100",
      "/v1/workflows/wf_01HY1",
      "/v1/workflows/wf_01HY1/logs?per_page=3&page=0",
    ];
    const sentAt = emulator.clock.nowMs();
    const sent: string[] = [];
    for (const path of paths) sent.push(await (await emulator.call(path)).text());
    emulator.clock.advance(6 * HOUR);
    await burst({ workflow_id: "wf_big", runs: [{ status: "failed", count: 5 }] });
    await burst({ workflow_id: "wf_01HY1", runs: [{ status: "success" }] });
    // The data did move on.
    expect(await (await emulator.call(paths[0] ?? "")).text()).not.toBe(sent[0]);

    const recorded = (await requestLog()).slice(0, paths.length);
    for (const [index, entry] of recorded.entries()) {
      expect(entry.asOfMs).toBe(sentAt);
      const response = await replay(entry.seq);
      expect(response.status).toBe(200);
      const answer = (await response.json()) as { status: number; body: unknown };
      expect(answer.status).toBe(entry.status);
      expect(JSON.stringify(answer.body), paths[index]).toBe(sent[index]);
    }
  });

  it("refuses calls that got no data answer, unknown calls and bad bodies", async () => {
    await emulator.admin("/__emulator/requests", { method: "DELETE" });
    await emulator.call("/v1/workflows/wf_fault_500/logs");
    await emulator.call("/v1/workflows", { key: null });
    const [fault, unauthenticated] = await requestLog();
    expect((await replay(fault?.seq)).status).toBe(409);
    expect((await replay(unauthenticated?.seq)).status).toBe(409);
    expect((await replay(10_000_000)).status).toBe(404);
    for (const seq of [0, -1, 1.5, "1", null]) expect((await replay(seq)).status).toBe(400);
  });
});
