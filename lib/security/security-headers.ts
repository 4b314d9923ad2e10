/**
 * The response headers every page carries. Scripts run only with this request's nonce (Next adds
 * it to its own scripts); inline style attributes stay allowed because React renders them for
 * sizes such as the duration bars, and styles cannot run code.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function staticSecurityHeaders(production: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** For answers that are not pages (JSON, refusals): no scripts, no framing, nothing to load. */
export const NON_PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The host a request was sent to. `X-Forwarded-Host` is read only when a configured setting says a
 * reverse proxy sets it: otherwise any client could name the host it wants compared with Origin.
 */
export function requestHost(headers: Headers, trustForwardedHost: boolean): string {
  const forwarded = trustForwardedHost ? headers.get("x-forwarded-host") : null;
  return (forwarded ?? headers.get("host") ?? "").split(",")[0]?.trim() ?? "";
}

/**
 * True for a state-changing request (any method but GET, HEAD and OPTIONS) that another site made:
 * the browser labels it `Sec-Fetch-Site: cross-site` / `same-site`, or its `Origin` names a host
 * other than the one it was sent to (see `requestHost`). A request with neither header is not from
 * a browser page, so it carries no victim's cookie and passes, as Next lets it.
 */
export function isCrossOriginWrite(
  method: string,
  headers: Headers,
  trustForwardedHost = false,
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const site = headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return true;
  const origin = headers.get("origin");
  if (origin === null) return false;
  try {
    return new URL(origin).host !== requestHost(headers, trustForwardedHost);
  } catch {
    // "null" (a sandboxed frame, a data: URL) or garbage: never our own page.
    return true;
  }
}
