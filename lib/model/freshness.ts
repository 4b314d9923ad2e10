/**
 * How old an answer is, and what the quota allows next: carried with every page of data the quota
 * layer serves, so a view can say "as of 09:31:05" and the browser knows whether to fetch ahead.
 * Browser-safe: types and one helper, no server code.
 */

export interface AsOf {
  /** ISO 8601 instant when LeadLex gave this answer; a cached answer keeps its first time. */
  fetchedAt: string;
}

export interface PrefetchAdvice {
  /**
   * True when the key's quota has room to fetch the next page before it is asked for. False on a
   * 10-a-minute plan, or when the minute's or the day's budget is nearly spent: the next page is
   * then fetched on intent (pointer or focus on Next) only.
   */
  eagerPrefetch: boolean;
}

/** The oldest of the times a view shows: everything on screen is at least that recent. */
export function oldestFetchedAt(...times: (string | null | undefined)[]): string | null {
  let oldest: string | null = null;
  for (const time of times) {
    if (time && (oldest === null || Date.parse(time) < Date.parse(oldest))) oldest = time;
  }
  return oldest;
}
