import type { RateLimitStatus } from "@/lib/model/page-meta";
import type { KeyScope, SealedStore } from "@/lib/store/sealed-store";
import { isStoreUnavailable, windowStart } from "@/lib/store/store";
import { planForDailyLimit } from "./plans";

/**
 * One quota ledger per API key, kept in the store so every replica (and the run index) reads the
 * same figures:
 *
 * - the **day**, as LeadLex last reported it in `X-RateLimit-*` (limit, remaining, reset);
 * - the **minute**, counted by us: every call sent for the key adds one to a window counter, and
 *   the plan (read off the daily limit) gives the minute's limit;
 * - a **block** from a 429: until its `Retry-After` runs out, nothing but a person's click is sent.
 *
 * Calls made with the same key outside Runboard are in the daily figure, not in the minute count;
 * a 429 corrects that when it happens.
 */

export interface LedgerSnapshot {
  daily: RateLimitStatus | null;
  minute: { limit: number; used: number; resetAtMs: number };
  blockedUntilMs: number | null;
}

export interface QuotaLedger {
  read(scope: KeyScope): Promise<LedgerSnapshot>;
  /** A call is about to be sent for this key. */
  countCall(scope: KeyScope): Promise<void>;
  /** LeadLex answered; `rateLimit` is what its headers said, if they said anything. */
  observeAnswer(scope: KeyScope, rateLimit: RateLimitStatus | null): Promise<void>;
  observeRateLimited(scope: KeyScope, retryAfterSeconds: number | null): Promise<void>;
}

const MINUTE_MS = 60_000;
const RECORD_KIND = "ledger1";
const RECORD_NAME = "quota";
/** Longer than a day, so the record outlives the daily reset it describes. */
const RECORD_TTL_MS = 26 * 60 * 60_000;
/** A 429 without Retry-After still blocks background work until the minute turns. */
const DEFAULT_BLOCK_MS = MINUTE_MS;
const MAX_BLOCK_MS = 24 * 60 * 60_000;

interface LedgerRecord {
  daily: RateLimitStatus | null;
  blockedUntilMs: number | null;
}

export function createQuotaLedger(store: SealedStore, now: () => number): QuotaLedger {
  async function readRecord(scope: KeyScope): Promise<LedgerRecord> {
    const bytes = await store.get(scope, RECORD_KIND, RECORD_NAME);
    if (bytes === null) return { daily: null, blockedUntilMs: null };
    try {
      const parsed = JSON.parse(bytes.toString("utf8")) as LedgerRecord;
      return { daily: parsed.daily ?? null, blockedUntilMs: parsed.blockedUntilMs ?? null };
    } catch {
      return { daily: null, blockedUntilMs: null };
    }
  }

  const writeRecord = (scope: KeyScope, record: LedgerRecord) =>
    store.set(scope, RECORD_KIND, RECORD_NAME, Buffer.from(JSON.stringify(record)), RECORD_TTL_MS);

  return {
    async read(scope) {
      const nowMs = now();
      const [record, minute] = await Promise.all([
        readRecord(scope).catch(unknownWhenUnavailable({ daily: null, blockedUntilMs: null })),
        store.addToWindow(scope, "minute", 0, MINUTE_MS).catch(
          unknownWhenUnavailable({
            current: 0,
            previous: 0,
            windowStartMs: windowStart(nowMs, MINUTE_MS),
          }),
        ),
      ]);
      return {
        daily: record.daily,
        minute: {
          limit: planForDailyLimit(record.daily?.limit ?? null).perMinute,
          used: minute.current,
          resetAtMs: minute.windowStartMs + MINUTE_MS,
        },
        blockedUntilMs: record.blockedUntilMs,
      };
    },

    async countCall(scope) {
      await store.addToWindow(scope, "minute", 1, MINUTE_MS);
    },

    async observeAnswer(scope, rateLimit) {
      const record = await readRecord(scope);
      const daily = mergeDaily(record.daily, rateLimit);
      if (daily === record.daily && record.blockedUntilMs === null) return;
      await writeRecord(scope, { daily, blockedUntilMs: null });
    },

    async observeRateLimited(scope, retryAfterSeconds) {
      const record = await readRecord(scope);
      const waitMs =
        retryAfterSeconds === null
          ? DEFAULT_BLOCK_MS
          : Math.min(MAX_BLOCK_MS, Math.max(0, retryAfterSeconds * 1000));
      await writeRecord(scope, { ...record, blockedUntilMs: now() + waitMs });
    },
  };
}

/**
 * Answers arrive out of order (parallel calls, several replicas): within one day the lowest
 * `remaining` is the latest truth, since the counter only goes down until its reset.
 */
export function mergeDaily(
  known: RateLimitStatus | null,
  reported: RateLimitStatus | null,
): RateLimitStatus | null {
  if (reported === null) return known;
  if (known === null || known.resetAt !== reported.resetAt || known.limit !== reported.limit) {
    return reported;
  }
  return reported.remaining < known.remaining ? reported : known;
}

function unknownWhenUnavailable<T>(fallback: T) {
  return (error: unknown): T => {
    if (isStoreUnavailable(error)) return fallback;
    throw error;
  };
}
