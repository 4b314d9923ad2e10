/**
 * `npm run bench`: how fast Runboard is, against its production build and the LeadLex emulator, in
 * one run. Not part of CI's pass/fail (timings depend on the machine); the deterministic budgets
 * are: the JS budget (`npm run test:budget`) and the no-waterfall browser test.
 *
 *   NEXT_DIST_DIR=.next npx next build && npm run bench          # the full run (~5 min)
 *   npm run bench -- --quick                                    # short durations, for development
 *   npm run bench -- --only=proxy,throughput                    # some sections only
 *
 * Sections: proxy, throughput, render, interaction, lighthouse, budget. Writes
 * bench-results/latest.md and bench-results/latest.json, and prints the table.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { Agent } from "node:http";
import { join, resolve } from "node:path";
import { format } from "prettier";
import { sessionCookieHeader } from "./browser";
import { measureLatency, measureThroughput, timedGet, type LatencySeries } from "./http-load";
import type { ThroughputResult } from "./http-load";
import { measureInteractions, type InteractionResult } from "./interaction";
import { auditPage, type FormFactor, type LighthouseResult } from "./lighthouse-audit";
import { describeMachine, loadAverage } from "./machine";
import { passes, renderMarkdown, type Figure } from "./report";
import { startServers, type BenchServers } from "./servers";
import { median } from "./stats";

const root = resolve(import.meta.dirname, "../..");
const SECTIONS = [
  "proxy",
  "throughput",
  "render",
  "interaction",
  "lighthouse",
  "budget",
  "run-index",
] as const;
type Section = (typeof SECTIONS)[number];

const SMALL = "wf_01HY1";
const BIG = "wf_big";
const BIG_LAST_PAGE = 40_000;
/** Big / small may differ by this much and still count as "does not grow with size". */
const SCALE_TOLERANCE = 1.25;

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const onlyArg = args.find((arg) => arg.startsWith("--only="));
const sections = new Set<Section>(
  onlyArg
    ? onlyArg
        .slice("--only=".length)
        .split(",")
        .map((name) => {
          if (!(SECTIONS as readonly string[]).includes(name)) {
            throw new Error(`Unknown section "${name}"; sections: ${SECTIONS.join(", ")}.`);
          }
          return name as Section;
        })
    : SECTIONS,
);

const settings = quick
  ? { warmup: 20, samples: 100, durationMs: 3_000, warmupMs: 1_000, interactions: 5, lhRuns: 1 }
  : { warmup: 50, samples: 300, durationMs: 10_000, warmupMs: 2_000, interactions: 20, lhRuns: 3 };
const CONNECTIONS = 10;

const figures: Figure[] = [];
const errors: string[] = [];
const raw: Record<string, unknown> = {};

function figure(
  section: string,
  name: string,
  value: number,
  unit: Figure["unit"],
  target: Figure["target"] = null,
  note?: string,
): void {
  figures.push({ section, name, value, unit, target, note });
}

