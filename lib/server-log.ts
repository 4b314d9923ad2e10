import "server-only";

/**
 * Structured one-line logs. Callers pass only what is safe to keep: codes, statuses, request ids,
 * route names. Never a key, a cookie, an upstream body or a full upstream URL with its query.
 */
type Level = "info" | "warn" | "error";
type Fields = Record<string, string | number | boolean | null | undefined>;

export function logServerEvent(level: Level, event: string, fields: Fields = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.info(line);
}
