import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { createManualClock } from "../../emulator/clock";
import { createEmulator, type Emulator } from "../../emulator/server";
import { MAX_LIMIT } from "../../emulator/emulator-options";

const root = resolve(import.meta.dirname, "../..");

export interface BenchServers {
  /** For Node clients: an IPv4 literal, no name lookup in the measured path. */
  appOrigin: string;
  /** For browsers: `localhost` is a secure context, so the `__Host-` session cookie is accepted. */
  browserOrigin: string;
  emulatorOrigin: string;
  /** The LeadLex base URL the app was given, up to `/functions/v1/api-gateway`. */
  apiBaseUrl: string;
  appPid: number;
  distDir: string;
  close(): Promise<void>;
}

/**
 * The emulator in this process (Org limits raised past anything a benchmark sends) and the app's
 * production build under `next start` in a child process, each on a free port.
 */
export async function startServers(): Promise<BenchServers> {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(join(root, distDir, "BUILD_ID"))) {
    throw new Error(
      `No production build in ${distDir}/: run \`NEXT_DIST_DIR=${distDir} npx next build\` first.`,
    );
  }

  const emulator: Emulator = createEmulator({
    // Time stands still here, at the start of the current minute where the seeded history ends:
    // no run arrives while the bench runs, so every figure is measured on the same data
    // (wf_big keeps exactly 1,000,000 runs) and bench runs compare with each other.
    clock: createManualClock(new Date(Math.floor(Date.now() / 60_000) * 60_000)),
    orgLimitPerMin: MAX_LIMIT,
    orgLimitPerDay: MAX_LIMIT,
  });
  const { port: emulatorPort, baseUrl } = await emulator.listen(0, "127.0.0.1");
  const appPort = await freePort();

  const app = spawn(
    process.execPath,
    [
      // e.g. BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to see where the time goes.
      ...(process.env.BENCH_APP_NODE_ARGS?.split(" ").filter(Boolean) ?? []),
      join(root, "node_modules/next/dist/bin/next"),
      "start",
      "-p",
      String(appPort),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: distDir,
        NEXT_TELEMETRY_DISABLED: "1",
        LEADLEX_API_URL: baseUrl,
        SESSION_SECRET: randomBytes(32).toString("base64url"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const output: string[] = [];
  app.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  app.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));

  const appOrigin = `http://127.0.0.1:${appPort}`;
  const close = async () => {
    await stopChild(app);
    await emulator.close();
  };
  try {
    await waitForHealth(appOrigin, app, output);
  } catch (error) {
    await close();
    throw error;
  }
  if (app.pid === undefined) throw new Error("next start has no pid");

  return {
    appOrigin,
    browserOrigin: `http://localhost:${appPort}`,
    emulatorOrigin: `http://127.0.0.1:${emulatorPort}`,
    apiBaseUrl: baseUrl,
    appPid: app.pid,
    distDir,
    close,
  };
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

async function waitForHealth(origin: string, app: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) {
      throw new Error(`next start exited with ${app.exitCode}:\n${output.join("")}`);
    }
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`next start did not answer /api/health within 60 s:\n${output.join("")}`);
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
