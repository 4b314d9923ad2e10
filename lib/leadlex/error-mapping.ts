import "server-only";
import { AppError } from "@/lib/model/app-error";
import { readRequestId, readRetryAfterSeconds } from "./rate-limit-headers";
import { wireErrorSchema } from "./wire-schemas";

/**
 * Turns a non-2xx LeadLex answer into our error model. The upstream's own message is read only to
 * tell an expired key from an unknown one; it is never shown or passed on.
 */
export function appErrorFromResponse(
  status: number,
  headers: Headers,
  bodyText: string,
  nowMs: number,
): AppError {
  const requestId = readRequestId(headers);
  if (status >= 300 && status < 400) {
    return new AppError("upstream_invalid_response", {
      requestId,
      message:
        "LeadLex answered with a redirect, which Runboard never follows. Check LEADLEX_API_URL, then try again.",
    });
  }
  switch (status) {
    case 400:
      return new AppError("bad_request", {
        requestId,
        message: "LeadLex refused a value in the request.",
      });
    case 401:
      return new AppError(
        upstreamMessage(bodyText).includes("expire") ? "key_expired" : "invalid_key",
        {
          requestId,
        },
      );
    case 403:
      return new AppError("insufficient_permissions", { requestId });
    case 404:
      return new AppError("not_found", { requestId });
    case 429:
      return new AppError("rate_limited", {
        requestId,
        retryAfterSeconds: readRetryAfterSeconds(headers, nowMs),
      });
    case 504:
      return new AppError("upstream_timeout", { requestId });
  }
  if (status >= 500) return new AppError("upstream_unavailable", { requestId });
  return new AppError("upstream_invalid_response", { requestId });
}

function upstreamMessage(bodyText: string): string {
  try {
    const parsed = wireErrorSchema.safeParse(JSON.parse(bodyText));
    return parsed.success ? (parsed.data.error.message ?? "").toLowerCase() : "";
  } catch {
    return "";
  }
}
