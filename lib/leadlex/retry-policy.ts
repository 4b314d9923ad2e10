import "server-only";

/**
 * When and how long to wait before repeating a failed GET. Full jitter (a random wait between 0 and
 * an exponentially growing cap) keeps many clients from retrying in lock-step; a server-given wait
 * (`Retry-After`, `X-RateLimit-Reset`) wins over our own guess.
 */
export const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

export interface BackoffOptions {
  /** 0 for the wait before the first retry. */
  retryIndex: number;
  /** What the upstream asked for, in seconds, if anything. */
  serverWaitSeconds: number | null;
  random: () => number;
  baseMs?: number;
  capMs?: number;
}

export function backoffDelayMs({
  retryIndex,
  serverWaitSeconds,
  random,
  baseMs = 100,
  capMs = 2_000,
}: BackoffOptions): number {
  if (serverWaitSeconds !== null) return serverWaitSeconds * 1000;
  const ceiling = Math.min(capMs, baseMs * 2 ** (retryIndex + 1));
  return Math.floor(random() * ceiling);
}

/**
 * A retry is worth it only if, after the wait, there is still time for a useful attempt; otherwise
 * we answer now instead of sleeping past the caller's budget.
 */
export function fitsInBudget(
  delayMs: number,
  remainingBudgetMs: number,
  minAttemptMs = 250,
): boolean {
  return delayMs + minAttemptMs <= remainingBudgetMs;
}
