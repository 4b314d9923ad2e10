import "server-only";
import { AppError, toAppError } from "@/lib/model/app-error";
import {
  NON_PAGE_CONTENT_SECURITY_POLICY,
  staticSecurityHeaders,
} from "@/lib/security/security-headers";
import { logServerEvent } from "@/lib/server-log";

/**
 * Every JSON answer of our route handlers goes through here, so none can forget the headers that
 * keep per-user data out of shared caches, and no error can carry more than our own error body.
 * Our own API calls skip `proxy.ts` (see its matcher), so the hardening headers are set here too.
 */
const PRIVATE_HEADERS: Record<string, string> = {
  ...staticSecurityHeaders(process.env.NODE_ENV === "production"),
  "Content-Security-Policy": NON_PAGE_CONTENT_SECURITY_POLICY,
  "Cache-Control": "private, no-store",
  "Content-Type": "application/json; charset=utf-8",
};

export function jsonOk(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: PRIVATE_HEADERS });
}

export function jsonError(error: unknown, route: string): Response {
  // The browser went away (a navigation cancels its fetch) and the gateway stopped at once. Not a
  // failure of ours: without this it would be logged as an internal error on every quick click.
  if (isClientAbort(error)) {
    logServerEvent("info", "request_aborted", { route });
    // nginx's "client closed request"; nobody is left to read it.
    return new Response(null, { status: 499, headers: PRIVATE_HEADERS });
  }
  const appError = toAppError(error);
  logServerEvent(appError.status >= 500 ? "error" : "warn", "request_failed", {
    route,
    code: appError.code,
    status: appError.status,
    requestId: appError.requestId,
    // Only our own errors' causes are logged by kind, never by content.
    cause: appError.cause instanceof Error ? appError.cause.name : undefined,
  });
  const headers: Record<string, string> = { ...PRIVATE_HEADERS };
  if (appError.retryAfterSeconds !== null)
    headers["Retry-After"] = String(appError.retryAfterSeconds);
  return new Response(JSON.stringify(appError.toBody()), { status: appError.status, headers });
}

function isClientAbort(error: unknown): boolean {
  // Next aborts `request.signal` with its own `ResponseAborted` when the browser cancels a fetch
  // (a "still waiting…" Cancel does); a call waiting on that signal rejects with it.
  return (
    error instanceof Error && (error.name === "AbortError" || error.name === "ResponseAborted")
  );
}

export { AppError };
