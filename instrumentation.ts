/**
 * Runs once when the server starts: a missing or malformed setting (SESSION_SECRET in production,
 * a bad LEADLEX_API_URL) stops the server here, with a message naming the variable.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { serverEnv } = await import("@/lib/config/server-env");
    serverEnv();
  }
}
