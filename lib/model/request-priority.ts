/**
 * How much a request to LeadLex matters, which decides whether the quota layer may hold it back.
 * Browser-safe: the browser names its prefetches in a header of its calls to our route handlers.
 *
 * - `user`: a person's own action (a page load, a filter, Refresh). Never held back.
 * - `intent`: fetched because a pointer or focus reached a control. Held back only when the
 *   minute's budget is down to its last call (not by a 429's wait: that costs no quota).
 * - `prefetch`: fetched ahead in case it is needed (the next page). Only while the quota has room.
 * - `live`: the Live toggle's poll of a runs view's first page, asked past the cache (still joined
 *   with an identical call on its way). Nobody clicked for it, so it keeps half the minute and a
 *   fifth of the day for people's clicks, and waits when held back.
 * - `background`: work nobody waits for (syncing the run index). Held back well before the budget
 *   runs out, so people's clicks always find quota left.
 */
export const requestPriorities = ["user", "intent", "prefetch", "live", "background"] as const;
export type RequestPriority = (typeof requestPriorities)[number];

export const PRIORITY_HEADER = "X-Runboard-Priority";

/** Anything unknown or missing counts as a person's own request, the one never refused. */
export function readRequestPriority(value: string | null | undefined): RequestPriority {
  return value === "intent" || value === "prefetch" || value === "live" || value === "background"
    ? value
    : "user";
}
