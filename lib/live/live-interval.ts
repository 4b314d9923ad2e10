/**
 * How often the Live toggle polls a runs view's first page. The rule: Live alone spends at most a
 * fifth of the plan's per-minute limit (LeadLex's headers carry only the daily quota, so the plan,
 * and with it the minute's limit, is read off that), and never polls more often than every 5 s,
 * where faster would show nobody anything sooner. Starter (10 a minute): 2 calls, every 30 s;
 * Pro (50): 10 calls, every 6 s; Org (200): every 5 s, 12 calls (6 %). Each open view with Live on
 * polls on its own; identical polls (the same view in two tabs) share one upstream call.
 */
import { planForDailyLimit } from "@/lib/quota-layer/plans";

export const LIVE_SHARE_OF_MINUTE = 0.2;
export const MIN_LIVE_INTERVAL_MS = 5_000;
const MINUTE_MS = 60_000;

/** The poll interval for the key whose daily quota is `dailyLimit` (null: unknown, the smallest plan). */
export function liveIntervalMs(dailyLimit: number | null): number {
  const callsPerMinute = Math.max(
    1,
    Math.floor(planForDailyLimit(dailyLimit).perMinute * LIVE_SHARE_OF_MINUTE),
  );
  return Math.max(MIN_LIVE_INTERVAL_MS, Math.ceil(MINUTE_MS / callsPerMinute));
}
