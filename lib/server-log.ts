import "server-only";

/**
 * Structured one-line logs. Callers pass only what is safe to keep: codes, statuses, request ids,
 * route names, and at most a request's method and path. Never a key, a cookie, an upstream body or
 * a full upstream URL with its query.
 *
 * Whatever a field holds, the line stays one line of JSON that a terminal shows as it is:
 * JSON.stringify escapes CR, LF, ESC and the other C0 controls; DEL, the C1 controls (U+009B
 * starts a terminal escape sequence too), the line and paragraph separators and the bidi overrides
 * are escaped here; and long values are cut, so a request cannot flood the log.
 */
type Level = "info" | "warn" | "error";
type Fields = Record<string, string | number | boolean | null | undefined>;

const MAX_FIELD_CHARACTERS = 300;
const UNSAFE_FOR_TERMINALS =
  /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function logServerEvent(level: Level, event: string, fields: Fields = {}): void {
  const line = formatLogLine(level, event, fields, new Date());
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.info(line);
}

export function formatLogLine(level: Level, event: string, fields: Fields, time: Date): string {
  const cut = Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [
      name,
      typeof value === "string" && value.length > MAX_FIELD_CHARACTERS
        ? `${value.slice(0, MAX_FIELD_CHARACTERS)}…`
        : value,
    ]),
  );
  return JSON.stringify({ time: time.toISOString(), level, event, ...cut }).replace(
    UNSAFE_FOR_TERMINALS,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