async function section(name: Section, run: () => Promise<void>): Promise<void> {
  if (!sections.has(name)) return;
  const started = performance.now();
  process.stdout.write(`· ${name} … `);
  try {
    await run();
    console.log(`${((performance.now() - started) / 1000).toFixed(0)} s`);
  } catch (error) {
    console.log("error");
    errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function main(): Promise<void> {
  const machine = describeMachine();
  const loadStart = loadAverage();
  const startedAt = new Date().toISOString();
  console.log(
    `Runboard benchmark: ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}, load ${loadStart.join(" / ")}`,
  );
  if (loadStart[0] >= 1.5) {
    console.log(
      "Warning: the 1-minute load average is 1.5 or more; absolute times will be inflated (ratios less so).",
    );
  }

  const servers = await startServers();
  try {
    const cookie = await sessionCookieHeader(servers.browserOrigin);
    await checkSetup(servers, cookie);
    await runSections(servers, cookie);
  } finally {
    await servers.close();
  }
  await section(
    "run-index",
    async () =>
      void figures.push(...(await (await import("./run-index")).measureRunIndex({ quick }))),
  );
  let budgetOutput: string | null = null;
  await section("budget", async () => {
    budgetOutput = runBundleBudget(servers.distDir);
  });

  const loadEnd = loadAverage();
  const header = {
    startedAt,
    machine,
    loadStart,
    loadEnd,
    distDir: servers.distDir,
    settings: quick
      ? "--quick (development run: short, not for comparison)"
      : `${settings.samples} sequential requests per target after ${settings.warmup} warm-up, ` +
        `${settings.durationMs / 1000} s at ${CONNECTIONS} connections after ${settings.warmupMs / 1000} s warm-up, ` +
        `median of ${settings.interactions} interactions, median of ${settings.lhRuns} Lighthouse runs`,
  };
  const markdown = await format(renderMarkdown(header, figures, errors, budgetOutput), {
    parser: "markdown",
    printWidth: 100,
  });
  const json = await format(
    JSON.stringify({
      ...header,
      figures: figures.map((f) => ({ ...f, pass: passes(f) })),
      errors,
      budgetOutput,
      raw,
    }),
    { parser: "json" },
  );
  const outDir = join(root, "bench-results");
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "latest.md"), markdown);
  writeFileSync(join(outDir, "latest.json"), json);
  console.log(`\n${markdown}`);
  console.log("Written to bench-results/latest.md and bench-results/latest.json.");
  if (errors.length > 0) process.exitCode = 1;
}

const directLogsUrl = (servers: BenchServers, id: string, page: number) =>
  `${servers.apiBaseUrl}/v1/workflows/${id}/logs?page=${page}&per_page=25`;
const proxyLogsUrl = (servers: BenchServers, id: string, page: number) =>
  `${servers.appOrigin}/api/workflows/${id}/logs${page > 1 ? `?page=${page}` : ""}`;
const directHeaders = { Authorization: "Bearer wbk_demo_org_full" };

/** One request of each kind before timing anything: a wrong setup must fail, not look fast. */
async function checkSetup(servers: BenchServers, cookie: string): Promise<void> {
  const agent = new Agent({ keepAlive: false });
  try {
    const last = await timedGet(
      {
        name: "check",
        url: proxyLogsUrl(servers, BIG, BIG_LAST_PAGE),
        headers: { Cookie: cookie },
      },
      agent,
    );
    const body = JSON.parse(last.body.toString()) as { runs?: unknown[]; meta?: { total: number } };
    if (last.status !== 200 || body.runs?.length !== 25 || body.meta?.total !== 1_000_000) {
      throw new Error(
        `The proxy's answer for ${BIG} page ${BIG_LAST_PAGE} is not 25 of 1,000,000 runs.`,
      );
    }
    const page = await timedGet(
      {
        name: "check",
        url: `${servers.appOrigin}/workflows/${SMALL}`,
        headers: { Cookie: cookie },
      },
      agent,
    );
    if (page.status !== 200 || !page.body.toString().includes("Notify owner on lost deals")) {
      throw new Error(`The runs page answered ${page.status} without the workflow: not signed in?`);
    }
  } finally {
    agent.destroy();
  }
}

