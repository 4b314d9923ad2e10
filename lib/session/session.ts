import "server-only";
import { randomBytes } from "node:crypto";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { serverEnv } from "@/lib/config/server-env";
import { processStore } from "@/lib/store/process-store";
import { sessionCookieName } from "./cookie-name";
import { connectUrlFor } from "./safe-next-path";
import {
  createSessionRecords,
  SESSION_LIFETIMES,
  type SessionRecords,
  type SessionStamp,
} from "./session-records";
import {
  MAX_SESSION_COOKIE_BYTES,
  readSessionContents,
  sealSessionContents,
  setCookieBytes,
  type SessionContents,
} from "./session-seal";
import { soleCookieValue } from "./sole-cookie";
import { unsealRemembered } from "./unseal-cache";
import {
  activeWorkspace,
  summarise,
  type SessionWorkspace,
  type WorkspaceSet,
  type WorkspaceSummary,
} from "./workspaces";

/**
 * The user's API keys live only here: sealed (encrypted and authenticated) into an httpOnly cookie,
 * one or several workspaces with one of them active. Server code reads the active key through
 * `readApiKey` / `requireApiKey`; no key is ever rendered, logged or put in a URL. A tampered,
 * foreign, malformed or doubled cookie reads as "not connected", and connecting again replaces it
 * without reading it, so no cookie can lock a user out. So does a cookie whose session has ended
 * (signed out, idle or past its lifetime: `session-records.ts`), however genuine its seal.
 */

const SESSION_TTL_SECONDS = SESSION_LIFETIMES.absoluteMs / 1000;

/** iron-session's own margin: the cookie expires a minute before the seal inside it. */
const COOKIE_MARGIN_SECONDS = 60;

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

/**
 * The session this request carries, if its seal opens and the session has not ended. Seals from
 * before sessions had ids read as signed out.
 */
export async function readSession(): Promise<SessionContents | null> {
  const { name, password } = cookieSettings();
  const sealed = soleCookieValue((await headers()).get("cookie"), name);
  if (!sealed) return null;
  const contents = readSessionContents(
    await unsealRemembered(sealed, password, SESSION_TTL_SECONDS),
  );
  if (!contents || !(await sessionRecords().admit(contents))) return null;
  return contents;
}

/** The active workspace's key. */
export async function readApiKey(): Promise<string | null> {
  const session = await readSession();
  return session ? activeWorkspace(session).apiKey : null;
}

/** For pages: the key, or a redirect to `/connect` that returns to `returnTo` afterwards. */
export async function requireApiKey(returnTo: string): Promise<string> {
  const apiKey = await readApiKey();
  if (!apiKey) redirect(connectUrlFor(returnTo));
  return apiKey;
}

/** Last characters only, so a page can say which key is connected without showing it. */
export async function readKeyHint(): Promise<string | null> {
  return (await readApiKey())?.slice(-4) ?? null;
}

/** What the header may show of the session's workspaces: labels and key hints, never a key. */
export async function readWorkspaceSummaries(): Promise<WorkspaceSummary[] | null> {
  const session = await readSession();
  return session ? summarise(session) : null;
}

/**
 * For server code that looks past the active workspace (a link opened under the wrong one): the
 * active workspace's label and the session's other workspaces, keys included. Never for the browser.
 */
export async function readOtherWorkspaces(): Promise<{
  activeLabel: string;
  others: SessionWorkspace[];
} | null> {
  const session = await readSession();
  if (!session) return null;
  return {
    activeLabel: activeWorkspace(session).label,
    others: session.workspaces.filter((workspace) => workspace.id !== session.activeId),
  };
}

/** A handle for a new workspace in a seal: random, so nothing of the key is in it. */
export function newWorkspaceId(): string {
  return randomBytes(6).toString("base64url");
}

/**
 * Seals `set` into the cookie: into the session this request carries when `current` is given
 * (its id and lifetime go on), else into a fresh session, overwriting whatever cookie the
 * browser sent without reading it. False, and nothing written, when the cookie would pass the
 * browsers' size limit.
 */
export async function storeWorkspaces(
  set: WorkspaceSet,
  current: SessionStamp | null,
): Promise<boolean> {
  const { sessionId, issuedAtMs } = current ?? (await sessionRecords().begin(newSessionId()));
  return writeCookie({ workspaces: set.workspaces, activeId: set.activeId, sessionId, issuedAtMs });
}

/**
 * Seals what is left of the session after a workspace is removed, under a new session id: a copy
 * of the cookie taken before still holds the removed key, and must stop working.
 */
export async function storeWithoutRemoved(
  set: WorkspaceSet,
  previous: SessionStamp,
): Promise<{ revoked: boolean }> {
  const { stamp, revoked } = await sessionRecords().renew(previous, newSessionId());
  await writeCookie({ workspaces: set.workspaces, activeId: set.activeId, ...stamp });
  return { revoked };
}

async function writeCookie(contents: SessionContents): Promise<boolean> {
  const { name, password, options } = cookieSettings();
  const remainingSeconds = Math.floor(
    (contents.issuedAtMs + SESSION_LIFETIMES.absoluteMs - Date.now()) / 1000,
  );
  const ttlSeconds = Math.max(COOKIE_MARGIN_SECONDS + 1, remainingSeconds);
  const sealed = await sealSessionContents(contents, password, ttlSeconds);
  const maxAge = ttlSeconds - COOKIE_MARGIN_SECONDS;
  if (setCookieBytes(name, sealed, maxAge) > MAX_SESSION_COOKIE_BYTES) return false;
  (await cookies()).set(name, sealed, { ...options, maxAge });
  return true;
}

/**
 * Sign-out of every workspace: the session ends on the server (a copy of the cookie no longer
 * works anywhere) and the browser's cookie is expired. Returns the keys it held, for purging
 * their cached answers, and whether the store recorded the end.
 */
export async function endSession(
  session: SessionContents | null,
): Promise<{ apiKeys: string[]; revoked: boolean }> {
  const revoked = session ? await sessionRecords().revoke(session) : true;
  await clearCookie();
  return { apiKeys: session?.workspaces.map((workspace) => workspace.apiKey) ?? [], revoked };
}

function newSessionId(): string {
  return randomBytes(16).toString("base64url");
}

async function clearCookie(): Promise<void> {
  const { name, options } = cookieSettings();
  // The same attributes as when it was set: a `__Host-` cookie is only replaced by a Secure one.
  (await cookies()).set(name, "", { ...options, maxAge: 0 });
}
