import { randomBytes } from "node:crypto";
import { Agent, request } from "node:http";
import {
  settledCallsSince,
  lastCallSeq,
  type AppProcess,
  type EmulatorCall,
} from "../../support/app-instances";
import { sessionCookieHeader } from "../../support/session-cookie";
import { figureList } from "../figures";
import { processCpuMs } from "../machine";
import { startOwnApp, startOwnEmulator } from "../own-servers";
import { median } from "../stats";
import type { BenchSection } from "./section";

const KEY = "wbk_demo_org_full";
const HEALTHY_CONNECTIONS = 10;
/** The storm the hardening probe found harmful: 20 abandoned page loads a second… */
export const STORM_LOADS_PER_SECOND = 20;
/** …each dropped by its browser 0.3 s after it was sent. */
const DROP_AFTER_MS = 300;
/** Answers after 15 s: an abandoned load of it holds its calls until the app cancels them. */
const SLOW_WORKFLOW = "wf_fault_slow";
const HEALTHY_WORKFLOW = "wf_01HY1";
/** Production's per-attempt budget: a call cut short by the hang-up ends well before it. */
const ATTEMPT_TIMEOUT_MS = 5_000;

/**
 * Every healthy view and every abandoned one asks for a page no earlier request asked for (a
 * distinct `after` instant), so neither is a cache hit or joins another's call: each healthy page
 * costs a LeadLex call of its own, which is what a full socket pool or a stuck renderer would slow.
 */
function distinctAfter(sequence: number): string {
  return new Date(Date.UTC(2020, 0, 1) + sequence * 1_000).toISOString().replace(".000", "");
}

interface Phase {
  storm: boolean;
  rate: number;
}

/** The app's CPU time spent while `work` runs, in ms; null where /proc cannot be read. */
async function cpuDuring(pid: number, work: () => Promise<number>): Promise<CpuTally> {
  const before = processCpuMs(pid);
  const count = await work();
  const after = processCpuMs(pid);
  return { count, cpuMs: before === null || after === null ? null : after - before };
}

interface CpuTally {
  count: number;
  cpuMs: number | null;
}

/**
 * Healthy runs pages (10 connections, closed loop, each page a LeadLex call of its own) on an app
 * and emulator of this section's own, in windows alternating without and with a storm of abandoned
 * loads of a workflow that answers after 15 s. Reported: the healthy throughput during the storm
 * over the throughput without it (the floor: the same load on the same servers, measured in the
 * windows between), and what each abandoned load cost in LeadLex calls.
 */
