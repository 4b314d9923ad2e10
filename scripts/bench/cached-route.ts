import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { stopChild, waitForHttp } from "../support/child-process";
import { freePort } from "../support/redis-server";
import { sessionCookieHeader } from "../support/session-cookie";
import { measureLatency, measureThroughput, type Target } from "./http-load";
import type { Figure } from "./report";

/**
 * Bench section "cache": what the quota layer costs and saves on the logs route.
 *
 * - Throughput: a cached logs page through our route against the bare `/api/health` handler, in
 *   alternating one-second windows so the machine's noise lands on both (target ≥ 0.8×).
 * - Latency, sequential and interleaved: a hit, a miss (every request a new `after`, so nothing
 *   is cached), and, when `BENCH_BASELINE_DIST` names a build of the code before the layer, that
 *   build's uncached route for the same queries: a miss may cost at most 0.3 ms p50 more.
 */

export interface CachedRouteOptions {
  appOrigin: string;
  appPid: number;
  /** The LeadLex base URL the app uses, for the baseline build. */
  apiBaseUrl: string;
  cookie: string;
  settings: { warmup: number; samples: number; durationMs: number; warmupMs: number };
}

const SECTION = "Cached route";
const CONNECTIONS = 10;
const WORKFLOW = "wf_01HY1";
const ROOT = join(import.meta.dirname, "../..");

export async function measureCachedRoute(options: CachedRouteOptions): Promise<Figure[]> {
  const figures: Figure[] = [];
  const figure = (
    name: string,
    value: number,
    unit: Figure["unit"],
    target: Figure["target"] = null,
    note?: string,
  ) => figures.push({ section: SECTION, name, value, unit, target, note });

  const cached: Target = {
    name: "cached logs page",
    url: `${options.appOrigin}/api/workflows/${WORKFLOW}/logs`,
    headers: { Cookie: options.cookie },
  };
  const health: Target = { name: "/api/health", url: `${options.appOrigin}/api/health` };
  const [healthRun, cachedRun] = await alternatingThroughput([health, cached], options);
  figure("(b) /api/health, 10 connections", healthRun.requestsPerSecond, "req/s");
  figure("(h) cached logs page, 10 connections", cachedRun.requestsPerSecond, "req/s");
  figure(
    "(h) / (b) throughput",
    cachedRun.requestsPerSecond / healthRun.requestsPerSecond,
    "ratio",
    {
      op: ">=",
      value: 0.8,
    },
  );
  figure("errors", healthRun.errors + cachedRun.errors, "count", { op: "==", value: 0 });

  const baseline = process.env.BENCH_BASELINE_DIST
    ? await startBaseline(process.env.BENCH_BASELINE_DIST, options.apiBaseUrl)
    : null;
  try {
    let sequence = 0;
    // A new lower bound each time: a distinct request the cache has never seen.
    const fresh = () =>
      `/api/workflows/${WORKFLOW}/logs?after=${new Date(Date.UTC(2025, 0, 1) + ++sequence * 1000).toISOString().slice(0, 19)}Z`;
    // A getter: `measureLatency` reads the URL once per request.
    const generated = (name: string, origin: string, headers: Record<string, string>): Target => ({
      name,
      headers,
      get url() {
        return `${origin}${fresh()}`;
      },
    });
    const series = await measureLatency(
      [
        { ...cached, name: "hit" },
        generated("miss", options.appOrigin, { Cookie: options.cookie }),
        ...(baseline ? [generated("baseline", baseline.origin, baseline.headers)] : []),
      ],
      options.settings,
    );
    for (const { name, errors } of series) {
      if (errors.length > 0) throw new Error(`${name}: ${errors.length} failed (${errors[0]})`);
    }
    const p50 = (name: string) => series.find((entry) => entry.name === name)?.p50 ?? Number.NaN;
    figure("(h) hit p50, sequential", p50("hit"), "ms");
    figure("(m) miss p50 (a new query each time)", p50("miss"), "ms");
    if (baseline) {
      figure("(u) the route before the layer, uncached, p50", p50("baseline"), "ms");
      figure("(m) − (u) p50: what a miss costs more", p50("miss") - p50("baseline"), "ms", {
        op: "<=",
        value: 0.3,
      });
      figure("(u) − (h) p50: what a hit saves", p50("baseline") - p50("hit"), "ms");
    } else {
      figure(
        "(m) − (u) p50",
        Number.NaN,
        "ms",
        null,
        "set BENCH_BASELINE_DIST to a build of 5a92504",
      );
    }
  } finally {
    await baseline?.stop();
  }
  return figures;
}

interface WindowedThroughput {
  requestsPerSecond: number;
  errors: number;
}

/** The two targets in turn, one-second windows each (order swapping every round), summed. */
async function alternatingThroughput(
  targets: [Target, Target],
  options: CachedRouteOptions,
): Promise<[WindowedThroughput, WindowedThroughput]> {
  const rounds = Math.max(2, Math.round(options.settings.durationMs / 1_000));
  const totals = targets.map(() => ({ requests: 0, errors: 0, ms: 0 }));
  for (let round = 0; round < rounds; round++) {
    for (const index of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const run = await measureThroughput(targets[index] as Target, {
        connections: CONNECTIONS,
        durationMs: 1_000,
        warmupMs: 200,
        appPid: options.appPid,
      });
      const total = totals[index] as (typeof totals)[number];
      total.requests += run.requests - run.errors;
      total.errors += run.errors;
      total.ms += run.durationMs;
    }
  }
  const [a, b] = totals.map(({ requests, errors, ms }) => ({
    requestsPerSecond: (requests * 1000) / ms,
    errors,
  }));
  return [a as WindowedThroughput, b as WindowedThroughput];
}

/** `next start` of a build of the code before the layer, on the same emulator. */
async function startBaseline(distDir: string, apiBaseUrl: string) {
  const port = await freePort();
  const secret = randomBytes(32).toString("base64url");
  const child = spawn(
    process.execPath,
    [join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: distDir,
        LEADLEX_API_URL: apiBaseUrl,
        SESSION_SECRET: secret,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(`${origin}/api/health`, child, `baseline build in ${distDir}`);
  return {
    origin,
    headers: { Cookie: await sessionCookieHeader("wbk_demo_org_full", secret) },
    stop: () => stopChild(child),
  };
}
