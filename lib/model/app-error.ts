/**
 * The one error model of Runboard. Every failure, upstream or local, becomes one of these codes
 * before it reaches a page or a response body; upstream bodies and headers are never passed on.
 * This module is shared by the server and the browser, so it holds no secrets and no server code.
 */
export const appErrorCodes = [
  "not_connected",
  "invalid_key",
  "key_expired",
  "insufficient_permissions",
  "not_found",
  "bad_request",
  "rate_limited",
  "upstream_unavailable",
  "upstream_timeout",
  "upstream_invalid_response",
  "internal_error",
] as const;

export type AppErrorCode = (typeof appErrorCodes)[number];

const httpStatusByCode: Record<AppErrorCode, number> = {
  not_connected: 401,
  invalid_key: 401,
  key_expired: 401,
  insufficient_permissions: 403,
  not_found: 404,
  bad_request: 400,
  rate_limited: 429,
  upstream_unavailable: 502,
  upstream_timeout: 504,
  upstream_invalid_response: 502,
  internal_error: 500,
};

/** What the user reads. Specific about what happened and what to do next. */
const defaultMessageByCode: Record<AppErrorCode, string> = {
  not_connected: "Connect a LeadLex API key to see workflow runs.",
  invalid_key:
    "LeadLex rejected your API key: it is unknown or has been revoked. Reconnect with a valid key.",
  key_expired: "Your LeadLex API key has expired. Create a new key in LeadLex and reconnect.",
  insufficient_permissions:
    "Your API key lacks the read:workflows permission. Ask a LeadLex admin for a key with that scope, then reconnect.",
  not_found: "Workflow not found. It may have been deleted, or it belongs to another workspace.",
  bad_request: "The request had an invalid value.",
  rate_limited: "LeadLex rate limit reached for this key.",
  upstream_unavailable: "LeadLex is not answering right now. This is usually brief; try again.",
  upstream_timeout: "LeadLex took too long to answer. Try again in a moment.",
  upstream_invalid_response:
    "LeadLex sent a response Runboard could not read. Nothing was changed; try again, and report the request id if it persists.",
  internal_error: "Something went wrong inside Runboard. Try again.",
};

/** True for failures that may succeed if the same request is simply repeated later. */
export function isRetryable(code: AppErrorCode): boolean {
  return (
    code === "rate_limited" ||
    code === "upstream_unavailable" ||
    code === "upstream_timeout" ||
    code === "upstream_invalid_response" ||
    code === "internal_error"
  );
}

export interface AppErrorBody {
  error: {
    code: AppErrorCode;
    message: string;
    requestId: string | null;
    retryAfterSeconds: number | null;
  };
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

export interface AppErrorInit {
  message?: string;
  /** LeadLex's `X-Request-ID`, when the upstream answered at all. */
  requestId?: string | null;
  retryAfterSeconds?: number | null;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  readonly requestId: string | null;
  readonly retryAfterSeconds: number | null;

  constructor(code: AppErrorCode, init: AppErrorInit = {}) {
    super(init.message ?? defaultMessageByCode[code], { cause: init.cause });
    this.name = "AppError";
    this.code = code;
    this.status = httpStatusByCode[code];
    this.requestId = init.requestId ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  toBody(): AppErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        requestId: this.requestId,
        retryAfterSeconds: this.retryAfterSeconds,
      },
    };
  }

  static fromBody(body: AppErrorBody): AppError {
    return new AppError(body.error.code, {
      message: body.error.message,
      requestId: body.error.requestId,
      retryAfterSeconds: body.error.retryAfterSeconds,
    });
  }
}

/** Anything thrown that is not already an AppError is reported as ours, without its details. */
export function toAppError(error: unknown): AppError {
  return error instanceof AppError ? error : new AppError("internal_error", { cause: error });
}

export function defaultMessageFor(code: AppErrorCode): string {
  return defaultMessageByCode[code];
}
