import "server-only";
import { sealData } from "iron-session";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { serverEnv } from "@/lib/config/server-env";
import { sessionCookieName } from "./cookie-name";
import { connectUrlFor } from "./safe-next-path";
import { soleCookieValue } from "./sole-cookie";
import { unsealRemembered } from "./unseal-cache";

/**
 * The user's API key lives only here: sealed (encrypted and authenticated) into an httpOnly cookie.
 * Server code reads it through `readApiKey` / `requireApiKey`; it is never rendered, logged or put in
 * a URL. A tampered, foreign, malformed or doubled cookie reads as "not connected", and connecting
 * again replaces it without reading it, so no cookie can lock a user out.
 */

interface SessionData {
  apiKey?: string;
  /** Last characters only, so the header can say which key is connected without showing it. */
  keyHint?: string;
  connectedAt?: string;
}

const SESSION_TTL_SECONDS = 60 * 60 * 24 * 7;

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

/** Read-only access, through the unseal cache: what every page view and proxied call needs. */
async function readSession(): Promise<SessionData> {
  const { name, password } = cookieSettings();
  const sealed = soleCookieValue((await headers()).get("cookie"), name);
  if (!sealed) return {};
  const data = await unsealRemembered(sealed, password, SESSION_TTL_SECONDS);
  return {
    apiKey: typeof data.apiKey === "string" ? data.apiKey : undefined,
    keyHint: typeof data.keyHint === "string" ? data.keyHint : undefined,
  };
}

export async function readApiKey(): Promise<string | null> {
  return (await readSession()).apiKey ?? null;
}

/** For pages: the key, or a redirect to `/connect` that returns to `returnTo` afterwards. */
export async function requireApiKey(returnTo: string): Promise<string> {
  const apiKey = await readApiKey();
  if (!apiKey) redirect(connectUrlFor(returnTo));
  return apiKey;
}

export async function readKeyHint(): Promise<string | null> {
  const data = await readSession();
  return data.apiKey ? (data.keyHint ?? null) : null;
}

/** A fresh seal: whatever cookie the browser sent before is overwritten, never read. */
export async function storeApiKey(apiKey: string): Promise<void> {
  const { name, password, options } = cookieSettings();
  const data: SessionData = {
    apiKey,
    keyHint: apiKey.slice(-4),
    connectedAt: new Date().toISOString(),
  };
  const sealed = await sealData(data, { password, ttl: SESSION_TTL_SECONDS });
  (await cookies()).set(name, sealed, { ...options, maxAge: COOKIE_MAX_AGE_SECONDS });
}

export async function clearApiKey(): Promise<void> {
  const { name, options } = cookieSettings();
  // The same attributes as when it was set: a `__Host-` cookie is only replaced by a Secure one.
  (await cookies()).set(name, "", { ...options, maxAge: 0 });
}
