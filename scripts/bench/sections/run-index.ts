import { createManualClock, MS_PER_DAY, type ManualClock } from "../../../emulator/clock";
import { MAX_LIMIT } from "../../../emulator/emulator-options";
import { createEmulator } from "../../../emulator/server";
import {
  facets,
  listRuns,
  planBackfill,
  recordRuns,
  RunIndex,
  startBackfill,
  syncWorkflow,
  timeBuckets,
  type BackfillDeps,
} from "../../../lib/run-index";
import { figureList, type Target } from "../figures";
import { addRuns, emulatorFetch, listWorkflows } from "../run-index-source";
import { median } from "../stats";
import type { BenchSection, SectionResult } from "./section";

/** A Monday afternoon, so every bench run indexes the same data. */
const START = new Date("2026-04-20T14:30:00Z");
const KEYS = { a: "wbk_demo_org_full", b: "wbk_demo_other_workspace" } as const;
const atMost = (value: number): Target => ({ of: "value", op: "<=", value });

/**
 * The run index's costs, with an emulator of its own in this process on a manual clock (the index
 * is in-process code; no app server is involved):
 *
 *  - the 7-day backfill of wf_big: calls made against the estimate shown first, time, memory held;
 *  - query time on a warm index of the emulator's 15 listed workflows (both demo workspaces, in one
 *    index for this measurement only; the app keeps one index per key): wf_big's 7 days, every
 *    other workflow's whole history. Targets: runs across workflows ≤ 50 ms p50, one record's runs
 *    ≤ 100 ms p50, facets and chart buckets ≤ 50 ms p50;
 *  - an incremental sync of wf_big after a minute of ordinary arrivals, and after 100 new runs:
 *    calls and time.
 */
export const runIndexSection: BenchSection = {
  name: "run-index",
  summary: "run index: 7-day backfill calls against its estimate, query p50 on a warm index, sync",
  async run(context) {
    const clock = createManualClock(START);
    const emulator = createEmulator({
      clock,
      orgLimitPerMin: MAX_LIMIT,
      orgLimitPerDay: MAX_LIMIT,
    });
    const { baseUrl } = await emulator.listen(0, "127.0.0.1");
    try {
      return await measure(baseUrl, clock, context.settings.quick);
    } finally {
      await emulator.close();
    }
  },
};

async function measure(
  baseUrl: string,
  clock: ManualClock,
  quick: boolean,
): Promise<SectionResult> {
  const list = figureList("Run index");
  const calls = { count: 0 };
  const depsFor = (key: string): BackfillDeps => ({
    fetchLogsPage: emulatorFetch(baseUrl, key, calls),
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
  list.compared(
    "7-day backfill of wf_big: LeadLex calls made",
    plan.callsSpent + done.callsMade,
    "count",
    { name: "calls estimated first (the estimate's own page included)", value: estimated },
    { of: "difference", op: "<=", value: 1 },
  );
  list.info("7-day backfill: runs held", index.runsOf("wf_big")?.size ?? 0, "count");
  list.info("7-day backfill: time (emulator in this process)", backfillMs, "ms");
  list.info("7-day backfill: index size (JSON of the runs held)", index.bytes / 1_048_576, "MB");
  list.info("7-day backfill: JS heap grown by", heapUsedMb() - heapBefore, "MB", "before GC");

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
  const totalRuns = index.workflowIds().reduce((sum, id) => sum + (index.runsOf(id)?.size ?? 0), 0);
  list.info("warm index: workflows", index.workflowIds().length, "count");
  list.info("warm index: runs held", totalRuns, "count");

  // 3. Query time on the warm index.
  const now = clock.nowMs();
  const week = { afterMs: now - 7 * MS_PER_DAY };
  const firstPage = { page: 1, perPage: 25 };
  const samples = quick ? 15 : 60;
  const p50 = (ask: () => unknown) => {
    for (let i = 0; i < 3; i++) ask();
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = performance.now();
      ask();
      times.push(performance.now() - t);
    }
    return median(times);
  };
  const record = index.runsOf("wf_big")?.runs[0]?.run.entityId ?? "";
  const contactWorkflows = listed.filter((w) => w.condition_entity === "contact").map((w) => w.id);
  const questions: [name: string, ask: () => unknown, targetMs: number][] = [
    ["runs across workflows, 7 days, page 1 of 25", () => listRuns(index, week, firstPage), 50],
    [
      "runs across workflows, failed in 24 h, still failing only",
      () =>
        listRuns(
          index,
          { afterMs: now - MS_PER_DAY, statuses: ["failed"], stillFailingOnly: true },
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
    list.limited(`${name}, p50`, p50(ask), "ms", atMost(targetMs));
  }

  // 4. Incremental sync of wf_big: after a minute of its own arrivals, then after 100 new runs.
  const sync = async (after: string, maxCalls: number, why: string) => {
    const before = calls.count;
    const syncStarted = performance.now();
    const outcome = await syncWorkflow(index, "wf_big", "all", depsFor(KEYS.a));
    const ms = performance.now() - syncStarted;
    if (outcome.result !== "synced") throw new Error(`sync of wf_big: ${outcome.result}`);
    const made = calls.count - before;
    // A sync that asks nothing has not synced, whatever it reports.
    if (made === 0) throw new Error(`sync of wf_big after ${after} made no call`);
    list.limited(
      `incremental sync of wf_big after ${after}: LeadLex calls`,
      made,
      "count",
      atMost(maxCalls),
      `${outcome.added} runs added${why}`,
    );
    list.info(`incremental sync of wf_big after ${after}: time`, ms, "ms");
  };
  clock.advance(60_000);
  await sync("a minute of arrivals", 1, "");
  await addRuns(baseUrl, "wf_big", 100);
  clock.advance(1_000);
  await sync(
    "100 new runs",
    2,
    "; the 100 and the runs asked again in the 2 min look-back fill more than one page of 100",
  );
  return { figures: list.figures, raw: { estimated, totalRuns, calls: calls.count } };
}

function heapUsedMb(): number {
  return process.memoryUsage().heapUsed / 1_048_576;
}
