/**
 * Runs once when the server starts: a missing or malformed setting (SESSION_SECRET in production,
 * a bad LEADLEX_API_URL or REDIS_URL) stops the server here, with a message naming the variable.
 * With REDIS_URL, it also connects to Redis before the first request (for at most 3 s).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { serverEnv } = await import("@/lib/config/server-env");
    serverEnv();
    const { openStoreEarly } = await import("@/lib/quota-layer");
    await openStoreEarly();
  }
}
