import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { createLeadlexClient, type LeadlexClient } from "./client";
import { sendWithNodeHttp } from "./node-http-send";
import { sleepUnlessAborted } from "./transport";

/**
 * The gateway to LeadLex. Pages and route handlers call these functions and never `fetch` the
 * upstream themselves. Nothing here is cached: every call carries one user's key.
 */

/** Large enough for 100 runs with generous action results; a bigger body is refused, not buffered. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

let client: LeadlexClient | undefined;
let backgroundClient: LeadlexClient | undefined;

export function leadlex(): LeadlexClient {
  client ??= createClient(serverEnv().LEADLEX_MAX_RETRIES);
  return client;
}

/**
 * For work nobody waits for (the run index): no retries, so a 429 or a 503 reaches the caller at
 * once, and it decides when to try again (the next sync, or the backfill's own pause).
 */
export function leadlexWithoutRetries(): LeadlexClient {
  backgroundClient ??= createClient(0);
  return backgroundClient;
}

function createClient(maxRetries: number): LeadlexClient {
  const env = serverEnv();
  return createLeadlexClient(
    {
      baseUrl: env.LEADLEX_API_URL,
      attemptTimeoutMs: env.LEADLEX_ATTEMPT_TIMEOUT_MS,
      totalTimeoutMs: env.LEADLEX_TOTAL_TIMEOUT_MS,
      maxRetries,
      maxResponseBytes: MAX_RESPONSE_BYTES,
    },
    { send: sendWithNodeHttp, now: Date.now, sleep: sleepUnlessAborted, random: Math.random },
  );
}

export type { LeadlexClient, Traced } from "./client";
