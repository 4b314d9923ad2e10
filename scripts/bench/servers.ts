import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { createManualClock } from "../../emulator/clock";
import { createEmulator, type Emulator } from "../../emulator/server";
import { MAX_LIMIT } from "../../emulator/emulator-options";
import { REPOSITORY_ROOT } from "../floors/scratch-project";

/** A `next start` child process on a free port. */
export interface NextServer {
  /** For Node clients: an IPv4 literal, no name lookup in the measured path. */
  origin: string;
  /** For browsers: `localhost` is a secure context, so a `__Host-` cookie is accepted. */
  browserOrigin: string;
  pid: number;
  close(): Promise<void>;
}

export interface InProcessEmulator {
  origin: string;
  /** The LeadLex base URL to give the app, up to `/functions/v1/api-gateway`. */
  apiBaseUrl: string;
  close(): Promise<void>;
}

/**
 * The emulator in this process, with the Org limits raised past anything a benchmark sends and no
 * added latency. Its request log shares this process's clock, so the bench can line up its own
 * timestamps with the moments LeadLex saw each call.
 */
export async function startEmulator(): Promise<InProcessEmulator> {
  const emulator: Emulator = createEmulator({
    // Time stands still here, at the start of the current minute where the seeded history ends:
    // no run arrives while the bench runs, so every figure is measured on the same data
    // (wf_big keeps exactly 1,000,000 runs) and bench runs compare with each other.
    clock: createManualClock(new Date(Math.floor(Date.now() / 60_000) * 60_000)),
    orgLimitPerMin: MAX_LIMIT,
    orgLimitPerDay: MAX_LIMIT,
  });
  const { port, baseUrl } = await emulator.listen(0, "127.0.0.1");
  return { origin: `http://127.0.0.1:${port}`, apiBaseUrl: baseUrl, close: () => emulator.close() };
}

export function assertProductionBuild(projectDir: string, distDir: string, howToBuild: string) {
  if (!existsSync(join(projectDir, distDir, "BUILD_ID"))) {
    throw new Error(`No production build in ${distDir}/: run \`${howToBuild}\` first.`);
  }
}

/** Runboard's production build, talking to `emulator`, with a throw-away session secret. */
export function startRunboard(
  projectDir: string,
  distDir: string,
  emulator: InProcessEmulator,
): Promise<NextServer> {
  assertProductionBuild(projectDir, distDir, `NEXT_DIST_DIR=${distDir} npm run build`);
  return startNextServer({
    label: "Runboard",
    cwd: projectDir,
    env: {
      NEXT_DIST_DIR: distDir,
      LEADLEX_API_URL: emulator.apiBaseUrl,
      SESSION_SECRET: randomBytes(32).toString("base64url"),
    },
    readinessPath: "/api/health",
    // e.g. BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to see where the time goes.
    nodeArgs: process.env.BENCH_APP_NODE_ARGS?.split(" ").filter(Boolean) ?? [],
  });
}

interface NextServerOptions {
  label: string;
  cwd: string;
  env: Record<string, string>;
  /** Must answer 200 before the server counts as started. */
  readinessPath: string;
  nodeArgs?: string[];
}

/** `next start` of the production build in `cwd`. */
export async function startNextServer(options: NextServerOptions): Promise<NextServer> {
  const { label, cwd, env, readinessPath, nodeArgs = [] } = options;
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      join(REPOSITORY_ROOT, "node_modules/next/dist/bin/next"),
      "start",
      "-p",
      String(port),
    ],
    {
      cwd,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));

  const origin = `http://127.0.0.1:${port}`;
  const close = () => stopChild(child);
  try {
    await waitUntilAnswering(label, `${origin}${readinessPath}`, child, output);
  } catch (error) {
    await close();
    throw error;
  }
  if (child.pid === undefined) throw new Error(`${label}: next start has no pid`);
  return { origin, browserOrigin: `http://localhost:${port}`, pid: child.pid, close };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitUntilAnswering(
  label: string,
  url: string,
  child: ChildProcess,
  output: string[],
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${label}: next start exited with ${child.exitCode}:\n${output.join("")}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${label}: ${url} did not answer within 60 s:\n${output.join("")}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      done();
    });
    child.kill("SIGTERM");
  });
}
