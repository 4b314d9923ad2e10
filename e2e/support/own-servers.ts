/**
 * Servers of one test's own: a LeadLex emulator and app instances of the production build on free
 * ports, for tests whose upstream counts must not see any other test's traffic or cache (the
 * triage session, the two-replica test). Each is stopped by `stop()`; the app servers' output goes
 * to `test-results/app-server-<port>.log` like the shared servers' does.
 */
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { stopChild, waitForHttp } from "../../scripts/support/child-process";
import { freePort } from "../../scripts/support/redis-server";
import type { RecordedRequest } from "./emulator-admin";
import {
  standaloneServerCommand,
  standaloneServerEnv,
} from "../../scripts/support/production-server";

/** Same value as the shared servers' (playwright.config.ts), so `useSessionWithKey` works here. */
const SESSION_SECRET = "e2e-only-session-secret-0123456789abcdef";
const API_PREFIX = "/functions/v1/api-gateway";

export interface OwnEmulator {
  origin: string;
  apiBaseUrl: string;
  requests(): Promise<RecordedRequest[]>;
  stop(): Promise<void>;
}

export interface OwnApp {
  /** `http://localhost:<port>`: a secure context, so the `__Host-` session cookie is kept. */
  origin: string;
  port: number;
  /** Everything the server has printed so far. */
  log(): Promise<string>;
  stop(): Promise<void>;
}

export async function startOwnEmulator(): Promise<OwnEmulator> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "emulator/main.ts"], {
    env: {
      ...process.env,
      EMULATOR_PORT: String(port),
      // The Org key's real limits would stop a burst test; the Starter key keeps its own.
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
    async requests() {
      const response = await fetch(`${origin}/__emulator/requests`);
      return ((await response.json()) as { requests: RecordedRequest[] }).requests;
    },
    stop: () => stopChild(child),
  };
}

export async function startOwnApp(env: {
  LEADLEX_API_URL: string;
  REDIS_URL?: string;
}): Promise<OwnApp> {
  const port = await freePort();
  mkdirSync("test-results", { recursive: true });
  const logFile = `test-results/app-server-${port}.log`;
  const log = createWriteStream(logFile);
  const [node, server] = standaloneServerCommand();
  const child = spawn(node, [server], {
    env: {
      ...process.env,
      ...env,
      ...standaloneServerEnv(port),
      NODE_ENV: "production",
      SESSION_SECRET,
      LEADLEX_ATTEMPT_TIMEOUT_MS: "2000",
      LEADLEX_TOTAL_TIMEOUT_MS: "4000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const origin = `http://localhost:${port}`;
  await waitForHttp(`${origin}/api/health`, child, "app server");
  return { origin, port, log: () => readFile(logFile, "utf8"), stop: () => stopChild(child) };
}

/** Calls to the API (not the admin endpoints), as `path?query` sorted the way the log has them. */
export function apiCalls(requests: RecordedRequest[]): RecordedRequest[] {
  return requests.filter((request) => request.path.startsWith(API_PREFIX));
}

/** One call as a readable, comparable text: the path after the API prefix and its query. */
export function describeCall(request: RecordedRequest): string {
  const query = Object.entries(request.query)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, values]) => `${name}=${values.join(",")}`)
    .join("&");
  return `${request.path.slice(API_PREFIX.length)}${query ? `?${query}` : ""}`;
}
