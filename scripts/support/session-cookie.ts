import { sealData } from "iron-session";

/**
 * A session cookie sealed exactly as the app seals it, for servers whose SESSION_SECRET the caller
 * chose: lets tests and the bench act as a connected user without a connect call (which would
 * cost a LeadLex call of its own and show up in the counts).
 */
export const SESSION_COOKIE_NAME = "__Host-runboard_session";

export function sealSession(apiKey: string, secret: string): Promise<string> {
  return sealData(
    { apiKey, keyHint: apiKey.slice(-4), connectedAt: new Date().toISOString() },
    { password: secret, ttl: 60 * 60 * 24 * 7 },
  );
}

/** The `Cookie` header value for Node clients. */
export async function sessionCookieHeader(apiKey: string, secret: string): Promise<string> {
  return `${SESSION_COOKIE_NAME}=${await sealSession(apiKey, secret)}`;
}
