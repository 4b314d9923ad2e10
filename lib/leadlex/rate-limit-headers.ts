import "server-only";
import type { RateLimitStatus } from "@/lib/model/page-meta";

/** Reads LeadLex's quota and request-id headers, trusting only values of the documented form. */

const REQUEST_ID = /^req_[0-9A-HJKMNP-TV-Z]{26}$/;
const NON_NEGATIVE_INTEGER = /^\d{1,12}$/;
const HTTP_DATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

export function readRequestId(headers: Headers): string | null {
  const value = headers.get("x-request-id")?.trim();
  return value && REQUEST_ID.test(value) ? value : null;
}

function readInteger(headers: Headers, name: string): number | null {
  const value = headers.get(name)?.trim();
  return value && NON_NEGATIVE_INTEGER.test(value) ? Number(value) : null;
}

export function readRateLimit(headers: Headers): RateLimitStatus | null {
  const limit = readInteger(headers, "x-ratelimit-limit");
  const remaining = readInteger(headers, "x-ratelimit-remaining");
  if (limit === null || remaining === null) return null;
  const resetEpochSeconds = readInteger(headers, "x-ratelimit-reset");
  return {
    limit,
    remaining: Math.min(remaining, limit),
    resetAt: resetEpochSeconds === null ? null : new Date(resetEpochSeconds * 1000).toISOString(),
  };
}

/**
 * The longest wait Runboard repeats: a day. No LeadLex limit lasts longer (the daily quota resets
 * at the next UTC midnight), so a larger value is a fault, and shown as such it read "277777777 h".
 */
export const MAX_RETRY_AFTER_SECONDS = 24 * 60 * 60;

function clampWait(seconds: number): number {
  return Math.min(Math.max(0, seconds), MAX_RETRY_AFTER_SECONDS);
}

/** Seconds from `Retry-After` alone (delta seconds or an HTTP date); null when absent or unreadable. */
export function readRetryAfterHeaderSeconds(headers: Headers, nowMs: number): number | null {
  const retryAfter = headers.get("retry-after")?.trim();
  if (!retryAfter) return null;
  if (NON_NEGATIVE_INTEGER.test(retryAfter)) return clampWait(Number(retryAfter));
  // Only the IMF-fixdate form HTTP allows; Date.parse alone would read "1.5" as a date in 2001.
  if (!HTTP_DATE.test(retryAfter)) return null;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? null : clampWait(Math.ceil((date - nowMs) / 1000));
}

/**
 * Seconds until a retry may succeed: `Retry-After` first; else, when the daily quota is spent
 * (`X-RateLimit-Remaining: 0`), the `X-RateLimit-Reset` epoch. Those headers report the daily
 * counter, so with quota left they say nothing about a per-minute limit. Null when unknown; at
 * most a day.
 */
export function readRetryAfterSeconds(headers: Headers, nowMs: number): number | null {
  const retryAfter = readRetryAfterHeaderSeconds(headers, nowMs);
  if (retryAfter !== null) return retryAfter;
  if (readInteger(headers, "x-ratelimit-remaining") !== 0) return null;
  const reset = readInteger(headers, "x-ratelimit-reset");
  if (reset !== null) return clampWait(Math.ceil(reset - nowMs / 1000));
  return null;
}
