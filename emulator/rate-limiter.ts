import { MS_PER_SECOND, nextMinuteMs, nextUtcMidnightMs, MS_PER_DAY, MS_PER_MINUTE } from "./clock";

// Per-key quotas on two fixed windows: the calendar minute and the UTC day of the emulator clock.
// The X-RateLimit-* headers report the daily window, as LeadLex's documented example does.

export interface Limits {
  perMinute: number;
  perDay: number;
}

export interface QuotaHeaders {
  limit: number;
  remaining: number;
  /** Unix epoch seconds of the next UTC midnight. */
  resetSec: number;
}

export type RateDecision =
  | { allowed: true; headers: QuotaHeaders }
  | { allowed: false; headers: QuotaHeaders; retryAfterSec: number; window: "minute" | "day" };

interface Counter {
  minute: number;
  minuteCount: number;
  day: number;
  dayCount: number;
}

export class RateLimiter {
  private readonly counters = new Map<string, Counter>();

  /** Counts the call unless it is refused: a refused call does not use up quota. */
  consume(keyId: string, limits: Limits, nowMs: number): RateDecision {
    const counter = this.current(keyId, nowMs);
    if (counter.dayCount >= limits.perDay) {
      return refuse(limits, counter, nowMs, "day", nextUtcMidnightMs(nowMs));
    }
    if (counter.minuteCount >= limits.perMinute) {
      return refuse(limits, counter, nowMs, "minute", nextMinuteMs(nowMs));
    }
    counter.minuteCount += 1;
    counter.dayCount += 1;
    return { allowed: true, headers: quotaHeaders(limits, counter, nowMs) };
  }

  /** Headers for a response that does not count against the quota (e.g. 405). */
  peek(keyId: string, limits: Limits, nowMs: number): QuotaHeaders {
    return quotaHeaders(limits, this.current(keyId, nowMs), nowMs);
  }

  reset(): void {
    this.counters.clear();
  }

  private current(keyId: string, nowMs: number): Counter {
    const minute = Math.floor(nowMs / MS_PER_MINUTE);
    const day = Math.floor(nowMs / MS_PER_DAY);
    let counter = this.counters.get(keyId);
    if (counter === undefined) {
      counter = { minute, minuteCount: 0, day, dayCount: 0 };
      this.counters.set(keyId, counter);
    }
    if (counter.minute !== minute) {
      counter.minute = minute;
      counter.minuteCount = 0;
    }
    if (counter.day !== day) {
      counter.day = day;
      counter.dayCount = 0;
    }
    return counter;
  }
}

/** What a response gets when there is no valid key to count against. */
export function noQuotaHeaders(nowMs: number): QuotaHeaders {
  return { limit: 0, remaining: 0, resetSec: nextUtcMidnightMs(nowMs) / MS_PER_SECOND };
}

function quotaHeaders(limits: Limits, counter: Counter, nowMs: number): QuotaHeaders {
  return {
    limit: limits.perDay,
    remaining: Math.max(0, limits.perDay - counter.dayCount),
    resetSec: nextUtcMidnightMs(nowMs) / MS_PER_SECOND,
  };
}

function refuse(
  limits: Limits,
  counter: Counter,
  nowMs: number,
  window: "minute" | "day",
  untilMs: number,
): RateDecision {
  return {
    allowed: false,
    headers: quotaHeaders(limits, counter, nowMs),
    retryAfterSec: Math.max(1, Math.ceil((untilMs - nowMs) / MS_PER_SECOND)),
    window,
  };
}
