/**
 * A `cachedOnly` call found no answer in the cache, so nothing was sent. Not an AppError: it never
 * reaches a person; the caller counts it as one call it could still decide to make.
 */
export class NotCachedError extends Error {
  constructor() {
    super("Not in the cache; no LeadLex call was made.");
    this.name = "NotCachedError";
  }
}
