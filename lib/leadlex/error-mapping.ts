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
      return new AppError("upstream_timeout", {
        requestId,
        message: "LeadLex's gateway timed out (HTTP 504). Try again in a moment.",
      });
  }
  // Each 5xx says which failure it was: "internal error" and "unavailable" call for different
  // patience, and the status is what LeadLex support will ask for along with the request id.
  if (status === 502 || status === 503) {
    return new AppError("upstream_unavailable", {
      requestId,
      message: `LeadLex is temporarily unavailable (HTTP ${status}). This is usually brief; try again in a moment.`,
    });
  }
  if (status >= 500) {
    return new AppError("upstream_unavailable", {
      requestId,
      message: `LeadLex reported an internal error (HTTP ${status}). Try again; if it persists, quote the request id to LeadLex support.`,
    });
  }
  return new AppError("upstream_invalid_response", {
    requestId,
    message: `LeadLex answered with an unexpected status (HTTP ${status}). Nothing was changed; try again, and quote the request id if it persists.`,
  });
}

function upstreamMessage(bodyText: string): string {
  try {
    const parsed = wireErrorSchema.safeParse(JSON.parse(bodyText));
    return parsed.success ? (parsed.data.error.message ?? "").toLowerCase() : "";
  } catch {
    return "";
  }
}
