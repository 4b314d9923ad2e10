/**
 * `npm run load`: how the production build holds up under steady concurrent use, and while a share
 * of the calls hit a failing LeadLex. Not part of `npm test` (timing depends on the machine); it
 * exits 1 when a target is missed, so it can still gate a run by hand.
 *
 * It starts its own LeadLex emulator (Org limits raised) and `next start` on ports of its own,
 * seals a session cookie for the Org demo key, warms up, then drives, with keep-alive connections:
 *   1. the logs route handler, 2. the server-rendered runs page (zero errors and zero non-2xx
 *      expected, server RSS after / before < 1.2),
 *   3. the logs route with a share of calls to fault ids (500, HTML, bad JSON, slow): the healthy
 *      calls must all still succeed.
 *
 * Needs a build (`npm run build`; NEXT_DIST_DIR is respected). Options, as flags or env:
 *   --duration / LOAD_DURATION_S (20)       seconds per phase
 *   --connections / LOAD_CONNECTIONS (10)   concurrent keep-alive connections
 *   --warmup / LOAD_WARMUP_S (15)           seconds of warm-up before the first RSS reading
 *   --fault-share / LOAD_FAULT_SHARE (0.2)  share of phase-3 calls that go to fault ids
 *   --max-old-space / LOAD_MAX_OLD_SPACE_MB (256)  the server's V8 heap limit, as a container
 *       would set it; 0 = Node's default, which on a large machine lets V8 grow the heap lazily
 *       for minutes (RSS x2-3 without a leak), so the RSS ratio then measures GC policy
 *   --app-port / LOAD_APP_PORT (3990), --emulator-port / LOAD_EMULATOR_PORT (4990)
 *   LEADLEX_ATTEMPT_TIMEOUT_MS / LEADLEX_TOTAL_TIMEOUT_MS are passed on (production 5 s / 10 s).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sealData } from "iron-session";
import { DEMO_KEYS } from "../emulator/demo-keys";
import { percentile } from "./bench/stats";

const { values: flags } = parseArgs({
  options: {
    duration: { type: "string" },
    connections: { type: "string" },
    warmup: { type: "string" },
    "fault-share": { type: "string" },
    "app-port": { type: "string" },
    "emulator-port": { type: "string" },
    "max-old-space": { type: "string" },
  },
});

function setting(flag: string | undefined, env: string, fallback: number): number {
  const raw = flag ?? process.env[env];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${env}: not a number: ${raw}`);
  return value;
}

const DURATION_S = setting(flags.duration, "LOAD_DURATION_S", 20);
const CONNECTIONS = Math.max(1, Math.round(setting(flags.connections, "LOAD_CONNECTIONS", 10)));
const WARMUP_S = setting(flags.warmup, "LOAD_WARMUP_S", 15);
const FAULT_SHARE = setting(flags["fault-share"], "LOAD_FAULT_SHARE", 0.2);
const APP_PORT = setting(flags["app-port"], "LOAD_APP_PORT", 3990);
const EMULATOR_PORT = setting(flags["emulator-port"], "LOAD_EMULATOR_PORT", 4990);
const MAX_OLD_SPACE_MB = setting(flags["max-old-space"], "LOAD_MAX_OLD_SPACE_MB", 256);
const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next";

const API_KEY = DEMO_KEYS.org_full;
/** Same name and shape as `lib/session/session.ts` writes in production. */
const SESSION_COOKIE = "__Host-runboard_session";
const SESSION_SECRET = randomBytes(32).toString("base64");
const HEALTHY_WORKFLOWS = ["wf_01HY1", "wf_01HY2", "wf_01HY3", "wf_01HY4"];
const FAULT_IDS = ["wf_fault_500", "wf_fault_html", "wf_fault_badjson", "wf_fault_slow"];

const children: ChildProcess[] = [];

function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(`${command} ${args.join(" ")} exited (${code}):\n${output}`);
      process.exit(1);
    }
  });
  return child;
}

let stopping = false;
function stopAll(): void {
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
}
process.on("SIGINT", () => {
  stopAll();
  process.exit(130);
});

const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS * 2 });

interface Sample {
  ms: number;
  status: number | null;
  /** A transport failure (no HTTP answer at all). */
  error: string | null;
}

function get(path: string, cookie: string | null): Promise<Sample> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: APP_PORT,
        path,
        agent,
        timeout: 30_000,
        headers: cookie ? { Cookie: cookie } : {},
      },
      (res) => {
        res.resume();
        res.on("end", () =>
          resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, error: null }),
        );
        res.on("error", (error) =>
          resolve({ ms: performance.now() - started, status: null, error: error.message }),
        );
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out after 30 s")));
    req.on("error", (error) =>
      resolve({ ms: performance.now() - started, status: null, error: error.message }),
    );
    req.end();
  });
}

