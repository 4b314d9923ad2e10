/**
 * Where to go after connecting. Only a path on this site is accepted: `//evil.com`, `/\evil.com`,
 * `https://…`, `javascript:` and anything with control characters fall back to the home page, so
 * `/connect?next=` can never become an open redirect.
 */
const FALLBACK = "/";
const PROBE_ORIGIN = "http://runboard.invalid";

export function safeNextPath(raw: unknown): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2_000) return FALLBACK;
  if (!raw.startsWith("/") || raw.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(raw)) {
    return FALLBACK;
  }
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== PROBE_ORIGIN) return FALLBACK;
  // Returning to the connect page itself would loop.
  if (url.pathname === "/connect" || url.pathname.startsWith("/connect/")) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `/connect?next=<path>` for a page that needs a key. */
export function connectUrlFor(returnTo: string): string {
  const next = safeNextPath(returnTo);
  return next === FALLBACK ? "/connect" : `/connect?${new URLSearchParams({ next })}`;
}
