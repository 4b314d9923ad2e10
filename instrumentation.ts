/**
 * Runs once when the server starts: a missing or malformed setting (SESSION_SECRET in production,
 * a bad LEADLEX_API_URL or REDIS_URL) stops the server here, with a message naming the variable.
 * Then the front door goes in ahead of Next's router (see `lib/http/front-door.ts`), and with
 * REDIS_URL the store connects before the first request (for at most 3 s).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { serverEnv } = await import("@/lib/config/server-env");
    const env = serverEnv();
    const { installFrontDoor } = await import("@/lib/http/front-door");
    installFrontDoor(env.NODE_ENV === "production");
    const { openStoreEarly } = await import("@/lib/store/process-store");
    await openStoreEarly();
  }
}