async function runSections(servers: BenchServers, cookie: string): Promise<void> {
  const session = { Cookie: cookie };

  await section("proxy", async () => {
    const targets = [
      { name: "a", url: directLogsUrl(servers, SMALL, 1), headers: directHeaders },
      { name: "b", url: `${servers.appOrigin}/api/health` },
      { name: "c", url: proxyLogsUrl(servers, SMALL, 1), headers: session },
      { name: "a big", url: directLogsUrl(servers, BIG, 1), headers: directHeaders },
      { name: "c big", url: proxyLogsUrl(servers, BIG, 1), headers: session },
      {
        name: "a big last",
        url: directLogsUrl(servers, BIG, BIG_LAST_PAGE),
        headers: directHeaders,
      },
      { name: "c big last", url: proxyLogsUrl(servers, BIG, BIG_LAST_PAGE), headers: session },
    ];
    const series = await measureLatency(targets, settings);
    raw.proxy = series.map(({ name, p50, p99, errors: e, samples }) => ({
      name,
      p50,
      p99,
      errors: e,
      count: samples.length,
    }));
    const by = (name: string): LatencySeries => {
      const found = series.find((s) => s.name === name);
      if (!found) throw new Error(`no series ${name}`);
      if (found.errors.length > 0) {
        errors.push(`proxy ${name}: ${found.errors.length} failed requests (${found.errors[0]})`);
      }
      return found;
    };
    const [a, b, c] = [by("a"), by("b"), by("c")];
    const S = "Proxy latency";
    figure(S, `(a) LeadLex emulator direct, ${SMALL} logs, p50`, a.p50, "ms");
    figure(S, "(a) p99", a.p99, "ms");
    figure(S, "(b) GET /api/health, p50", b.p50, "ms");
    figure(S, "(b) p99", b.p99, "ms");
    figure(S, `(c) GET /api/workflows/${SMALL}/logs, p50`, c.p50, "ms");
    figure(S, "(c) p99", c.p99, "ms");
    figure(S, "(c) − (a) p50: the proxy's cost", c.p50 - a.p50, "ms", { op: "<=", value: 1 });
    figure(S, "(c) − (a) p99", c.p99 - a.p99, "ms", { op: "<=", value: 5 });
    figure(S, "(c) / (b) p50", c.p50 / b.p50, "ratio");

    // Where the proxy's time goes: the emulator runs in this process, so its log and these
    // timestamps share one clock. Before = until LeadLex sees the call; after = from its answer on.
    const split = await splitAroundUpstream(servers, [a, c]);
    raw.proxySplit = split;
    const [aSplit, cSplit] = split;
    if (aSplit && cSplit) {
      figure(
        S,
        "proxy cost before the upstream call, p50",
        cSplit.before - aSplit.before,
        "ms",
        null,
        "session, validation, fetch set-up, Next routing and proxy.ts",
      );
      figure(
        S,
        "proxy cost after the upstream answer, p50",
        cSplit.after - aSplit.after,
        "ms",
        null,
        "body read, zod, reshape, JSON, Next response",
      );
      figure(S, "LeadLex time inside (c), p50", cSplit.upstream, "ms");
    }

    const Z = "Scale (proxy)";
    const [aBig, cBig, aLast, cLast] = [
      by("a big"),
      by("c big"),
      by("a big last"),
      by("c big last"),
    ];
    const overhead = c.p50 - a.p50;
    figure(Z, `(c) ${BIG} page 1, p50`, cBig.p50, "ms");
    figure(Z, `(c) − (a) p50, ${BIG} page 1`, cBig.p50 - aBig.p50, "ms", { op: "<=", value: 1 });
    figure(Z, `(c) ${BIG} page ${BIG_LAST_PAGE.toLocaleString("en-US")}, p50`, cLast.p50, "ms");
    figure(Z, `(c) ${BIG} page 40,000, p99`, cLast.p99, "ms");
    figure(Z, `(c) − (a) p50, ${BIG} page 40,000`, cLast.p50 - aLast.p50, "ms", {
      op: "<=",
      value: 1,
    });
    figure(Z, `(c) − (a) p99, ${BIG} page 40,000`, cLast.p99 - aLast.p99, "ms", {
      op: "<=",
      value: 5,
    });
    figure(Z, `(c) p50 big page 1 / small`, cBig.p50 / c.p50, "ratio", {
      op: "<=",
      value: SCALE_TOLERANCE,
    });
    figure(Z, `(c) p50 big page 40,000 / small`, cLast.p50 / c.p50, "ratio", {
      op: "<=",
      value: SCALE_TOLERANCE,
    });
    figure(
      Z,
      `proxy cost (c) − (a) p50, big page 40,000 − small`,
      cLast.p50 - aLast.p50 - overhead,
      "ms",
      null,
      "what the app adds for a deeper page",
    );
    figure(Z, `emulator (a) p50 big page 40,000 / small`, aLast.p50 / a.p50, "ratio");
  });

  const throughput: Record<string, ThroughputResult> = {};
  await section("throughput", async () => {
    for (const target of [
      { name: "b", url: `${servers.appOrigin}/api/health` },
      { name: "c", url: proxyLogsUrl(servers, SMALL, 1), headers: session },
    ]) {
      throughput[target.name] = await measureThroughput(target, {
        connections: CONNECTIONS,
        durationMs: settings.durationMs,
        warmupMs: settings.warmupMs,
        appPid: servers.appPid,
      });
    }
    raw.throughput = throughput;
    const T = `Throughput (${CONNECTIONS} connections)`;
    for (const [name, label] of [
      ["b", "(b) /api/health"],
      ["c", `(c) /api/workflows/${SMALL}/logs`],
    ] as const) {
      const result = throughput[name] as ThroughputResult;
      figure(T, `${label}`, result.requestsPerSecond, "req/s", null, cpuNote(result));
      figure(T, `${label} errors`, result.errors, "count", { op: "==", value: 0 });
    }
    const b = throughput.b as ThroughputResult;
    const c = throughput.c as ThroughputResult;
    figure(T, "(c) / (b)", c.requestsPerSecond / b.requestsPerSecond, "ratio", {
      op: ">=",
      value: 0.8,
    });
  });

  await section("render", async () => {
    const target = {
      name: "render",
      url: `${servers.appOrigin}/workflows/${SMALL}`,
      headers: session,
    };
    const loaded = await measureThroughput(target, {
      connections: CONNECTIONS,
      durationMs: settings.durationMs,
      warmupMs: settings.warmupMs,
      appPid: servers.appPid,
    });
    const [alone] = await measureLatency([target], {
      warmup: 10,
      samples: Math.round(settings.samples / 3),
    });
    raw.render = { loaded, alone: alone && { p50: alone.p50, p99: alone.p99 } };
    const R = "Server render";
    figure(
      R,
      `/workflows/${SMALL} at ${CONNECTIONS} connections`,
      loaded.requestsPerSecond,
      "req/s",
      null,
      cpuNote(loaded),
    );
    figure(R, `p50 at ${CONNECTIONS} connections`, loaded.p50, "ms");
    figure(R, "p50 one request at a time", alone?.p50 ?? Number.NaN, "ms");
    figure(R, "errors", loaded.errors, "count", { op: "==", value: 0 });
    if (loaded.errors > 0) errors.push(`render: ${loaded.firstErrors.join("; ")}`);
    const c = throughput.c;
    if (c)
      figure(
        R,
        "render / proxy (c) throughput",
        loaded.requestsPerSecond / c.requestsPerSecond,
        "ratio",
      );
  });

  await section("interaction", async () => {
    const results = await measureInteractions(
      { browser: servers.browserOrigin, emulator: servers.emulatorOrigin },
      [
        { name: "filter small", workflowId: SMALL, startPage: 1, action: "filter" },
        { name: "filter big", workflowId: BIG, startPage: 1, action: "filter" },
        { name: "next small", workflowId: SMALL, startPage: 1, action: "next" },
        { name: "next big", workflowId: BIG, startPage: 1, action: "next" },
        { name: "next big last", workflowId: BIG, startPage: BIG_LAST_PAGE - 1, action: "next" },
      ],
      settings.interactions,
    );
    raw.interaction = results;
    const by = (name: string) => results.find((r) => r.name === name) as InteractionResult;
    const I = `Interaction (median of ${settings.interactions})`;
    const upstream = (r: InteractionResult) =>
      r.upstreamMedian === null
        ? undefined
        : `LeadLex answered in ${r.upstreamMedian.toFixed(1)} ms`;
    for (const r of results) {
      const prefetched = r.fetchesAfterClick.every((n) => n === 0);
      if (r.action === "next" && !prefetched) {
        errors.push(`interaction ${r.name}: the next page was fetched after the click, not ahead`);
      }
    }
    const filterSmall = by("filter small");
    const filterBig = by("filter big");
    const nextSmall = by("next small");
    const nextBig = by("next big");
    const nextLast = by("next big last");
    figure(
      I,
      `status chip → rows painted, ${SMALL}`,
      filterSmall.median,
      "ms",
      { op: "<=", value: 100 },
      upstream(filterSmall),
    );
    figure(
      I,
      `status chip → rows painted, ${BIG}`,
      filterBig.median,
      "ms",
      { op: "<=", value: 100 },
      upstream(filterBig),
    );
    figure(I, `Next page (prefetched) → rows painted, ${SMALL} 1→2`, nextSmall.median, "ms", {
      op: "<=",
      value: 30,
    });
    figure(I, `Next page (prefetched) → rows painted, ${BIG} 1→2`, nextBig.median, "ms", {
      op: "<=",
      value: 30,
    });
    figure(
      I,
      `Next page (prefetched) → rows painted, ${BIG} 39,999→40,000`,
      nextLast.median,
      "ms",
      { op: "<=", value: 30 },
    );
    const Z = "Scale (interaction)";
    figure(Z, "status chip big / small", filterBig.median / filterSmall.median, "ratio", {
      op: "<=",
      value: SCALE_TOLERANCE,
    });
    figure(Z, "Next page big 40,000 / small", nextLast.median / nextSmall.median, "ratio", {
      op: "<=",
      value: SCALE_TOLERANCE,
    });
  });

  await section("lighthouse", async () => {
    const results: LighthouseResult[] = [];
    for (const path of ["/", `/workflows/${SMALL}`]) {
      for (const formFactor of ["desktop", "mobile"] as FormFactor[]) {
        try {
          results.push(
            await auditPage(servers.browserOrigin, path, formFactor, cookie, settings.lhRuns),
          );
        } catch (error) {
          errors.push(`lighthouse: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    raw.lighthouse = results;
    for (const r of results) {
      const L = `Lighthouse ${r.formFactor}`;
      const where = r.path === "/" ? "workflow list /" : `runs page ${r.path}`;
      const retried =
        r.failedRuns.length > 0
          ? `${r.failedRuns.length} run(s) with a runtime error redone`
          : undefined;
      figure(
        L,
        `${where}: performance score`,
        r.score,
        "score",
        {
          op: r.formFactor === "desktop" ? "==" : ">=",
          value: r.formFactor === "desktop" ? 100 : 95,
        },
        retried,
      );
      figure(L, `${where}: CLS`, r.cls, "", { op: "==", value: 0 });
      figure(
        L,
        `${where}: TBT`,
        r.tbt,
        "ms",
        r.formFactor === "mobile" ? { op: "<=", value: 150 } : null,
      );
      figure(L, `${where}: LCP`, r.lcp, "ms");
    }
  });
}

interface UpstreamSplit {
  name: string;
  before: number;
  upstream: number;
  after: number;
}

/** Medians of (client send → emulator start), (emulator time), (emulator end → client end). */
async function splitAroundUpstream(
  servers: BenchServers,
  series: LatencySeries[],
): Promise<UpstreamSplit[]> {
  const response = await fetch(`${servers.emulatorOrigin}/__emulator/requests`);
  const { requests } = (await response.json()) as {
    requests: { startedAt: number; finishedAt: number | null }[];
  };
  return series.map(({ name, spans }) => {
    const before: number[] = [];
    const upstream: number[] = [];
    const after: number[] = [];
    for (const span of spans) {
      // Requests are sequential, so exactly one upstream call falls inside each span.
      const call = requests.find((r) => r.startedAt >= span.start && r.startedAt <= span.end);
      if (!call || call.finishedAt === null) continue;
      before.push(call.startedAt - span.start);
      upstream.push(call.finishedAt - call.startedAt);
      after.push(span.end - call.finishedAt);
    }
    return { name, before: median(before), upstream: median(upstream), after: median(after) };
  });
}

function cpuNote(result: ThroughputResult): string {
  const app = result.appCpuPercent === null ? "?" : result.appCpuPercent.toFixed(0);
  return `p50 ${result.p50.toFixed(1)} ms; CPU: app ${app}%, client+emulator ${result.benchCpuPercent.toFixed(0)}% of a core`;
}

/** The CI budget as CI runs it; its verdict is a figure (exit code 0 = within budget). */
function runBundleBudget(distDir: string): string {
  const result = spawnSync(
    process.execPath,
    [join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/bundle-budget.ts"],
    { cwd: root, env: { ...process.env, NEXT_DIST_DIR: distDir }, encoding: "utf8" },
  );
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.status === null) errors.push(`budget: scripts/bundle-budget.ts did not finish`);
  figure(
    "JS budget",
    "`npm run test:budget` exit code (runs page ≤ 40 KB gzip above the floor)",
    result.status ?? Number.NaN,
    "count",
    { op: "==", value: 0 },
  );
  return output;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
