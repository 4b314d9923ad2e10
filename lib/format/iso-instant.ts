/**
 * Strict ISO 8601 instants. `Date.parse` accepts `2026-02-30` (as 2 March) and many non-ISO forms,
 * so links and query values are checked field by field instead: an impossible date is an error,
 * never a silently shifted one. Shared by the server and the browser.
 */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** The earliest and latest instants Runboard will send upstream. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2200;

/** Parses an ISO 8601 instant with a zone designator; null when it is not one or is impossible. */
export function parseIsoInstant(value: string): Date | null {
  const match = ISO_INSTANT.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s = "0", , zone = "Z"] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  if (zone !== "Z") {
    const zoneHours = Number(zone.slice(1, 3));
    const zoneMinutes = Number(zone.slice(4, 6));
    if (zoneHours * 60 + zoneMinutes > 14 * 60 || zoneMinutes > 59) return null;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The one form Runboard writes: UTC, second precision, `Z` (e.g. `2026-04-17T09:31:00Z`). */
export function toIsoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
