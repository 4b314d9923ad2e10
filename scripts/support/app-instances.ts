import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { stopChild, waitForHttp } from "./child-process";
import { standaloneServerCommand, standaloneServerEnv } from "./production-server";
import { freePort } from "./redis-server";

/**
 * The LeadLex emulator and app instances of the production build as separate processes on free
 * ports: for tests and bench sections that count upstream calls on servers nobody else uses
 * (a fresh cache, a request log of their own), and for more than one replica.
 */

const API_PREFIX = "/functions/v1/api-gateway";

/** One call the emulator received, as `GET /__emulator/requests` lists it. */
export interface EmulatorCall {
  seq: number;
  path: string;
  query: Record<string, string[]>;
  keyLabel: string;
  requestId: string;
  status: number | null;
  startedAt: number;
  finishedAt: number | null;
}

export interface EmulatorProcess {
  origin: string;
  apiBaseUrl: string;
  /** The API calls it received (not the admin ones), oldest first. */
  calls(): Promise<EmulatorCall[]>;
  setLatency(latencyMs: number): Promise<void>;
  stop(): Promise<void>;
}

export interface AppProcess {
  /** `http://localhost:<port>`: a secure context, so the `__Host-` session cookie is kept. */
  origin: string;
  port: number;
  /** The server's process, for its CPU time. */
  pid: number;
  /** Everything the server has printed so far. */
  log(): Promise<string>;
  stop(): Promise<void>;
}

export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "emulator/main.ts"], {
    env: {
      ...process.env,
      EMULATOR_PORT: String(port),
      // The Org key's real limits would stop a burst; the Starter key keeps its own.
      EMULATOR_ORG_LIMIT_PER_MIN: "1000000",
      EMULATOR_ORG_LIMIT_PER_DAY: "10000000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(`${origin}/__emulator/requests`, child, "emulator");
  return {
    origin,
    apiBaseUrl: `${origin}${API_PREFIX}`,
    async calls() {
      const response = await fetch(`${origin}/__emulator/requests`);
      const { requests } = (await response.json()) as { requests: EmulatorCall[] };
      return requests.filter((request) => request.path.startsWith(API_PREFIX));
    },
    async setLatency(latencyMs) {
      const response = await fetch(`${origin}/__emulator/config`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ latencyMs }),
      });
      if (response.status !== 200) throw new Error(`emulator config: HTTP ${response.status}`);
    },
    stop: () => stopChild(child),
  };
}

export async function startAppProcess(
  env: Record<string, string>,
  logDir = "test-results",
): Promise<AppProcess> {
  const port = await freePort();
  const logFile = `${logDir}/app-server-${port}.log`;
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const [node, server] = standaloneServerCommand();
  const child = spawn(node, [server], {
    env: { ...process.env, NODE_ENV: "production", ...env, ...standaloneServerEnv(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const origin = `http://localhost:${port}`;
  await waitForHttp(`${origin}/api/health`, child, "app server");
  return {
    origin,
    port,
    pid: child.pid ?? 0,
    log: () => readFile(logFile, "utf8"),
    stop: () => stopChild(child),
  };
}

/** One call as comparable text: the path after the API prefix and its sorted query. */
export function describeCall(call: Pick<EmulatorCall, "path" | "query">): string {
  const query = Object.entries(call.query)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, values]) => `${name}=${values.join(",")}`)
    .join("&");
  return `${call.path.slice(API_PREFIX.length)}${query ? `?${query}` : ""}`;
}

/** The emulator's calls after `since` (a seq), once every call in flight has finished. */
export async function settledCallsSince(
  emulator: EmulatorProcess,
  since: number,
): Promise<EmulatorCall[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const calls = await emulator.calls();
    if (!calls.some((call) => call.finishedAt === null)) {
      return calls.filter((call) => call.seq > since);
    }
    if (Date.now() > deadline) throw new Error("emulator calls still in flight after 30 s");
    await new Promise((done) => setTimeout(done, 50));
  }
}

export async function lastCallSeq(emulator: EmulatorProcess): Promise<number> {
  return (await emulator.calls()).at(-1)?.seq ?? 0;
}
