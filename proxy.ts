import { NextResponse, type NextRequest } from "next/server";
import { serverEnv } from "@/lib/config/server-env";
import { AppError } from "@/lib/model/app-error";
import {
  isServerActionPost,
  refuseActionBody,
  refuseActionHeaders,
} from "@/lib/security/server-action-post";
import {
  contentSecurityPolicy,
  isCrossOriginWrite,
  NON_PAGE_CONTENT_SECURITY_POLICY,
  requestHost,
  staticSecurityHeaders,
} from "@/lib/security/security-headers";
import { logServerEvent } from "@/lib/server-log";
import { sessionCookieName } from "@/lib/session/cookie-name";
import { connectUrlFor } from "@/lib/session/safe-next-path";

/**
 * Adds a per-request CSP nonce and the security headers to every response, and turns away
 * malformed, internal and cross-site requests before any page or handler runs (each with a 4xx and
 * one log line). This is not an authorisation layer: pages and route handlers check the session
 * themselves.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const production = process.env.NODE_ENV === "production";
  const api = request.nextUrl.pathname.startsWith("/api/");
  const { TRUST_FORWARDED_HOST: trustForwardedHost } = serverEnv();

  // Next decodes dynamic segments itself and answers a bare 500 on `%ff` or a lone `%`; a path
  // that cannot be decoded is the client's mistake, so it gets a 400 that says so.
  if (!isDecodablePath(request.nextUrl.pathname)) {
    return refuse(
      request,
      new AppError("bad_request", { message: "The address contains malformed percent-encoding." }),
      production,
    );
  }

  // Next's own routes (`/_global-error` answered 500) and its image optimizer (it fetched any page
  // it was pointed at, and logged the address given) are not addresses of Runboard's.
  if (isNextInternalPath(request.nextUrl.pathname)) {
    return refuse(
      request,
      new AppError("not_found", { message: "There is no such page." }),
      production,
    );
  }

  // Server Actions check Origin too, but answer a forged post with a 500 and an error log; every
  // state-changing request from another site stops here with a 403 instead.
  if (isCrossOriginWrite(request.method, request.headers, trustForwardedHost)) {
    return refuse(request, new AppError("cross_site_refused"), production);
  }

  if (!api && isServerActionPost(request.method, request.headers)) {
    return checkActionPost(request, production, trustForwardedHost);
  }

  // Our API is for our own pages. Browsers label cross-site requests; refuse them outright.
  if (api && request.headers.get("sec-fetch-site") === "cross-site") {
    return refuse(request, new AppError("cross_site_refused"), production);
  }

  // A page opened without any session cookie goes straight to /connect with a real 307. Pages
  // still check the session themselves (a forged or expired cookie gets past this test).
  if (needsConnecting(request, production)) {
    const next = `${request.nextUrl.pathname}${request.nextUrl.search}`;
    const response = NextResponse.redirect(new URL(connectUrlFor(next), request.url), 307);
    response.headers.set("Cache-Control", "private, no-store");
    return withHeaders(response, production);
  }

  return passOn(request, production, trustForwardedHost);
}

function passOn(request: NextRequest, production: boolean, trustForwardedHost: boolean) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, !production);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // Next's own Server Action check reads X-Forwarded-Host first; unless it is trusted, make that
  // check see the host this one compared with, so the two can never disagree.
  if (!trustForwardedHost) {
    requestHeaders.set("x-forwarded-host", requestHost(request.headers, false));
  }

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // Everything this proxy sees is per-user or per-request (a nonce, at least). Pages and handlers
  // set this themselves; the default covers what Next answers on its own, such as the redirect
  // that adds `?_rsc` to an RSC request.
  response.headers.set("Cache-Control", "private, no-store");
  return withHeaders(response, production);
}

/**
 * Only a Server Action post waits here, for its body: one Next could not decode is the client's
 * mistake, and gets a 4xx rather than Next's 500.
 */
async function checkActionPost(
  request: NextRequest,
  production: boolean,
  trustForwardedHost: boolean,
): Promise<NextResponse> {
  const refusal = refuseActionHeaders(request.headers) ?? (await refuseActionBody(request));
  if (refusal) {
    const error = new AppError("bad_request", { message: refusal.message });
    return refuse(request, error, production, refusal.status);
  }
  return passOn(request, production, trustForwardedHost);
}

/** `/_next/image`, and a first segment starting with `_` outside `/_next/` (Next's own routes). */
function isNextInternalPath(pathname: string): boolean {
  return pathname === "/_next/image" || /^\/_(?!next\/)/.test(pathname);
}

/** Only full page loads: not the API, the connect page itself, Server Actions or RSC fetches. */
function needsConnecting(request: NextRequest, production: boolean): boolean {
  const { pathname } = request.nextUrl;
  return (
    request.method === "GET" &&
    !pathname.startsWith("/api/") &&
    pathname !== "/connect" &&
    !request.headers.has("rsc") &&
    !request.cookies.has(sessionCookieName(production))
  );
}

function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** Our JSON error body for the API; plain text elsewhere (no page to render it in). */
/**
 * One line per refused request, and never a stack: the client erred, not the server. `status`
 * differs from the code's own only for transport refusals (411 no length, 413 too large).
 */
function refuse(
  request: NextRequest,
  error: AppError,
  production: boolean,
  status: number = error.status,
) {
  const api = request.nextUrl.pathname.startsWith("/api/");
  logServerEvent("warn", "request_refused", {
    status,
    method: request.method,
    path: request.nextUrl.pathname,
    reason: error.message,
  });
  const headers = { "Cache-Control": "private, no-store" };
  const response = api
    ? NextResponse.json(error.toBody(), { status, headers })
    : new NextResponse(`${error.message}\n`, {
        status,
        headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
      });
  response.headers.set("Content-Security-Policy", NON_PAGE_CONTENT_SECURITY_POLICY);
  return withHeaders(response, production);
}

function withHeaders(response: NextResponse, production: boolean): NextResponse {
  for (const [name, value] of Object.entries(staticSecurityHeaders(production))) {
    response.headers.set(name, value);
  }
  return response;
}

/**
/**
 * Pages always pass through here, and so does `/_next/image` (to be refused). Our own API calls
 * (same-origin GETs, no `Origin` header) skip it: invoking the proxy has a cost of its own (see the
 * README's performance section), and those calls carry a budget of 1 ms over LeadLex's latency.
 * API requests that need its checks still come here: anything cross-site, anything with an
 * `Origin` (every write, every CORS request) and any path with a percent sign (possibly undecodable).
 */
export const config = {
  matcher: [
    // The app's icons (public/) are the same for everyone, signed in or not.
    "/((?!api/|_next/static|favicon.ico|icon.svg|apple-touch-icon.png).*)",
    {
      source: "/api/:path*",
      has: [{ type: "header", key: "sec-fetch-site", value: "cross-site" }],
    },
    { source: "/api/:path*", has: [{ type: "header", key: "origin" }] },
    "/api/(.*%.*)",
  ],
};
