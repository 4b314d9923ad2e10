/**
 * Where to go after connecting. Only a path on this site is accepted: `//evil.com`, `/\evil.com`,
 * `https://…`, `javascript:` and anything with control characters fall back to the home page, so
 * `/connect?next=` can never become an open redirect.
 *
 * The value is normalised first (dot segments, `%2e`), and the rule is applied to the result: a
 * single leading `/` followed by something other than `/` or `\`. Checking only the raw text let
 * `/.//evil.com` through, which normalises to the protocol-relative `//evil.com`.
 */
const FALLBACK = "/";
const PROBE_ORIGIN = "http://runboard.invalid";
const LOCAL_PATH = /^\/(?![/\\])/;

export function safeNextPath(raw: unknown): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2_000) return FALLBACK;
  // Backslashes and control characters are refused outright: URL parsing would turn `\` into `/`
  // and drop tabs and newlines, so what the check saw would not be what a browser follows.
  if (!LOCAL_PATH.test(raw) || /[\\\u0000-\u001f\u007f]/.test(raw)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== PROBE_ORIGIN) return FALLBACK;
  const normalised = `${url.pathname}${url.search}${url.hash}`;
  if (!LOCAL_PATH.test(normalised)) return FALLBACK;
  // Returning to the connect page itself would loop.
  if (url.pathname === "/connect" || url.pathname.startsWith("/connect/")) return FALLBACK;
  return normalised;
}

/** `/connect?next=<path>` for a page that needs a key. */
export function connectUrlFor(returnTo: string): string {
  const next = safeNextPath(returnTo);
  return next === FALLBACK ? "/connect" : `/connect?${new URLSearchParams({ next })}`;
}
