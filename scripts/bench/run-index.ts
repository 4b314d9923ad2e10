/**
 * The run index's section of `npm run bench`, self-contained: it starts its own
 * emulator in this process, on a manual clock pinned to a Monday afternoon (so every bench run
 * measures the same data), and returns its figures. Alone: `npx tsx scripts/bench/run-index.ts`.
 *
 *  - 7-day backfill of wf_big: calls made against the estimate shown first, time, memory held.
 *  - Query time on a warm index of the emulator's 15 listed workflows (both demo workspaces, put
 *    in one index for this measurement only; the app keeps one index per key): wf_big's 7 days,
 *    every other workflow's whole history. Targets: runs across workflows <= 50 ms p50, one
 *    record's runs <= 100 ms p50, facets and chart buckets <= 50 ms p50.
 *  - Incremental sync of wf_big after 100 new runs, and after a minute of ordinary arrivals:
 *    calls and time.
 */
import { createManualClock } from "../../emulator/clock";
import { createEmulator } from "../../emulator/server";
import { MAX_LIMIT } from "../../emulator/emulator-options";
import type { Run } from "../../lib/model/run";
import {
  facets,
  listRuns,
  planBackfill,
  recordRuns,
  RunIndex,
  startBackfill,
  syncWorkflow,
  timeBuckets,
} from "../../lib/run-index";
import type { BackfillDeps, FetchLogsPage } from "../../lib/run-index";
import type { Figure } from "./report";
import { median } from "./stats";

const START = new Date("2026-04-20T14:30:00Z");
const DAY = 86_400_000;
const KEYS = { a: "wbk_demo_org_full", b: "wbk_demo_other_workspace" } as const;

interface WireWorkflow {
  id: string;
  condition_entity: string;
}

/** LeadLex's log entry, as far as an index needs it (the app's gateway does this properly). */
interface WireLog {
  id: string;
  workflow_id: string;
  triggered_at: string;
  entity_type: string;
  entity_id: string;
  status: Run["status"];
  skip_reason: string | null;
  action_result: unknown;
  error: { code: string; message: string } | null;
  duration_ms: number;
}

export async function measureRunIndex(options: { quick: boolean }): Promise<Figure[]> {
  const figures: Figure[] = [];
  const figure = (
    name: string,
    value: number,
    unit: Figure["unit"],
    target: Figure["target"] = null,
    note?: string,
  ) => figures.push({ section: "Run index", name, value, unit, target, note });
  const clock = createManualClock(START);
  const emulator = createEmulator({ clock, orgLimitPerMin: MAX_LIMIT, orgLimitPerDay: MAX_LIMIT });
  const { baseUrl } = await emulator.listen(0, "127.0.0.1");
  try {
    const calls = { count: 0 };
    const fetchFor = (key: string): FetchLogsPage => emulatorFetch(baseUrl, key, calls);
    const depsFor = (key: string): BackfillDeps => ({
      fetchLogsPage: fetchFor(key),
      now: () => clock.nowMs(),
      sleep: async (ms) => clock.advance(ms),
    });
    const index = new RunIndex();

    // 1. The 7-day backfill of wf_big: the estimate first, then the job.
    const heapBefore = heapUsedMb();
    const started = performance.now();
    const plan = await planBackfill(
      index,
      { workflowIds: ["wf_big"], window: "7d" },
      depsFor(KEYS.a),
    );
    const start = startBackfill(plan, depsFor(KEYS.a), { confirmed: true });
    if (!start.started) throw new Error(`backfill did not start: ${start.reason}`);
    const done = await start.job.run();
    const backfillMs = performance.now() - started;
    const estimated = plan.callsSpent + plan.callsLeft;
    const made = plan.callsSpent + done.callsMade;
    const held = index.runsOf("wf_big")?.size ?? 0;
    figure("7-day backfill of wf_big: runs held", held, "count");
    figure("7-day backfill: calls estimated first (estimate's page included)", estimated, "count");
    figure("7-day backfill: calls made", made, "count", { op: "<=", value: estimated + 1 });
    figure("7-day backfill: time (emulator in this process)", backfillMs, "ms");
    figure(
      "7-day backfill: index size (JSON of the runs held)",
      index.bytes / 1_048_576,
      "",
      null,
      "MB",
    );
    figure(
      "7-day backfill: JS heap grown by",
      heapUsedMb() - heapBefore,
      "",
      null,
      "MB, before GC",
    );

    // 2. The rest of the warm index: every other listed workflow's whole history.
    const listed = [
      ...(await listWorkflows(baseUrl, KEYS.a)).map((w) => ({ ...w, key: KEYS.a })),
      ...(await listWorkflows(baseUrl, KEYS.b)).map((w) => ({ ...w, key: KEYS.b })),
    ];
    for (const workflow of listed.filter((w) => w.id !== "wf_big")) {
      const deps = depsFor(workflow.key);
      const whole = await planBackfill(index, { workflowIds: [workflow.id], window: "all" }, deps);
      const rest = startBackfill(whole, deps, { confirmed: true });
      if (rest.started) await rest.job.run();
    }
    const totalRuns = index
      .workflowIds()
      .reduce((sum, id) => sum + (index.runsOf(id)?.size ?? 0), 0);
    figure(`warm index: workflows`, index.workflowIds().length, "count");
    figure(`warm index: runs held`, totalRuns, "count");

    // 3. Query time on the warm index.
    const now = clock.nowMs();
    const week = { afterMs: now - 7 * DAY };
    const firstPage = { page: 1, perPage: 25 };
    const samples = options.quick ? 15 : 60;
    const p50 = (run: () => unknown) => {
      for (let i = 0; i < 3; i++) run();
      const times: number[] = [];
      for (let i = 0; i < samples; i++) {
        const t = performance.now();
        run();
        times.push(performance.now() - t);
      }
      return median(times);
    };
    const record = (index.runsOf("wf_big")?.runs[0]?.run.entityId ?? "") as string;
    const contactWorkflows = listed
      .filter((w) => w.condition_entity === "contact")
      .map((w) => w.id);
    const questions: [name: string, ask: () => unknown, targetMs: number][] = [
      ["runs across workflows, 7 days, page 1 of 25", () => listRuns(index, week, firstPage), 50],
      [
        "runs across workflows, failed in 24 h, still failing only",
        () =>
          listRuns(
            index,
            { afterMs: now - DAY, statuses: ["failed"], stillFailingOnly: true },
            firstPage,
          ),
        50,
      ],
      [
        "runs across workflows, 7 days, page 1,000",
        () => listRuns(index, week, { page: 1_000, perPage: 25 }),
        50,
      ],
      [
        `one record's runs (${record.slice(0, 12)}…, ${contactWorkflows.length} contact workflows)`,
        () => recordRuns(index, record, { workflowIds: contactWorkflows }, firstPage),
        100,
      ],
      [
        "facets (status chips, error codes, skip reasons, workflows), 7 days",
        () => facets(index, week),
        50,
      ],
      ["chart buckets, 7 days by status", () => timeBuckets(index, week, { nowMs: now }), 50],
    ];
    for (const [name, ask, targetMs] of questions) {
      figure(`${name}, p50`, p50(ask), "ms", { op: "<=", value: targetMs });
    }

    // 4. Incremental sync of wf_big: after a minute of its own arrivals, then after 100 new runs.
    const sync = async (after: string, maxCalls: Figure["target"], why: string) => {
      const { calls: made, added, ms } = await timedSync(index, depsFor(KEYS.a), calls);
      figure(
        `incremental sync of wf_big after ${after}: calls`,
        made,
        "count",
        maxCalls,
        `${added} runs added${why}`,
      );
      figure(`incremental sync of wf_big after ${after}: time`, ms, "ms");
    };
    clock.advance(60_000);
    await sync("a minute of arrivals", { op: "==", value: 1 }, "");
    await addRuns(baseUrl, "wf_big", 100);
    clock.advance(1_000);
    await sync(
      "100 new runs",
      { op: "<=", value: 2 },
      "; 100 new plus the runs asked again in the 2 min look-back fill more than one page of 100",
    );
    return figures;
  } finally {
    await emulator.close();
  }
}

