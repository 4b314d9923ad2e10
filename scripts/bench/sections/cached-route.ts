import { randomBytes } from "node:crypto";
import { sessionCookieHeader } from "../../support/session-cookie";
import { REPOSITORY_ROOT } from "../../floors/scratch-project";
import { DEMO_KEY } from "../browser";
import type { BenchContext, RunboardUnderTest } from "../context";
import { figureList, formatNumber } from "../figures";
import {
  measureLatency,
  measureThroughputInterleaved,
  type LatencySeries,
  type Target,
  type ThroughputResult,
} from "../http-load";
import { startNextServer } from "../servers";
import { leadlexLogsPath, runboardLogsPath, SMALL_WORKFLOW } from "../workloads";
import type { BenchSection } from "./section";
import { throughputErrors, throughputNote } from "./throughput-notes";

/** The code just before the quota layer: what "today's uncached route" meant when it was built. */
const BEFORE_THE_LAYER = "5a92504";

/**
 * What the quota layer's cache costs and saves on the logs route, on the shared Runboard server.
 *
 * - Throughput at 10 connections: a cached logs page (a hit) against Next's bare `/api/health`,
 *   windows interleaved (target ≥ 0.8×).
 * - Latency, one request at a time, all targets interleaved: a hit against `/api/health`; a miss
 *   (every request a new `after`, so nothing is cached) against the route floor, (a) the emulator
 *   answering the same new query directly plus (b) `/api/health`; and, when
 *   `BENCH_BASELINE_DIST` names a build of the code before the layer (in this checkout), that
 *   build's uncached route for the same kind of query: a miss may cost at most 0.3 ms p50 more.
 */
export const cachedRoute: BenchSection = {
  name: "cache",
  summary: "cached logs route req/s against /api/health; hit and miss p50 against the route floor",
  async run(context) {
    const runboard = await context.runboard();
    const list = figureList("Cached route");
    const hit: Target = {
      name: "hit",
      url: `${runboard.origin}${runboardLogsPath(SMALL_WORKFLOW, 1)}`,
      headers: { Cookie: runboard.cookie },
    };
    const health: Target = { name: "health", url: `${runboard.origin}/api/health` };

    const [healthLoaded, hitLoaded] = (await measureThroughputInterleaved(
      [health, hit].map((target) => ({ ...target, serverPid: runboard.pid })),
      context.settings.throughput,
    )) as [ThroughputResult, ThroughputResult];
    const connections = context.settings.throughput.connections;
    list.compared(
      `cached logs page, ${connections} connections`,
      hitLoaded.requestsPerSecond,
      "req/s",
      { name: "/api/health", value: healthLoaded.requestsPerSecond },
      { of: "ratio", op: ">=", value: 0.8 },
      throughputNote(hitLoaded),
    );
    list.info(
      `/api/health, ${connections} connections`,
      healthLoaded.requestsPerSecond,
      "req/s",
      throughputNote(healthLoaded),
    );

    const baselineDist = process.env.BENCH_BASELINE_DIST;
    const baseline = baselineDist ? await startBaseline(context, baselineDist, runboard) : null;
    const series = await measureLatency(
      [
        health,
        hit,
        newQueryEachTime("miss", `${runboard.origin}${runboardLogsPath(SMALL_WORKFLOW, 1)}`, {
          Cookie: runboard.cookie,
        }),
        newQueryEachTime(
          "direct",
          `${runboard.emulator.apiBaseUrl}${leadlexLogsPath(SMALL_WORKFLOW, 1)}`,
          { Authorization: `Bearer ${DEMO_KEY}` },
        ),
        ...(baseline ? [newQueryEachTime("baseline", baseline.logsUrl, baseline.headers)] : []),
      ],
      context.settings.latency,
    );
    const p50 = (name: string) =>
      (series.find((entry) => entry.name === name) as LatencySeries).p50;

    const above = (value: number, floor: number) => `+${formatNumber(value - floor, "ms")} ms`;
    list.compared(
      "hit p50",
      p50("hit"),
      "ms",
      { name: "(b) /api/health p50", value: p50("health") },
      null,
      `${above(p50("hit"), p50("health"))}: session, cache lookup and unsealing, JSON`,
    );
    const routeFloor = p50("direct") + p50("health");
    list.compared(
      "miss p50 (a new query each time)",
      p50("miss"),
      "ms",
      { name: "(a) emulator direct, a new query each time + (b) /api/health", value: routeFloor },
      null,
      `own cost ${above(p50("miss"), routeFloor)}: a hit's work, the call, sealing and storing the answer`,
    );
    if (baseline) {
      list.compared(
        "miss p50, against the route before the layer",
        p50("miss"),
        "ms",
        { name: `the uncached route of ${BEFORE_THE_LAYER}, p50`, value: p50("baseline") },
        { of: "difference", op: "<=", value: 0.3 },
      );
      list.info(
        "what a hit saves: the route before the layer − hit, p50",
        p50("baseline") - p50("hit"),
        "ms",
      );
    } else {
      list.info(
        "miss − the route before the layer, p50",
        Number.NaN,
        "ms",
        `not measured: set BENCH_BASELINE_DIST to a build of ${BEFORE_THE_LAYER} in this checkout (target ≤ +0.3 ms)`,
      );
    }
    list.info("(a) emulator direct, a new query each time, p50", p50("direct"), "ms");

    return {
      figures: list.figures,
      errors: [
        ...throughputErrors([healthLoaded, hitLoaded]),
        ...series
          .filter((entry) => entry.errors.length > 0)
          .map(
            (entry) => `${entry.name}: ${entry.errors.length} failed requests (${entry.errors[0]})`,
          ),
      ],
      raw: {
        healthLoaded,
        hitLoaded,
        latency: series.map(({ name, p50: median, p99, samples }) => ({
          name,
          p50: median,
          p99,
          count: samples.length,
        })),
      },
    };
  },
};

/**
 * A target whose every request asks for a page nobody asked for before, by a new `after` lower
 * bound each time (a second apart, long before the seeded runs, so every answer holds the same
 * runs). `measureLatency` reads `url` once per request.
 */
function newQueryEachTime(name: string, url: string, headers: Record<string, string>): Target {
  let sequence = 0;
  return {
    name,
    headers,
    get url() {
      sequence += 1;
      const after = new Date(Date.UTC(2025, 0, 1) + sequence * 1000).toISOString();
      const withAfter = new URL(url);
      withAfter.searchParams.set("after", `${after.slice(0, 19)}Z`);
      return withAfter.toString();
    },
  };
}

/** `next start` of a build of the code before the layer, on the shared server's emulator. */
async function startBaseline(
  context: BenchContext,
  distDir: string,
  runboard: RunboardUnderTest,
): Promise<{ logsUrl: string; headers: Record<string, string> }> {
  const secret = randomBytes(32).toString("base64url");
  const server = await startNextServer({
    label: `the build of ${BEFORE_THE_LAYER} in ${distDir}`,
    cwd: REPOSITORY_ROOT,
    env: {
      NEXT_DIST_DIR: distDir,
      LEADLEX_API_URL: runboard.emulator.apiBaseUrl,
      SESSION_SECRET: secret,
    },
    readinessPath: "/api/health",
  });
  context.deferClose(() => server.close());
  return {
    logsUrl: `${server.origin}${runboardLogsPath(SMALL_WORKFLOW, 1)}`,
    headers: { Cookie: await sessionCookieHeader(DEMO_KEY, secret) },
  };
}