async function waitFor(label: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${label} did not come up within ${timeoutMs / 1000} s`);
}

/** Resident memory of a process and its children, in MB, from /proc. */
function rssMb(pid: number): number {
  const own = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
  let total = own;
  const childrenFile = `/proc/${pid}/task/${pid}/children`;
  if (existsSync(childrenFile)) {
    for (const child of readFileSync(childrenFile, "utf8").trim().split(/\s+/).filter(Boolean)) {
      total += rssMb(Number(child)) * 1024;
    }
  }
  return total / 1024;
}

/** RSS every second while `work` runs: the peak shows whether memory levels off. */
async function withRssPeak<T>(pid: number, work: () => Promise<T>) {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(rssMb(pid)), 1_000);
  try {
    const result = await work();
    return { result, peakMb: Math.max(rssMb(pid), ...samples) };
  } finally {
    clearInterval(timer);
  }
}

type PathPicker = (index: number) => { path: string; kind: "healthy" | "fault" };

/** `CONNECTIONS` loops, each one request after another, for `seconds`. */
async function drive(seconds: number, pick: PathPicker, cookie: string) {
  const samples: { healthy: Sample[]; fault: Sample[] } = { healthy: [], fault: [] };
  const until = performance.now() + seconds * 1000;
  let counter = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const { path, kind } = pick(counter++);
        samples[kind].push(await get(path, cookie));
      }
    }),
  );
  return { ...samples, elapsedS: (performance.now() - started) / 1000 };
}

interface Summary {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  statuses: Record<string, number>;
}

function summarize(samples: Sample[], elapsedS: number): Summary {
  const latencies = samples.map((sample) => sample.ms);
  const statuses: Record<string, number> = {};
  for (const sample of samples) {
    const key = sample.status === null ? "error" : String(sample.status);
    statuses[key] = (statuses[key] ?? 0) + 1;
  }
  return {
    requests: samples.length,
    perSecond: samples.length / elapsedS,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors: samples.filter((sample) => sample.error !== null).length,
    non2xx: samples.filter(
      (sample) => sample.status !== null && (sample.status < 200 || sample.status >= 300),
    ).length,
    statuses,
  };
}

function row(label: string, s: Summary): string {
  return [
    label.padEnd(34),
    String(s.requests).padStart(8),
    s.perSecond.toFixed(1).padStart(8),
    s.p50.toFixed(1).padStart(8),
    s.p99.toFixed(1).padStart(8),
    String(s.errors).padStart(7),
    String(s.non2xx).padStart(8),
  ].join(" ");
}

async function main(): Promise<number> {
  if (!existsSync(join(DIST_DIR, "BUILD_ID"))) {
    console.error(`No production build in ${DIST_DIR}/: run \`npm run build\` first.`);
    return 2;
  }
  console.log(
    `Load test: ${CONNECTIONS} keep-alive connections, ${DURATION_S} s per phase, ${WARMUP_S} s warm-up; app :${APP_PORT}, emulator :${EMULATOR_PORT}, build ${DIST_DIR}/`,
  );

  start(process.execPath, ["node_modules/tsx/dist/cli.mjs", "emulator/main.ts"], {
    EMULATOR_PORT: String(EMULATOR_PORT),
    EMULATOR_ORG_LIMIT_PER_MIN: "100000000",
    EMULATOR_ORG_LIMIT_PER_DAY: "1000000000",
  });
  const app = start(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(APP_PORT)],
    {
      NODE_ENV: "production",
      LEADLEX_API_URL: `http://127.0.0.1:${EMULATOR_PORT}/functions/v1/api-gateway`,
      SESSION_SECRET,
      NODE_OPTIONS: [
        process.env.NODE_OPTIONS ?? "",
        MAX_OLD_SPACE_MB > 0 ? `--max-old-space-size=${MAX_OLD_SPACE_MB}` : "",
      ]
        .join(" ")
        .trim(),
    },
  );
  await waitFor("the emulator", async () => {
    const response = await fetch(`http://127.0.0.1:${EMULATOR_PORT}/__emulator/requests`);
    return response.ok;
  });
  await waitFor("next start", async () => (await get("/api/health", null)).status === 200);

  const seal = await sealData(
    { apiKey: API_KEY, keyHint: API_KEY.slice(-4), connectedAt: new Date().toISOString() },
    { password: SESSION_SECRET, ttl: 60 * 60 },
  );
  const cookie = `${SESSION_COOKIE}=${seal}`;
  const probe = await get("/api/workflows/wf_01HY1/logs", cookie);
  if (probe.status !== 200)
    throw new Error(`the sealed session was not accepted (${probe.status})`);

  const logsPath = (index: number) =>
    `/api/workflows/${HEALTHY_WORKFLOWS[index % HEALTHY_WORKFLOWS.length]}/logs?page=${(index % 5) + 1}&per_page=25`;
  const pagePath = (index: number) =>
    `/workflows/${HEALTHY_WORKFLOWS[index % HEALTHY_WORKFLOWS.length]}?page=${(index % 5) + 1}`;

  await drive(
    WARMUP_S,
    (index) => ({ path: index % 2 ? logsPath(index) : pagePath(index), kind: "healthy" }),
    cookie,
  );
  const pid = app.pid as number;
  const rssBefore = rssMb(pid);

  const { result: logs, peakMb: logsPeak } = await withRssPeak(pid, () =>
    drive(DURATION_S, (index) => ({ path: logsPath(index), kind: "healthy" }), cookie),
  );
  const { result: pages, peakMb: pagesPeak } = await withRssPeak(pid, () =>
    drive(DURATION_S, (index) => ({ path: pagePath(index), kind: "healthy" }), cookie),
  );
  const rssAfter = rssMb(pid);

  let faultTurn = 0;
  const mixed = await drive(
    DURATION_S,
    (index) => {
      // Every fifth call (for 0.2) goes to the next fault id in turn.
      const faultEvery = FAULT_SHARE > 0 ? Math.round(1 / FAULT_SHARE) : Infinity;
      if (index % faultEvery === faultEvery - 1) {
        const id = FAULT_IDS[faultTurn++ % FAULT_IDS.length];
        return { path: `/api/workflows/${id}/logs`, kind: "fault" };
      }
      return { path: logsPath(index), kind: "healthy" };
    },
    cookie,
  );

  const logsSummary = summarize(logs.healthy, logs.elapsedS);
  const pageSummary = summarize(pages.healthy, pages.elapsedS);
  const healthy = summarize(mixed.healthy, mixed.elapsedS);
  const faults = summarize(mixed.fault, mixed.elapsedS);
  const healthySuccess =
    healthy.requests === 0 ? 0 : (healthy.statuses["200"] ?? 0) / healthy.requests;
  const rssRatio = rssAfter / rssBefore;

  console.log("");
  console.log(
    ["phase".padEnd(34), "requests", "   req/s", " p50 ms", "  p99 ms", " errors", " non-2xx"].join(
      " ",
    ),
  );
  console.log(row("1. GET /api/workflows/{id}/logs", logsSummary));
  console.log(row("2. GET /workflows/{id} (page)", pageSummary));
  console.log(row("3. logs route, healthy calls", healthy));
  console.log(row(`3. logs route, fault calls (${Math.round(FAULT_SHARE * 100)} %)`, faults));
  console.log("");
  console.log(
    `server RSS (next start, pid ${pid}, heap limit ${MAX_OLD_SPACE_MB > 0 ? `${MAX_OLD_SPACE_MB} MB` : "Node's default"}): ${rssBefore.toFixed(1)} MB after warm-up, ${rssAfter.toFixed(1)} MB after phases 1-2 (x${rssRatio.toFixed(3)}); peaks ${logsPeak.toFixed(1)} / ${pagesPeak.toFixed(1)} MB`,
  );
  console.log(
    `phase 3: healthy calls ${(healthySuccess * 100).toFixed(2)} % successful; fault calls answered ${JSON.stringify(faults.statuses)}`,
  );

  const failures = [
    logsSummary.errors + logsSummary.non2xx > 0 && "phase 1 had errors or non-2xx answers",
    pageSummary.errors + pageSummary.non2xx > 0 && "phase 2 had errors or non-2xx answers",
    !(rssRatio < 1.2) && `RSS grew x${rssRatio.toFixed(3)} (target < 1.2)`,
    healthySuccess < 1 && "some healthy calls failed while faults were in the mix",
  ].filter(Boolean);
  console.log(failures.length === 0 ? "\nAll targets met." : `\nMissed: ${failures.join("; ")}`);
  return failures.length === 0 ? 0 : 1;
}

main()
  .then((code) => {
    stopAll();
    agent.destroy();
    process.exit(code);
  })
  .catch((error: unknown) => {
    console.error(error);
    stopAll();
    process.exit(1);
  });
