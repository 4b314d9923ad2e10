import { createHmac } from "node:crypto";
import { createMemoryStore } from "@/lib/store/memory-store";
import { isStoreUnavailable, type Store, type WindowCount } from "@/lib/store/store";

/**
 * Bounds the connect form, which would otherwise be an oracle anyone can ask about any key at
 * LeadLex's expense (each check is a LeadLex call, and its answer tells unknown, expired,
 * scope-less and valid keys apart). Each bound is a sliding window over the store's window
 * counters (`previous × (1 − elapsed / window) + current`), so replicas sharing Redis share it.
 *
 * An attempt takes one unit of every bound at once, before LeadLex is asked, so a burst of
 * parallel posts cannot all slip past a check made before any of them counted. A refused attempt
 * gives its units back (it cost nothing, and the wait it was told stays true); an admitted one
 * gives back the units of the bounds it did not count against once its verdict is known.
 *
 * While the shared store is down, each replica counts in a small store of its own: the bounds
 * then hold per replica instead of being dropped.
 */

export interface ThrottleBound {
  /** Names the bound in the answer, the log and the store: `client`, `everyone`, `key`. */
  scope: string;
  /** Who within the scope: an address, an HMAC of a key; empty for `everyone`. */
  subject: string;
  limit: number;
  windowMs: number;
  /** Whether an attempt with this verdict stays counted against the bound. */
  counts: (verdict: AttemptVerdict) => boolean;
}

/** How an admitted attempt ended: a key LeadLex accepted, one it refused, or no answer about it. */
export type AttemptVerdict = "accepted" | "refused" | "unanswered";

export type ThrottleDecision =
  | { admitted: true; settle: (verdict: AttemptVerdict) => Promise<void> }
  | { admitted: false; scope: string; retryAfterSeconds: number };

export interface ConnectThrottle {
  attempt(bounds: readonly ThrottleBound[]): Promise<ThrottleDecision>;
}

export function createConnectThrottle(
  store: Store,
  secret: string,
  now: () => number = Date.now,
): ConnectThrottle {
  const fallback = createMemoryStore({ maxBytes: 1024 * 1024, maxRecords: 20_000, now });

  // Addresses are personal data: the store sees an HMAC of each, never the address.
  const keyOf = (bound: ThrottleBound) =>
    `connect:${bound.scope}:${bound.windowMs}:${createHmac("sha256", secret)
      .update(`runboard connect throttle\0${bound.subject}`)
      .digest("base64url")
      .slice(0, 32)}`;

  /** The count, and the engine that holds it (so a refund goes where the unit went). */
  async function add(key: string, amount: number, windowMs: number, engine?: Store) {
    if (engine) return { engine, count: await engine.addToWindow(key, amount, windowMs) };
    try {
      return { engine: store, count: await store.addToWindow(key, amount, windowMs) };
    } catch (error) {
      if (!isStoreUnavailable(error)) throw error;
      return { engine: fallback, count: await fallback.addToWindow(key, amount, windowMs) };
    }
  }

  return {
    async attempt(bounds) {
      const taken = await Promise.all(
        bounds.map(async (bound) => {
          const key = keyOf(bound);
          return { bound, key, ...(await add(key, 1, bound.windowMs)) };
        }),
      );
      const giveBack = (units: typeof taken) =>
        Promise.all(units.map(({ bound, key, engine }) => add(key, -1, bound.windowMs, engine)));

      const nowMs = now();
      const exceeded = taken
        .filter(({ bound, count }) => estimate(count, nowMs, bound.windowMs) > bound.limit)
        .map(({ bound, count }) => ({
          scope: bound.scope,
          waitMs: msUntilRoom({ ...count, current: count.current - 1 }, nowMs, bound),
        }))
        .sort((a, b) => b.waitMs - a.waitMs);
      const longest = exceeded[0];
      if (longest) {
        await giveBack(taken);
        return {
          admitted: false,
          scope: longest.scope,
          retryAfterSeconds: Math.max(1, Math.ceil(longest.waitMs / 1000)),
        };
      }
      return {
        admitted: true,
        settle: async (verdict) => {
          await giveBack(taken.filter(({ bound }) => !bound.counts(verdict)));
        },
      };
    },
  };
}

/** The sliding-window estimate of the attempts in the last `windowMs`. */
export function estimate(count: WindowCount, nowMs: number, windowMs: number): number {
  const elapsed = Math.min(1, Math.max(0, (nowMs - count.windowStartMs) / windowMs));
  return count.previous * (1 - elapsed) + count.current;
}

/**
 * How long until one more attempt fits under the bound, if nobody tries meanwhile: the estimate
 * falls as the previous window slides out, and the current one becomes the previous.
 */
export function msUntilRoom(
  count: WindowCount,
  nowMs: number,
  bound: Pick<ThrottleBound, "limit" | "windowMs">,
): number {
  const { limit, windowMs } = bound;
  const room = limit - 1;
  const elapsed = nowMs - count.windowStartMs;
  if (count.previous * (1 - elapsed / windowMs) + count.current <= room) return 0;
  if (count.current <= room && count.previous > 0) {
    const fraction = 1 - (room - count.current) / count.previous;
    const waitMs = fraction * windowMs - elapsed;
    if (waitMs < windowMs - elapsed) return Math.max(0, waitMs);
  }
  const intoNext = count.current > 0 ? Math.max(0, windowMs * (1 - room / count.current)) : 0;
  return windowMs - elapsed + intoNext;
}
