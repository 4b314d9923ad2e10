import type { LedgerSnapshot } from "@/lib/quota-layer/quota-ledger";
import type { HealthHeldBecause } from "./workflow-health";

/**
 * How many uncached LeadLex calls the list may spend on health now, read off the key's ledger.
 *
 * - On its own (a page view) the list spends at most a fifth of the plan's minute, and never the
 *   last quarter of the minute or fifth of the day that background work leaves for clicks. On a
 *   10-a-minute key it spends nothing: two calls would be a fifth of the minute, for figures
 *   nobody asked for. Cached answers and the run index cost nothing and are always shown.
 * - When a person asks ("Load health"), it may spend the minute's room but one call, kept for
 *   their next click, and never the day's last call.
 */
export type HealthMode = "auto" | "requested";

const AUTO_SHARE_OF_MINUTE = 0.2;
const AUTO_MINUTE_RESERVE = 0.25;
const AUTO_DAY_RESERVE = 0.2;
const STARTER_PER_MINUTE = 10;
const KEPT_FOR_A_CLICK = 1;

export interface HealthAllowance {
  calls: number;
  /** What limits `calls`, reported when it is fewer than were needed. */
  limitedBy: HealthHeldBecause;
  retryAfterSeconds: number | null;
}

export function healthAllowance(
  mode: HealthMode,
  ledger: LedgerSnapshot,
  nowMs: number,
): HealthAllowance {
  const { minute, daily } = ledger;
  const retryAfterSeconds = Math.max(1, Math.ceil((minute.resetAtMs - nowMs) / 1000));
  const quota = (calls: number): HealthAllowance => ({
    calls: Math.max(0, calls),
    limitedBy: "quota",
    retryAfterSeconds,
  });
  if (ledger.blockedUntilMs !== null && nowMs < ledger.blockedUntilMs) {
    return {
      calls: 0,
      limitedBy: "quota",
      retryAfterSeconds: Math.ceil((ledger.blockedUntilMs - nowMs) / 1000),
    };
  }
  const minuteLeft = minute.limit - minute.used;
  if (mode === "requested") {
    const dayLeft = daily === null ? Number.POSITIVE_INFINITY : daily.remaining - KEPT_FOR_A_CLICK;
    return quota(Math.min(minuteLeft - KEPT_FOR_A_CLICK, dayLeft));
  }
  if (minute.limit <= STARTER_PER_MINUTE) {
    return { calls: 0, limitedBy: "starter_plan", retryAfterSeconds: null };
  }
  const share = Math.floor(minute.limit * AUTO_SHARE_OF_MINUTE);
  const minuteRoom = minuteLeft - Math.ceil(minute.limit * AUTO_MINUTE_RESERVE);
  const dayRoom =
    daily === null
      ? Number.POSITIVE_INFINITY
      : daily.remaining - Math.ceil(daily.limit * AUTO_DAY_RESERVE);
  const room = Math.min(minuteRoom, dayRoom);
  if (room < share) return quota(room);
  return { calls: share, limitedBy: "list_budget", retryAfterSeconds: null };
}
