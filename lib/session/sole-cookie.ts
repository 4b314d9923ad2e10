/**
 * The value of the one cookie called `name` in a `Cookie` header, or null when there is none or
 * more than one. Two session cookies mean someone else planted one (from a sibling host, or a
 * client that is not a browser); which of them a parser keeps is an accident, so neither is used.
 * Next's own `cookies()` silently keeps the last one, which is why the raw header is read here.
 */
export function soleCookieValue(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  let found: string | null = null;
  for (const pair of cookieHeader.split(";")) {
    const separator = pair.indexOf("=");
    if (separator < 0 || pair.slice(0, separator).trim() !== name) continue;
    if (found !== null) return null;
    found = pair.slice(separator + 1).trim();
  }
  return found;
}
