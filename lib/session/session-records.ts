import { isStoreUnavailable, type Store } from "@/lib/store/store";

/**
 * Server-side state of each session, so that signing out ends it and an idle one lapses even
 * though its sealed cookie is still in some browser (or in an attacker's hands). Each seal carries
 * a random session id and the time it was issued; the store keeps, per session id, at most two
 * small entries with nothing of the key in them:
 *
 * - `seen`: when the session was last used (rewritten at most once a minute), for the idle timeout;
 *   a session with no `seen` entry counts as last used when it was issued (one begun while the
 *   store was down has none), so a lost or expired entry can only shorten a session;
 * - `revoked`: written by sign-out and kept until the seal itself expires. Apart from `seen`, so
 *   that a request still in flight when the user signs out cannot write the session back to life.
 *
 * When the store cannot answer (Redis down), sessions are admitted on their seal alone: the
 * absolute lifetime still holds (the seal expires), but neither idle time nor sign-out can be
 * checked until it is back. The alternative, signing every user out during a cache outage,
 * would turn the cache into a single point of failure.
 */

export interface SessionLifetimes {
  /** From connecting: after this the session is over, however busy. */
  absoluteMs: number;
  /** Without a request: after this the session is over. */
  idleMs: number;
}

export const SESSION_LIFETIMES: SessionLifetimes = {
  absoluteMs: 12 * 60 * 60_000,
  idleMs: 2 * 60 * 60_000,
};

/** What the seal carries about the session besides the key. */
export interface SessionStamp {
  sessionId: string;
  issuedAtMs: number;
}

export interface SessionRecords {
  /** A new session: the caller seals the stamp into the cookie. */
  begin(sessionId: string): Promise<SessionStamp>;
  /** Whether the session may be used now; a use counts as activity for the idle timeout. */
  admit(stamp: SessionStamp): Promise<boolean>;
  /** Sign-out. False when the store could not be reached (the session then lives on). */
  revoke(stamp: SessionStamp): Promise<boolean>;
  /**
   * The same session under a new id, when what the old seal holds must stop working (a workspace
   * removed from it): the old id is revoked, the issue time kept, so the lifetime does not grow.
   */
  renew(
    previous: SessionStamp,
    sessionId: string,
  ): Promise<{ stamp: SessionStamp; revoked: boolean }>;
}

/** Last-use times are this coarse, so a busy session costs one store write a minute, not one per request. */
const SEEN_RESOLUTION_MS = 60_000;
/** Replicas' clocks may differ by this much. */
const CLOCK_SKEW_MS = 60_000;
const SESSION_ID = /^[A-Za-z0-9_-]{22}$/;

export function isSessionId(value: unknown): value is string {
  return typeof value === "string" && SESSION_ID.test(value);
}

export function createSessionRecords(
  store: Store,
  now: () => number,
  lifetimes: SessionLifetimes = SESSION_LIFETIMES,
): SessionRecords {
  const seenKey = (sessionId: string) => `session:seen:${sessionId}`;
  const revokedKey = (sessionId: string) => `session:revoked:${sessionId}`;
  const endOf = (stamp: SessionStamp) => stamp.issuedAtMs + lifetimes.absoluteMs;

  async function markSeen(stamp: SessionStamp, atMs: number): Promise<void> {
    const ttlMs = Math.min(lifetimes.idleMs, endOf(stamp) - atMs) + SEEN_RESOLUTION_MS;
    await store.set(seenKey(stamp.sessionId), Buffer.from(String(atMs)), ttlMs);
  }

  async function revoke(stamp: SessionStamp): Promise<boolean> {
    if (!isSessionId(stamp.sessionId)) return true;
    const ttlMs = endOf(stamp) - now() + CLOCK_SKEW_MS;
    if (ttlMs <= 0) return true;
    try {
      await store.set(revokedKey(stamp.sessionId), Buffer.from("1"), ttlMs);
      await store.delete(seenKey(stamp.sessionId));
      return true;
    } catch (error) {
      if (isStoreUnavailable(error)) return false;
      throw error;
    }
  }

  return {
    async begin(sessionId) {
      const stamp = { sessionId, issuedAtMs: now() };
      await markSeen(stamp, stamp.issuedAtMs).catch(ignoreUnavailable);
      return stamp;
    },

    async admit(stamp) {
      const nowMs = now();
      if (!isSessionId(stamp.sessionId)) return false;
      if (nowMs >= endOf(stamp) || stamp.issuedAtMs > nowMs + CLOCK_SKEW_MS) return false;
      let seen: Buffer | null;
      let revoked: Buffer | null;
      try {
        [seen, revoked] = await Promise.all([
          store.get(seenKey(stamp.sessionId)),
          store.get(revokedKey(stamp.sessionId)),
        ]);
      } catch (error) {
        if (isStoreUnavailable(error)) return true;
        throw error;
      }
      if (revoked !== null) return false;
      const seenAtMs = Math.max(stamp.issuedAtMs, Number(seen?.toString("utf8")) || 0);
      if (nowMs - seenAtMs > lifetimes.idleMs) return false;
      if (seen === null || nowMs - seenAtMs >= SEEN_RESOLUTION_MS) {
        await markSeen(stamp, nowMs).catch(ignoreUnavailable);
      }
      return true;
    },

    revoke,

    async renew(previous, sessionId) {
      const stamp = { sessionId, issuedAtMs: previous.issuedAtMs };
      await markSeen(stamp, now()).catch(ignoreUnavailable);
      return { stamp, revoked: await revoke(previous) };
    },
  };
}

function ignoreUnavailable(error: unknown): void {
  if (!isStoreUnavailable(error)) throw error;
}
