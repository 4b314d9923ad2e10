import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, staticSecurityHeaders } from "@/lib/security/security-headers";

/**
 * Adds a per-request CSP nonce and the security headers to every response. This is not an
 * authorisation layer: pages and route handlers check the session themselves.
 */
export function proxy(request: NextRequest) {
  const production = process.env.NODE_ENV === "production";

  // Our API is for our own pages. Browsers label cross-site requests; refuse them outright.
  if (
    request.nextUrl.pathname.startsWith("/api/") &&
    request.headers.get("sec-fetch-site") === "cross-site"
  ) {
    return withHeaders(
      NextResponse.json(
        {
          error: {
            code: "bad_request",
            message: "Cross-site requests are not accepted.",
            requestId: null,
            retryAfterSeconds: null,
          },
        },
        { status: 403, headers: { "Cache-Control": "private, no-store" } },
      ),
      production,
    );
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, !production);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return withHeaders(response, production);
}

function withHeaders(response: NextResponse, production: boolean): NextResponse {
  for (const [name, value] of Object.entries(staticSecurityHeaders(production))) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
