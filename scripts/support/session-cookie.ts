import { randomBytes } from "node:crypto";
import { sealData } from "iron-session";

/**
 * A session cookie sealed exactly as the app seals it, for servers whose SESSION_SECRET the caller
 * chose: lets tests and the bench act as a connected user without a connect call (which would
 * cost a LeadLex call of its own and show up in the counts). Like a session begun while the
 * store was down, it has no record on the server yet: it works from its issue time, lapses after
 * the idle timeout without use and after the absolute lifetime in any case, and signing out ends it.
 */
export const SESSION_COOKIE_NAME = "__Host-runboard_session";

/** The app's absolute session lifetime (`lib/session/session-records.ts`). */
const SESSION_TTL_SECONDS = 12 * 60 * 60;

/** A session of one workspace, labelled as the connect form labels an unnamed one. */
export function sealSession(apiKey: string, secret: string): Promise<string> {
  const workspaceId = randomBytes(6).toString("base64url");
  return sealData(
    {
      workspaces: [{ id: workspaceId, label: "Workspace 1", apiKey }],
      active: workspaceId,
      sessionId: randomBytes(16).toString("base64url"),
      issuedAtMs: Date.now(),
    },
    { password: secret, ttl: SESSION_TTL_SECONDS },
  );
}

/** The `Cookie` header value for Node clients. */
export async function sessionCookieHeader(apiKey: string, secret: string): Promise<string> {
  return `${SESSION_COOKIE_NAME}=${await sealSession(apiKey, secret)}`;
}
