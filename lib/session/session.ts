import "server-only";
import { randomBytes } from "node:crypto";
import { sealData } from "iron-session";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { serverEnv } from "@/lib/config/server-env";
import { processStore } from "@/lib/store/process-store";
import { sessionCookieName } from "./cookie-name";
import { connectUrlFor } from "./safe-next-path";
import {
  createSessionRecords,
  isSessionId,
  SESSION_LIFETIMES,
  type SessionRecords,
  type SessionStamp,
} from "./session-records";
import { soleCookieValue } from "./sole-cookie";
import { unsealRemembered } from "./unseal-cache";

/**
 * The user's API key lives only here: sealed (encrypted and authenticated) into an httpOnly cookie.
 * Server code reads it through `readApiKey` / `requireApiKey`; it is never rendered, logged or put in
 * a URL. A tampered, foreign, malformed or doubled cookie reads as "not connected", and connecting
 * again replaces it without reading it, so no cookie can lock a user out. So does a cookie whose
 * session has ended (signed out, idle or past its lifetime: `session-records.ts`), however
 * genuine its seal.
 */

interface SessionData {
  apiKey?: string;
  /** Last characters only, so the header can say which key is connected without showing it. */
  keyHint?: string;
  connectedAt?: string;
  sessionId?: string;
  issuedAtMs?: number;
}

const SESSION_TTL_SECONDS = SESSION_LIFETIMES.absoluteMs / 1000;

/** iron-session's own margin: the cookie expires a minute before the seal inside it. */
const COOKIE_MAX_AGE_SECONDS = SESSION_TTL_SECONDS - 60;

function cookieSettings() {
  const env = serverEnv();
  const production = env.NODE_ENV === "production";
  return {
    name: sessionCookieName(production),
    password: env.sessionSecret,
    options: { httpOnly: true, secure: production, sameSite: "lax", path: "/" } as const,
  };
}

let records: SessionRecords | undefined;

function sessionRecords(): SessionRecords {
  records ??= createSessionRecords(processStore(), Date.now);
  return records;
}

interface OpenSession {
  apiKey: string;
  keyHint: string | undefined;
  stamp: SessionStamp;
}

/**
 * The session this request carries, if its seal opens and the session has not ended. Seals from
 * before sessions had ids read as signed out.
 */
async function readSession(): Promise<OpenSession | null> {
  const { name, password } = cookieSettings();
  const sealed = soleCookieValue((await headers()).get("cookie"), name);
  if (!sealed) return null;
  const data = await unsealRemembered(sealed, password, SESSION_TTL_SECONDS);
  const { apiKey, keyHint, sessionId, issuedAtMs } = data;
  if (typeof apiKey !== "string" || !isSessionId(sessionId)) return null;
  if (typeof issuedAtMs !== "number" || !Number.isSafeInteger(issuedAtMs)) return null;
  const stamp = { sessionId, issuedAtMs };
  if (!(await sessionRecords().admit(stamp))) return null;
  return { apiKey, keyHint: typeof keyHint === "string" ? keyHint : undefined, stamp };
}

export async function readApiKey(): Promise<string | null> {
  return (await readSession())?.apiKey ?? null;
}

/** For pages: the key, or a redirect to `/connect` that returns to `returnTo` afterwards. */
export async function requireApiKey(returnTo: string): Promise<string> {
  const apiKey = await readApiKey();
  if (!apiKey) redirect(connectUrlFor(returnTo));
  return apiKey;
}

export async function readKeyHint(): Promise<string | null> {
  return (await readSession())?.keyHint ?? null;
}

/** A fresh seal: whatever cookie the browser sent before is overwritten, never read. */
export async function storeApiKey(apiKey: string): Promise<void> {
  const { name, password, options } = cookieSettings();
  const stamp = await sessionRecords().begin(randomBytes(16).toString("base64url"));
  const data: SessionData = {
    apiKey,
    keyHint: apiKey.slice(-4),
    connectedAt: new Date(stamp.issuedAtMs).toISOString(),
    ...stamp,
  };
  const sealed = await sealData(data, { password, ttl: SESSION_TTL_SECONDS });
  (await cookies()).set(name, sealed, { ...options, maxAge: COOKIE_MAX_AGE_SECONDS });
}

/**
 * Sign-out: the session ends on the server (a copy of the cookie no longer works anywhere) and
 * the browser's cookie is expired. Returns the key it held, for purging its cached answers, and
 * whether the store recorded the end.
 */
export async function endSession(): Promise<{ apiKey: string | null; revoked: boolean }> {
  const session = await readSession();
  const revoked = session ? await sessionRecords().revoke(session.stamp) : true;
  await clearCookie();
  return { apiKey: session?.apiKey ?? null, revoked };
}

async function clearCookie(): Promise<void> {
  const { name, options } = cookieSettings();
  // The same attributes as when it was set: a `__Host-` cookie is only replaced by a Secure one.
  (await cookies()).set(name, "", { ...options, maxAge: 0 });
}
