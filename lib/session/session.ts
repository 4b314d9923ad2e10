import "server-only";
import { getIronSession, type SessionOptions } from "iron-session";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { serverEnv } from "@/lib/config/server-env";
import { sessionCookieName } from "./cookie-name";
import { connectUrlFor } from "./safe-next-path";
import { unsealRemembered } from "./unseal-cache";

/**
 * The user's API key lives only here: sealed (encrypted and authenticated) into an httpOnly cookie.
 * Server code reads it through `readApiKey` / `requireApiKey`; it is never rendered, logged or put in
 * a URL. A tampered or foreign cookie unseals to an empty session, which reads as "not connected".
 */

interface SessionData {
  apiKey?: string;
  /** Last characters only, so the header can say which key is connected without showing it. */
  keyHint?: string;
  connectedAt?: string;
}

const SESSION_TTL_SECONDS = 60 * 60 * 24 * 7;

function sessionOptions(): SessionOptions {
  const env = serverEnv();
  const production = env.NODE_ENV === "production";
  return {
    cookieName: sessionCookieName(production),
    password: env.sessionSecret,
    ttl: SESSION_TTL_SECONDS,
    cookieOptions: {
      httpOnly: true,
      secure: production,
      sameSite: "lax",
      path: "/",
    },
  };
}

async function session() {
  return getIronSession<SessionData>(await cookies(), sessionOptions());
}

/** Read-only access, through the unseal cache: what every page view and proxied call needs. */
async function readSession(): Promise<SessionData> {
  const env = serverEnv();
  const name = sessionCookieName(env.NODE_ENV === "production");
  const sealed = (await cookies()).get(name)?.value;
  if (!sealed) return {};
  const data = await unsealRemembered(sealed, env.sessionSecret, SESSION_TTL_SECONDS);
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

export async function storeApiKey(apiKey: string): Promise<void> {
  const data = await session();
  data.apiKey = apiKey;
  data.keyHint = apiKey.slice(-4);
  data.connectedAt = new Date().toISOString();
  await data.save();
}

export async function clearApiKey(): Promise<void> {
  (await session()).destroy();
}
