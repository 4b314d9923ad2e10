import {
  appErrorCodes,
  parseAppErrorBody,
  type AppErrorBody,
  type AppErrorCode,
} from "./app-error-body";
import { errorWordsFor } from "./error-vocabulary";

/**
 * The one error model of Runboard. Every failure, upstream or local, becomes one of these codes
 * before it reaches a page or a response body; upstream bodies and headers are never passed on.
 * It holds no secrets and no server code; the browser, though, works with the plain body
 * (`app-error-body.ts`) rather than with this class.
 */
export { appErrorCodes, parseAppErrorBody, type AppErrorBody, type AppErrorCode };

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
}

/** Anything thrown that is not already an AppError is reported as ours, without its details. */
export function toAppError(error: unknown): AppError {
  return error instanceof AppError ? error : new AppError("internal_error", { cause: error });
}
