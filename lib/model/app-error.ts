import { appErrorCodes, errorWordsFor, type AppErrorCode } from "./error-vocabulary";

/**
 * The one error model of Runboard. Every failure, upstream or local, becomes one of these codes
 * before it reaches a page or a response body; upstream bodies and headers are never passed on.
 * This module is shared by the server and the browser, so it holds no secrets and no server code.
 */
export { appErrorCodes, type AppErrorCode };

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
    super(init.message ?? errorWordsFor(code).message, { cause: init.cause });
    this.name = "AppError";
    this.code = code;
    this.status = errorWordsFor(code).status;
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
