import { toIsoSeconds } from "@/lib/format/iso-instant";
import { AppError } from "@/lib/model/app-error";
import type { RateLimitStatus } from "@/lib/model/page-meta";
import type { Run, RunStatus } from "@/lib/model/run";

/**
 * The index's only way to LeadLex, injected: one page of one workflow's runs. The wiring passes
 * the quota-aware gateway here (it counts, spaces and refuses calls); tests pass an emulator or a
 * fake. It throws the app's errors: a 429 is `AppError("rate_limited")` with `retryAfterSeconds`.
 */
export interface LogsPageRequest {
  page: number;
  /** Always 100 from the index: LeadLex's maximum, so each call brings the most runs. */
  perPage: number;
  status: RunStatus | null;
  /** ISO 8601, second precision, inclusive; null = from the first run. */
  after: string | null;
}

export interface LogsPageResult {
  runs: Run[];
  /** `meta.total`: the runs matching status and after, when LeadLex answered. */
  total: number;
  rateLimit: RateLimitStatus | null;
}

export type FetchLogsPage = (
  workflowId: string,
  request: LogsPageRequest,
  signal?: AbortSignal,
) => Promise<LogsPageResult>;

export const RUNS_PER_CALL = 100;

/** Seconds to wait before the next call, when `error` is LeadLex's 429; null otherwise. */
export function rateLimitWait(error: unknown): number | null {
  if (!(error instanceof AppError) || error.code !== "rate_limited") return null;
  return error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
}

/** LeadLex's per-minute window, when a 429 does not say how long to wait. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** `after` as LeadLex takes it: whole seconds, rounded down so the bound stays inclusive. */
export function afterParam(ms: number | null): string | null {
  if (ms === null) return null;
  return toIsoSeconds(new Date(Math.floor(ms / 1000) * 1000));
}
