/**
 * The error model as it crosses to the browser: the codes, and the body our server answers with.
 * The browser works with these plain values and never builds an `AppError`: the error vocabulary
 * (titles, messages, actions) is then needed only by the error states, which load on demand, and
 * stays out of every page's first-load JavaScript.
 */
export const appErrorCodes = [
  "not_connected",
  "invalid_key",
  "key_expired",
  "insufficient_permissions",
  "not_found",
  "bad_request",
  "cross_site_refused",
  "rate_limited",
  "too_many_attempts",
  "confirmation_required",
  "upstream_unavailable",
  "upstream_timeout",
  "upstream_invalid_response",
  "internal_error",
] as const;

export type AppErrorCode = (typeof appErrorCodes)[number];

export interface AppErrorDetails {
  code: AppErrorCode;
  /** Empty when there is nothing to add to the code's own words (`lib/model/error-vocabulary.ts`). */
  message: string;
  requestId: string | null;
  retryAfterSeconds: number | null;
}

export interface AppErrorBody {
  error: AppErrorDetails;
}

/**
 * Checks that a response body is our own error body. Written by hand rather than with zod, because
 * it runs in the browser, where every kilobyte of library is paid for on each first load.
 */
export function parseAppErrorBody(value: unknown): AppErrorBody | null {
  if (typeof value !== "object" || value === null || !("error" in value)) return null;
  const error: unknown = value.error;
  if (typeof error !== "object" || error === null) return null;
  const { code, message, requestId, retryAfterSeconds } = error as Record<string, unknown>;
  if (typeof code !== "string" || !(appErrorCodes as readonly string[]).includes(code)) return null;
  if (typeof message !== "string") return null;
  if (requestId !== null && typeof requestId !== "string") return null;
  if (
    retryAfterSeconds !== null &&
    !(
      typeof retryAfterSeconds === "number" &&
      Number.isInteger(retryAfterSeconds) &&
      retryAfterSeconds >= 0
    )
  ) {
    return null;
  }
  return {
    error: { code: code as AppErrorCode, message, requestId, retryAfterSeconds },
  };
}

/** A failed call to our own API, as the browser's fetcher throws it. */
export class ApiFailure extends Error {
  constructor(readonly details: AppErrorDetails) {
    super(details.message);
    this.name = "ApiFailure";
  }
}

/** Anything the browser caught, as error details; what is not ours is Runboard's own failure. */
export function toErrorDetails(error: unknown): AppErrorDetails {
  if (error instanceof ApiFailure) return error.details;
  return { code: "internal_error", message: "", requestId: null, retryAfterSeconds: null };
}
