/**
 * The session cookie's name. `__Host-` (production) makes the browser refuse the cookie unless it
 * is Secure, host-only and Path=/. Its own module so `proxy.ts` can check for the cookie without
 * loading the session code.
 */
export function sessionCookieName(production: boolean): string {
  return production ? "__Host-runboard_session" : "runboard_session";
}
