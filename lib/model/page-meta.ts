/** Paging and quota figures that come back with every list Runboard shows. */
export interface PageMeta {
  page: number;
  perPage: number;
  total: number;
}

/** LeadLex's daily quota for the connected key, from its `X-RateLimit-*` headers. */
export interface RateLimitStatus {
  limit: number;
  remaining: number;
  /** ISO 8601 instant when the daily counter resets, or null when LeadLex did not say. */
  resetAt: string | null;
}
