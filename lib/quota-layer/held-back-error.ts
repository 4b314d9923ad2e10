import { AppError } from "@/lib/model/app-error";
import type { RequestPriority } from "@/lib/model/request-priority";

/**
 * The layer did not send a low-priority call, to keep the key's quota for people's own clicks.
 * A 429 to whoever asked (a prefetch, the run index), with the time after which it may try again.
 */
export class HeldBackError extends AppError {
  readonly priority: RequestPriority;
  readonly retryAfterMs: number;

  constructor(priority: RequestPriority, retryAfterMs: number) {
    super("rate_limited", {
      message: `Runboard held back this ${priority} request to keep the key's LeadLex quota for your own clicks.`,
      retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
    });
    this.priority = priority;
    this.retryAfterMs = retryAfterMs;
  }
}
