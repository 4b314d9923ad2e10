import "server-only";
import { AppError } from "@/lib/model/app-error";
import { appErrorFromResponse } from "./error-mapping";
import {
  readRequestId,
  readRetryAfterHeaderSeconds,
  readRetryAfterSeconds,
} from "./rate-limit-headers";
import { backoffDelayMs, fitsInBudget, RETRYABLE_STATUSES } from "./retry-policy";
import { assertWithinJsonBounds } from "./upstream-bounds";

/**
 * The only code that talks HTTP to LeadLex: one GET with the key header, per-attempt and total
 * time limits, bounded retries, a size cap on the body, bounds on its nesting and string lengths,
 * and no redirects. It returns the parsed JSON and the response headers, or throws an AppError.
 */

export interface TransportOptions {
  attemptTimeoutMs: number;
  totalTimeoutMs: number;
  maxRetries: number;
  maxResponseBytes: number;
}

export interface UpstreamRequest {
  headers: Record<string, string>;
  signal: AbortSignal;
  /** A body larger than this is refused (an AppError), not buffered. */
  maxBytes: number;
}

export interface UpstreamAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** One GET on the wire. Rejects with the socket's error, or with AppError for an oversized body. */
export type Send = (url: URL, request: UpstreamRequest) => Promise<UpstreamAnswer>;

/** Injected so tests can drive time, randomness and the network. */
export interface TransportDeps {
  send: Send;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
}

export interface UpstreamJson {
  body: unknown;
  headers: Headers;
}

type AttemptOutcome =
  | { kind: "answered"; status: number; headers: Headers; text: string }
  | { kind: "timed_out" }
  | { kind: "network_error"; error: unknown };

export const sleepUnlessAborted: TransportDeps["sleep"] = (ms, signal) =>
  new Promise((resolve, reject) => {
    // An already-aborted signal never fires "abort" again: without this, the full wait would run.
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

export async function getUpstreamJson(
  url: URL,
  apiKey: string,
  options: TransportOptions,
  deps: TransportDeps,
  callerSignal?: AbortSignal,
): Promise<UpstreamJson> {
  const startedAt = deps.now();
  const deadline = startedAt + options.totalTimeoutMs;

  for (let attempt = 0; ; attempt++) {
    const outcome = await attemptOnce(url, apiKey, options, deps, deadline, callerSignal);

    if (outcome.kind === "answered" && outcome.status >= 200 && outcome.status < 300) {
      return { body: parseJson(outcome.text, outcome.headers), headers: outcome.headers };
    }

    const retryable = outcome.kind !== "answered" || RETRYABLE_STATUSES.has(outcome.status);
    if (retryable && attempt < options.maxRetries) {
      // Every LeadLex response carries X-RateLimit-Reset (the daily quota's reset): it is a wait
      // only for a 429. Read on a 503 it would turn every outage into a no-retry "wait till midnight".
      const serverWaitSeconds =
        outcome.kind !== "answered"
          ? null
          : outcome.status === 429
            ? readRetryAfterSeconds(outcome.headers, deps.now())
            : outcome.status === 503
              ? readRetryAfterHeaderSeconds(outcome.headers, deps.now())
              : null;
      const delay = backoffDelayMs({ retryIndex: attempt, serverWaitSeconds, random: deps.random });
      if (fitsInBudget(delay, deadline - deps.now())) {
        await deps.sleep(delay, callerSignal);
        continue;
      }
    }
    throw finalError(outcome, deps.now(), deps.now() - startedAt);
  }
}

async function attemptOnce(
  url: URL,
  apiKey: string,
  options: TransportOptions,
  deps: TransportDeps,
  deadline: number,
  callerSignal: AbortSignal | undefined,
): Promise<AttemptOutcome> {
  const remaining = deadline - deps.now();
  if (remaining <= 0) return { kind: "timed_out" };
  const timeout = AbortSignal.timeout(Math.min(options.attemptTimeoutMs, remaining));
  const signal = callerSignal ? AbortSignal.any([timeout, callerSignal]) : timeout;
  try {
    const answer = await deps.send(url, {
      headers: { Authorization: `Bearer ${apiKey}`, Accept: "application/json" },
      signal,
      maxBytes: options.maxResponseBytes,
    });
    return { kind: "answered", ...answer };
  } catch (error) {
    if (callerSignal?.aborted) throw callerSignal.reason;
    if (error instanceof AppError) throw error;
    if (timeout.aborted) return { kind: "timed_out" };
    return { kind: "network_error", error };
  }
}

export function upstreamTooLarge(headers: Headers): AppError {
  return new AppError("upstream_invalid_response", {
    requestId: readRequestId(headers),
    message: "LeadLex sent a response larger than Runboard accepts. Try a smaller page size.",
  });
}

function parseJson(text: string, headers: Headers): unknown {
  assertWithinJsonBounds(text, headers);
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new AppError("upstream_invalid_response", { requestId: readRequestId(headers), cause });
  }
}

function finalError(outcome: AttemptOutcome, nowMs: number, elapsedMs: number): AppError {
  switch (outcome.kind) {
    case "timed_out":
      return new AppError("upstream_timeout", {
        message: `LeadLex did not answer within ${Math.max(1, Math.round(elapsedMs / 1000))} s, retries included. Try again in a moment.`,
      });
    case "network_error":
      return new AppError("upstream_unavailable", {
        message: networkErrorMessage(outcome.error),
        cause: outcome.error,
      });
    case "answered":
      return appErrorFromResponse(outcome.status, outcome.headers, outcome.text, nowMs);
  }
}

/**
 * Which way the connection failed, in words: "nothing listens there" points at an outage or a wrong
 * LEADLEX_API_URL, "cut off" at a flaky network. Read from the error's code only, never its text.
 */
function networkErrorMessage(error: unknown): string {
  const code = errorCode(error);
  if (code === "ECONNREFUSED") {
    return "Runboard could not connect to LeadLex: the connection was refused. LeadLex may be down, or LEADLEX_API_URL may point at the wrong place; try again in a moment.";
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return "Runboard could not find LeadLex's server (the DNS lookup failed). Try again in a moment.";
  }
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE") {
    return "The connection to LeadLex was cut before it answered. This is usually brief; try again.";
  }
  return "Runboard could not reach LeadLex (a network error). This is usually brief; try again.";
}

/** node:http puts the code on the error; `fetch` wraps it: `TypeError("fetch failed", { cause }).` */
function errorCode(error: unknown): string | null {
  for (let current = error, depth = 0; current && depth < 3; depth++) {
    if (typeof current !== "object") return null;
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
