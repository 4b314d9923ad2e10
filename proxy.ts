import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/model/app-error";
import {
  contentSecurityPolicy,
  isCrossOriginWrite,
  NON_PAGE_CONTENT_SECURITY_POLICY,
  staticSecurityHeaders,
} from "@/lib/security/security-headers";
import { sessionCookieName } from "@/lib/session/cookie-name";
import { connectUrlFor } from "@/lib/session/safe-next-path";

/**
 * Adds a per-request CSP nonce and the security headers to every response, and turns away three
 * kinds of request before any page or handler runs. This is not an authorisation layer: pages and
 * route handlers check the session themselves.
 */
export function proxy(request: NextRequest) {
  const production = process.env.NODE_ENV === "production";
  const api = request.nextUrl.pathname.startsWith("/api/");

  // Next decodes dynamic segments itself and answers a bare 500 on `%ff` or a lone `%`; a path
  // that cannot be decoded is the client's mistake, so it gets a 400 that says so.
  if (!isDecodablePath(request.nextUrl.pathname)) {
    return refuse(
      new AppError("bad_request", { message: "The address contains malformed percent-encoding." }),
      api,
      production,
    );
  }

  // Server Actions check Origin too, but answer a forged post with a 500 and an error log; every
  // state-changing request from another site stops here with a 403 instead.
  if (isCrossOriginWrite(request.method, request.headers)) {
    return refuse(new AppError("cross_site_refused"), api, production);
  }

  // Our API is for our own pages. Browsers label cross-site requests; refuse them outright.
  if (api && request.headers.get("sec-fetch-site") === "cross-site") {
    return refuse(new AppError("cross_site_refused"), api, production);
  }

  // A page opened without any session cookie goes straight to /connect with a real 307. Pages
  // still check the session themselves (a forged or expired cookie gets past this test).
  if (needsConnecting(request, production)) {
    const next = `${request.nextUrl.pathname}${request.nextUrl.search}`;
    const response = NextResponse.redirect(new URL(connectUrlFor(next), request.url), 307);
    response.headers.set("Cache-Control", "private, no-store");
    return withHeaders(response, production);
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, !production);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // Everything this proxy sees is per-user or per-request (a nonce, at least). Pages and handlers
  // set this themselves; the default covers what Next answers on its own, such as the redirect
  // that adds `?_rsc` to an RSC request.
  response.headers.set("Cache-Control", "private, no-store");
  return withHeaders(response, production);
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
function refuse(error: AppError, api: boolean, production: boolean) {
  const headers = { "Cache-Control": "private, no-store" };
  const response = api
    ? NextResponse.json(error.toBody(), { status: error.status, headers })
    : new NextResponse(`${error.message}\n`, {
        status: error.status,
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
 * Pages always pass through here. Our own API calls (same-origin GETs, no `Origin` header) skip it:
 * invoking the proxy has a cost of its own (see the README's performance section), and those calls
 * carry a budget of 1 ms over LeadLex's latency.
 * API requests that need its checks still come here: anything cross-site, anything with an
 * `Origin` (every write, every CORS request) and any path with a percent sign (possibly undecodable).
 */
export const config = {
  matcher: [
    // The app's icons (public/) are the same for everyone, signed in or not.
    "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|apple-touch-icon.png).*)",
    {
      source: "/api/:path*",
      has: [{ type: "header", key: "sec-fetch-site", value: "cross-site" }],
    },
    { source: "/api/:path*", has: [{ type: "header", key: "origin" }] },
    "/api/(.*%.*)",
  ],
};