async function timedSync(
  index: RunIndex,
  deps: BackfillDeps,
  calls: { count: number },
): Promise<{ calls: number; added: number; ms: number }> {
  const before = calls.count;
  const started = performance.now();
  const outcome = await syncWorkflow(index, "wf_big", "all", deps);
  const ms = performance.now() - started;
  if (outcome.result !== "synced") throw new Error(`sync of wf_big: ${outcome.result}`);
  return { calls: calls.count - before, added: outcome.added, ms };
}

function emulatorFetch(baseUrl: string, key: string, calls: { count: number }): FetchLogsPage {
  return async (workflowId, request) => {
    calls.count += 1;
    const query = new URLSearchParams({
      page: String(request.page),
      per_page: String(request.perPage),
    });
    if (request.status !== null) query.set("status", request.status);
    if (request.after !== null) query.set("after", request.after);
    const response = await fetch(`${baseUrl}/v1/workflows/${workflowId}/logs?${query}`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    if (!response.ok) throw new Error(`logs of ${workflowId}: HTTP ${response.status}`);
    const body = (await response.json()) as { data: { logs: WireLog[] }; meta: { total: number } };
    return {
      runs: body.data.logs.map(toRun),
      total: body.meta.total,
      rateLimit: {
        limit: Number(response.headers.get("x-ratelimit-limit")),
        remaining: Number(response.headers.get("x-ratelimit-remaining")),
        resetAt: null,
      },
    };
  };
}

function toRun(log: WireLog): Run {
  return {
    id: log.id,
    workflowId: log.workflow_id,
    triggeredAt: log.triggered_at,
    entityType: log.entity_type,
    entityId: log.entity_id,
    status: log.status,
    skipReason: log.skip_reason,
    actionResult: log.action_result,
    error: log.error,
    durationMs: log.duration_ms,
  };
}

async function listWorkflows(baseUrl: string, key: string): Promise<WireWorkflow[]> {
  const response = await fetch(`${baseUrl}/v1/workflows?per_page=100`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  return ((await response.json()) as { data: { workflows: WireWorkflow[] } }).data.workflows;
}

async function addRuns(baseUrl: string, workflowId: string, count: number): Promise<void> {
  const response = await fetch(`${new URL(baseUrl).origin}/__emulator/runs`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ workflow_id: workflowId, runs: [{ status: "success", count }] }),
  });
  if (response.status !== 201) throw new Error(`burst: HTTP ${response.status}`);
}

function heapUsedMb(): number {
  return process.memoryUsage().heapUsed / 1_048_576;
}

if (process.argv[1]?.endsWith("run-index.ts")) {
  measureRunIndex({ quick: process.argv.includes("--quick") }).then(
    (figures) => {
      for (const f of figures) {
        const value = f.unit === "ms" ? f.value.toFixed(2) : f.value.toFixed(f.unit === "" ? 1 : 0);
        const target = f.target === null ? "" : `  (target ${f.target.op} ${f.target.value})`;
        console.log(`${f.name}: ${value} ${f.unit}${f.note ? ` ${f.note}` : ""}${target}`);
      }
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
