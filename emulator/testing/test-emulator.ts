import { request as httpRequest } from "node:http";
import { createManualClock } from "../clock";
import type { ManualClock } from "../clock";
import { createEmulator } from "../server";
import type { EmulatorOptions } from "../server";
import type {
  ErrorBody,
  LogEntry,
  PageMeta,
  WorkflowDetail,
  WorkflowListItem,
} from "../wire-types";

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
  orgFull: "wbk_demo_org_full",
  starter: "wbk_demo_starter",
  noScope: "wbk_demo_no_scope",
  expired: "wbk_demo_expired",
  otherWorkspace: "wbk_demo_other_workspace",
} as const;

export interface ListBody {
  data: { workflows: WorkflowListItem[] };
  meta: PageMeta;
}
export interface LogsBody {
  data: { logs: LogEntry[] };
  meta: PageMeta;
}
export interface DetailBody {
  data: WorkflowDetail;
}
export type { ErrorBody };

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

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}
