import { AppError, appErrorCodes, type AppErrorCode } from "@/lib/model/app-error";

/**
 * What the layer keeps of one LeadLex answer, as stored (sealed) bytes. The format's version is in
 * the entry kind, so replicas of two releases sharing one Redis never read each other's shapes.
 */
export const ANSWER_KIND = "answer1";
/** In-flight failures, shared only with callers that were waiting for that very call. */
export const FAILURE_KIND = "failure1";

export type AnswerEntry =
  | { outcome: "ok"; value: unknown; fetchedAtMs: number }
  | { outcome: "not_found"; requestId: string | null; fetchedAtMs: number };

export interface FailureEntry {
  code: AppErrorCode;
  message: string;
  requestId: string | null;
  retryAfterSeconds: number | null;
  failedAtMs: number;
}

export function encodeEntry(entry: AnswerEntry | FailureEntry): Buffer {
  return Buffer.from(JSON.stringify(entry), "utf8");
}

/** Null for anything this release did not write: the caller drops it and fetches again. */
export function decodeAnswer(bytes: Buffer): AnswerEntry | null {
  const entry = parse(bytes);
  if (!entry || typeof entry.fetchedAtMs !== "number") return null;
  if (entry.outcome === "ok" && typeof entry.value === "object" && entry.value !== null) {
    return { outcome: "ok", value: entry.value, fetchedAtMs: entry.fetchedAtMs };
  }
  if (entry.outcome === "not_found") {
    const requestId = typeof entry.requestId === "string" ? entry.requestId : null;
    return { outcome: "not_found", requestId, fetchedAtMs: entry.fetchedAtMs };
  }
  return null;
}

export function decodeFailure(bytes: Buffer): FailureEntry | null {
  const entry = parse(bytes);
  if (
    !entry ||
    typeof entry.code !== "string" ||
    !(appErrorCodes as readonly string[]).includes(entry.code) ||
    typeof entry.message !== "string" ||
    typeof entry.failedAtMs !== "number"
  ) {
    return null;
  }
  return {
    code: entry.code as AppErrorCode,
    message: entry.message,
    requestId: typeof entry.requestId === "string" ? entry.requestId : null,
    retryAfterSeconds: typeof entry.retryAfterSeconds === "number" ? entry.retryAfterSeconds : null,
    failedAtMs: entry.failedAtMs,
  };
}

export function failureOf(error: AppError, failedAtMs: number): FailureEntry {
  return {
    code: error.code,
    message: error.message,
    requestId: error.requestId,
    retryAfterSeconds: error.retryAfterSeconds,
    failedAtMs,
  };
}

export function errorOf(failure: FailureEntry): AppError {
  return new AppError(failure.code, {
    message: failure.message,
    requestId: failure.requestId,
    retryAfterSeconds: failure.retryAfterSeconds,
  });
}

function parse(bytes: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(bytes.toString("utf8"));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
