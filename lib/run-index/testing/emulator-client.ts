import { createLeadlexClient, type LeadlexClient } from "@/lib/leadlex/client";
import { sendWithNodeHttp } from "@/lib/leadlex/node-http-send";
import { sleepUnlessAborted } from "@/lib/leadlex/transport";

/**
 * Runboard's own LeadLex gateway pointed at a test emulator, without retries: a 429 must reach
 * the index, which picks its own time to try again.
 */
export function emulatorClient(baseUrl: string): LeadlexClient {
  return createLeadlexClient(
    {
      baseUrl,
      attemptTimeoutMs: 10_000,
      totalTimeoutMs: 20_000,
      maxRetries: 0,
      maxResponseBytes: 4 * 1024 * 1024,
    },
    { send: sendWithNodeHttp, now: Date.now, sleep: sleepUnlessAborted, random: Math.random },
  );
}
