import "server-only";
import { unsealData } from "iron-session";
import { isWellFormedSeal } from "./seal-format";

/**
 * Unsealing a session cookie is CPU work (key derivation, HMAC, AES) paid on every page and every
 * proxied call, a large part of what the proxy adds to LeadLex's latency (figures in the README's
 * performance section). Successful
 * unseals are remembered briefly in this process, keyed by the sealed text itself, so a cookie
 * that changes or expires is simply a different (or missing) entry; failures are never cached.
 * Whatever the text, the answer is the session's data or `{}` (signed out): never an exception.
 */
const MAX_ENTRIES = 1_000;
const MAX_AGE_MS = 60_000;

interface Entry {
  data: Record<string, unknown>;
  until: number;
}

const entries = new Map<string, Entry>();

export async function unsealRemembered(
  sealed: string,
  password: string,
  ttlSeconds: number,
  now: number = Date.now(),
): Promise<Record<string, unknown>> {
  if (!isWellFormedSeal(sealed)) return {};
  const hit = entries.get(sealed);
  if (hit && hit.until > now) return hit.data;
  if (hit) entries.delete(sealed);

  const data = await unsealOrNothing(sealed, password, ttlSeconds);
  if (Object.keys(data).length > 0) {
    if (entries.size >= MAX_ENTRIES) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    entries.set(sealed, {
      data,
      until: Math.min(now + MAX_AGE_MS, sealExpiry(sealed) ?? Infinity),
    });
  }
  return data;
}

/** A seal that passes the format check can still fail to unseal (a forged HMAC, an old secret). */
async function unsealOrNothing(
  sealed: string,
  password: string,
  ttlSeconds: number,
): Promise<Record<string, unknown>> {
  try {
    const data: unknown = await unsealData(sealed, { password, ttl: ttlSeconds });
    return typeof data === "object" && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** Iron seals carry their own expiry (ms since the epoch) as the sixth `*`-separated field. */
function sealExpiry(sealed: string): number | null {
  const expiration = sealed.split("~")[0]?.split("*")[5];
  return expiration && /^\d+$/.test(expiration) ? Number(expiration) : null;
}
