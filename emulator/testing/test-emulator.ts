import { request as httpRequest } from "node:http";
import { createManualClock } from "../clock";
import type { ManualClock } from "../clock";
import { createEmulator } from "../server";
import type { EmulatorOptions } from "../server";
import { DEMO_KEYS } from "../demo-keys";
import type { ErrorBody, LogListBody, WorkflowDetailBody, WorkflowListBody } from "../wire-types";

// Shared by the emulator's own tests: start an emulator on an ephemeral port with a manual clock
// (time stands still until the test moves it, so runs arrive only when a test says so) and call
// it with a demo key.

/**
 * The timeout of tests that make hundreds of calls: a guard against a hang, not a timing claim
 * (the suite shares two cores with other work, where the 5 s default is not enough for them).
 */
export const HANG_GUARD_MS = 120_000;

/** A Monday afternoon; the seed doc's entry (2026-04-17) is three days earlier. */
export const TEST_NOW = new Date("2026-04-20T14:30:00Z");

export const KEYS = {
  orgFull: DEMO_KEYS.org_full,
  starter: DEMO_KEYS.starter,
  noScope: DEMO_KEYS.no_scope,
  expired: DEMO_KEYS.expired,
  otherWorkspace: DEMO_KEYS.other_workspace,
} as const;

export type {
  ErrorBody,
  LogListBody as LogsBody,
  WorkflowDetailBody as DetailBody,
  WorkflowListBody as ListBody,
};

export interface CallOptions {
  /** Default: the org_full key. null sends no Authorization header. */
  key?: string | null;
  method?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  redirect?: RequestRedirect;
}

export interface TestEmulator {
  baseUrl: string;
  origin: string;
  /** The emulator's clock, at `now` (default TEST_NOW) until advanced. */
  clock: ManualClock;
  /** `path` is appended to the API base URL, e.g. `/v1/workflows`. */
  call(path: string, options?: CallOptions): Promise<Response>;
  /** Calls and parses JSON; fails loudly when the body is not JSON. */
  json<T>(
    path: string,
    options?: CallOptions,
  ): Promise<{ status: number; headers: Headers; body: T }>;
  admin(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestEmulator(
  options: Omit<EmulatorOptions, "clock"> = {},
): Promise<TestEmulator> {
  const { now = TEST_NOW, ...rest } = options;
  const clock = createManualClock(now);
  const emulator = createEmulator({ ...rest, clock });
  const { baseUrl } = await emulator.listen(0, "127.0.0.1");
  const origin = new URL(baseUrl).origin;
  const call = (path: string, callOptions: CallOptions = {}): Promise<Response> => {
    const key = callOptions.key === undefined ? KEYS.orgFull : callOptions.key;
    return fetch(baseUrl + path, {
      method: callOptions.method ?? "GET",
      headers: {
        ...(key === null ? {} : { Authorization: `Bearer ${key}` }),
        ...callOptions.headers,
      },
      signal: callOptions.signal,
      redirect: callOptions.redirect,
    });
  };
  return {
    baseUrl,
    origin,
    clock,
    call,
    async json(path, callOptions) {
      const response = await call(path, callOptions);
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: JSON.parse(text) as never,
      };
    },
    admin: (path, init) => fetch(origin + path, init),
    close: () => emulator.close(),
  };
}

/** A raw HTTP GET: unlike fetch, it sends the path exactly as given (no dot-segment removal). */
export function rawGet(
  origin: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}
