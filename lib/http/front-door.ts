import "server-only";
import { Server, type IncomingMessage, type ServerResponse } from "node:http";
import {
  NON_PAGE_CONTENT_SECURITY_POLICY,
  staticSecurityHeaders,
} from "@/lib/security/security-headers";
import { logServerEvent } from "@/lib/server-log";
import { stampClientAddress } from "./client-address";
import { refusalForRequestLine } from "./request-line";
import { runForRequest } from "./request-lifetime";

/**
 * The first code to see each request, ahead of Next's router, installed once at start-up from
 * `instrumentation.ts`. It does two things Next gives no hook for:
 * - answers the requests Next fails on before `proxy.ts` can run (`OPTIONS *` and `TRACE` were
 *   500s; an absolute-form target was redirected to the host it named) with a 4xx or 501;
 * - gives every response the security headers, including those Next writes without the proxy:
 *   its 308s for `//` and trailing slashes, `/_next/static`, anything outside the proxy's matcher.
 *   Pages and JSON answers then set their own Content-Security-Policy over the default here;
 * - records the socket's address (`client-address.ts`) and the request's lifetime
 *   (`request-lifetime.ts`) for the code behind it, which Next does not pass on.
 *
 * `next start` owns the HTTP server, so the hook is on `http.Server.prototype.emit` ("request"
 * events only), the way instrumentation agents attach; apart from that header, nothing about a
 * request changes.
 */
const INSTALLED = Symbol.for("runboard.front-door");

type Emit = Server["emit"];

export function installFrontDoor(production: boolean): void {
  const prototype = Server.prototype as Server & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  prototype[INSTALLED] = true;

  const baseline: Record<string, string> = {
    ...staticSecurityHeaders(production),
    "Content-Security-Policy": NON_PAGE_CONTENT_SECURITY_POLICY,
  };
  const emit: Emit = prototype.emit;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      for (const [name, value] of Object.entries(baseline)) response.setHeader(name, value);
      if (refuseAtTheDoor(request, response)) return true;
      stampClientAddress(request);
      return runForRequest(response, () => Reflect.apply(emit, this, [event, ...args]) as boolean);
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as Emit;
}

/** True when the request was answered here. */
function refuseAtTheDoor(request: IncomingMessage, response: ServerResponse): boolean {
  const refusal = refusalForRequestLine(request.method ?? "", request.url ?? "");
  if (refusal === null) return false;
  logServerEvent("warn", "request_refused", {
    status: refusal.status,
    method: request.method,
    // Without its query, which is where anything secret in an address would be.
    target: (request.url ?? "").split("?")[0],
    reason: refusal.reason,
  });
  response.statusCode = refusal.status;
  response.setHeader("Cache-Control", "private, no-store");
  response.setHeader("Content-Type", "text/plain; charset=utf-8");
  if (refusal.allow) response.setHeader("Allow", refusal.allow);
  // The body is never read; closing keeps an unread body from being taken as the next request.
  response.setHeader("Connection", "close");
  response.end(`${refusal.message}\n`);
  return true;
}
