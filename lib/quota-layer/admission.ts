import type { RequestPriority } from "@/lib/model/request-priority";
import type { LedgerSnapshot } from "./quota-ledger";

/**
 * Whether a call that is not in the cache may go to LeadLex now, by its priority and what the
 * ledger shows of the key's quota. A person's own click always may: holding it back would only
 * swap LeadLex's 429 for ours. The rest keep a reserve of the minute's and the day's budget for
 * those clicks.
 */

export type Admission = { admitted: true } | { admitted: false; retryAfterMs: number };

/** What each priority must leave untouched, as a share of the limit (at least `minimum` calls). */
const RESERVES: Record<Exclude<RequestPriority, "user">, { minute: number; day: number }> = {
  intent: { minute: 0, day: 0 },
  prefetch: { minute: 0.5, day: 0.1 },
  // Live paces itself to a fifth of the minute (`lib/live/live-interval.ts`); this reserve is for
  // when other work has spent the rest: a poll then waits instead of taking a click's call.
  live: { minute: 0.5, day: 0.2 },
  background: { minute: 0.25, day: 0.2 },
};

/** Calls kept back for clicks even by `intent`, on any plan. */
const MINIMUM_RESERVE = 1;

export function admit(priority: RequestPriority, ledger: LedgerSnapshot, nowMs: number): Admission {
  if (priority === "user") return { admitted: true };
  // After a 429, guesses wait for its Retry-After; a pointer on a control is nearly a click, and
  // a 429 costs no quota, so intent still may ask.
  if (priority !== "intent" && ledger.blockedUntilMs !== null && nowMs < ledger.blockedUntilMs) {
    return { admitted: false, retryAfterMs: ledger.blockedUntilMs - nowMs };
  }
  const reserve = RESERVES[priority];
  const minute = ledger.minute;
  const minuteReserve = Math.max(MINIMUM_RESERVE, Math.ceil(minute.limit * reserve.minute));
  if (minute.limit - minute.used <= minuteReserve) {
    return { admitted: false, retryAfterMs: Math.max(0, minute.resetAtMs - nowMs) };
  }
  const day = ledger.daily;
  if (day) {
    const dayReserve = Math.max(MINIMUM_RESERVE, Math.ceil(day.limit * reserve.day));
    if (day.remaining <= dayReserve) {
      const resetMs = day.resetAt ? Date.parse(day.resetAt) : Number.NaN;
      return {
        admitted: false,
        retryAfterMs: Number.isNaN(resetMs)
          ? minute.resetAtMs - nowMs
          : Math.max(0, resetMs - nowMs),
      };
    }
  }
  return { admitted: true };
}

/**
 * Fetch the next page ahead only when the ledger shows room for it, and never on a 10-a-minute
 * plan, where one page ahead per view would spend a tenth of the minute on a guess.
 */
export function advisesEagerPrefetch(ledger: LedgerSnapshot, nowMs: number): boolean {
  return ledger.minute.limit > 10 && admit("prefetch", ledger, nowMs).admitted;
}