export const abandonedStorm: BenchSection = {
  name: "storm",
  summary: "healthy runs-page throughput during 20 abandoned loads a second, over the same without",
  async run(context) {
    const windowMs = context.settings.quick ? 4_000 : 8_000;
    const rounds = context.settings.quick ? 2 : 4;
    const secret = randomBytes(32).toString("base64url");
    const emulator = await startOwnEmulator(context);
    const app = await startOwnApp(context, {
      LEADLEX_API_URL: emulator.apiBaseUrl,
      SESSION_SECRET: secret,
    });
    const cookie = await sessionCookieHeader(KEY, secret);
    const counter = { next: 0 };
    const agent = new Agent({ keepAlive: true, maxSockets: HEALTHY_CONNECTIONS });
    const phases: Phase[] = [];
    const abandonedLoads: string[] = [];
    const healthyErrors: string[] = [];
    let since = 0;
    let healthyCpu: CpuTally = { count: 0, cpuMs: null };
    let stormCpu: CpuTally = { count: 0, cpuMs: null };
    try {
      // Warm-up: the page's code paths and the workflow's details (cached five minutes).
      await healthyLoad(app, cookie, agent, counter, 2_000, healthyErrors);
      since = await lastCallSeq(emulator);
      // What one of each costs the app in CPU, alone: on two cores the storm's own CPU is what
      // the healthy pages lose first.
      healthyCpu = await cpuDuring(app.pid, () =>
        healthyLoad(app, cookie, agent, counter, windowMs, healthyErrors),
      );
      stormCpu = await cpuDuring(app.pid, async () => {
        const before = abandonedLoads.length;
        const stop = startStorm(app, cookie, counter, abandonedLoads);
        await new Promise((done) => setTimeout(done, windowMs));
        await stop();
        return abandonedLoads.length - before;
      });
      for (let round = 0; round < rounds; round += 1) {
        // Alternate which comes first, so a trend in the machine's load lands on both alike.
        const order = round % 2 === 0 ? [false, true] : [true, false];
        for (const storm of order) {
          const stopStorm = storm ? startStorm(app, cookie, counter, abandonedLoads) : null;
          const served = await healthyLoad(app, cookie, agent, counter, windowMs, healthyErrors);
          await stopStorm?.();
          phases.push({ storm, rate: (served * 1_000) / windowMs });
        }
      }
    } finally {
      agent.destroy();
    }
    const calls = await settledCallsSince(emulator, since);
    await app.stop();

    const slowLogs = calls.filter((call) => call.path.endsWith(`/workflows/${SLOW_WORKFLOW}/logs`));
    const slowDetails = calls.filter((call) => call.path.endsWith(`/workflows/${SLOW_WORKFLOW}`));
    const quiet = median(phases.filter((phase) => !phase.storm).map((phase) => phase.rate));
    const stormy = median(phases.filter((phase) => phase.storm).map((phase) => phase.rate));
    const cutShort = slowLogs.filter(endedBeforeAttemptLimit).length;

    const list = figureList(
      `Abandoned-load storm (${STORM_LOADS_PER_SECOND}/s, dropped after ${DROP_AFTER_MS} ms)`,
    );
    list.compared(
      `healthy runs pages per second at ${HEALTHY_CONNECTIONS} connections, during the storm`,
      stormy,
      "req/s",
      { name: "the same load without the storm, windows in between", value: quiet },
      { of: "ratio", op: ">=", value: 0.8 },
      `median of ${rounds} windows each; ${healthyErrors.length} healthy errors`,
    );
    list.limited(
      "LeadLex logs calls per abandoned page load",
      abandonedLoads.length === 0 ? Number.NaN : slowLogs.length / abandonedLoads.length,
      "ratio",
      { of: "value", op: "<=", value: 1 },
      `${slowLogs.length} calls for ${abandonedLoads.length} abandoned loads`,
    );
    list.info(
      "abandoned loads' logs calls cut short by the hang-up (before the 5 s attempt limit)",
      slowLogs.length === 0 ? Number.NaN : (cutShort * 100) / slowLogs.length,
      "",
      `${cutShort} of ${slowLogs.length}, in %`,
    );
    list.info(
      "workflow-details calls for the abandoned workflow, all loads together",
      slowDetails.length,
      "count",
      "one call shared by every load in flight at the time",
    );
    const perItem = (tally: CpuTally) =>
      tally.cpuMs === null || tally.count === 0 ? Number.NaN : tally.cpuMs / tally.count;
    list.info("app CPU per healthy runs page, measured alone", perItem(healthyCpu), "ms");
    list.info(
      "app CPU per abandoned load, measured alone (storm only, no healthy load)",
      perItem(stormCpu),
      "ms",
      `${STORM_LOADS_PER_SECOND}/s of it is ${((perItem(stormCpu) * STORM_LOADS_PER_SECOND) / 10).toFixed(0)} % of one core`,
    );
    const errors =
      healthyErrors.length > 0
        ? [`healthy pages failed: ${healthyErrors.slice(0, 3).join("; ")}`]
        : [];
    return {
      figures: list.figures,
      errors,
      raw: {
        phases,
        abandonedLoads: abandonedLoads.length,
        slowLogsCalls: slowLogs.length,
        cutShort,
        slowDetailsCalls: slowDetails.length,
        healthyErrors: healthyErrors.slice(0, 10),
      },
    };
  },
};

/** Closed loop for `durationMs`: each connection asks for its next page once the last has arrived. */
async function healthyLoad(
  app: AppProcess,
  cookie: string,
  agent: Agent,
  counter: { next: number },
  durationMs: number,
  errors: string[],
): Promise<number> {
  const deadline = performance.now() + durationMs;
  let served = 0;
  await Promise.all(
    Array.from({ length: HEALTHY_CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const path = `/workflows/${HEALTHY_WORKFLOW}?after=${distinctAfter((counter.next += 1))}`;
        const status = await fetchPage(`${app.origin}${path}`, cookie, agent);
        if (status === 200) served += 1;
        else errors.push(`${path}: HTTP ${status}`);
      }
    }),
  );
  return served;
}

function fetchPage(url: string, cookie: string, agent: Agent): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { agent, headers: { Cookie: cookie } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", () => resolve(0));
    });
    req.on("error", () => resolve(0));
    req.end();
  });
}

/** Sends abandoned loads at the storm's rate until the returned function is called. */
function startStorm(
  app: AppProcess,
  cookie: string,
  counter: { next: number },
  sent: string[],
): () => Promise<void> {
  const drops: Promise<void>[] = [];
  const timer = setInterval(() => {
    const path = `/workflows/${SLOW_WORKFLOW}?after=${distinctAfter((counter.next += 1))}`;
    sent.push(path);
    // A socket of its own, as a browser tab that is closed drops its own connection.
    const req = request(`${app.origin}${path}`, { agent: false, headers: { Cookie: cookie } });
    req.on("error", () => undefined);
    req.end();
    drops.push(
      new Promise((dropped) =>
        setTimeout(() => {
          req.destroy();
          dropped();
        }, DROP_AFTER_MS),
      ),
    );
  }, 1_000 / STORM_LOADS_PER_SECOND);
  return async () => {
    clearInterval(timer);
    await Promise.all(drops);
  };
}

function endedBeforeAttemptLimit(call: EmulatorCall): boolean {
  return call.finishedAt !== null && call.finishedAt - call.startedAt < ATTEMPT_TIMEOUT_MS - 1_000;
}
