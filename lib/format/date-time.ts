/**
 * Every date and time Runboard shows is formatted here, with a pinned locale (date-fns' en-US month
 * names) and an explicit time zone, so the server and the browser produce the same string and
 * hydration never mismatches.
 */
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

export const UTC = "UTC";

/** `17 Apr 2026, 09:31:00` in the given zone. */
export function formatDateTime(iso: string, timeZone: string): string {
  return format(new TZDate(iso, timeZone), "d MMM yyyy, HH:mm:ss");
}

/** `17 Apr, 09:31` — compact, for table cells. The year is added when it is not `now`'s year. */
export function formatShortDateTime(iso: string, timeZone: string, nowIso: string): string {
  const date = new TZDate(iso, timeZone);
  const sameYear = date.getFullYear() === new TZDate(nowIso, timeZone).getFullYear();
  return format(date, sameYear ? "d MMM, HH:mm" : "d MMM yyyy, HH:mm");
}

/** The zone's offset at that instant, e.g. `UTC`, `UTC+02:00`. */
export function formatZoneOffset(iso: string, timeZone: string): string {
  if (timeZone === UTC) return "UTC";
  return `UTC${format(new TZDate(iso, timeZone), "xxx")}`;
}

/** `2026-04-17 09:31:00 UTC` — unambiguous, for tooltips and copying. */
export function formatExactUtc(iso: string): string {
  return `${format(new TZDate(iso, UTC), "yyyy-MM-dd HH:mm:ss")} UTC`;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `just now`, `45 s ago`, `12 min ago`, `3 h ago`, `5 d ago`; in the future, `in 3 min`. */
export function formatRelative(iso: string, nowIso: string): string {
  const seconds = Math.round((Date.parse(nowIso) - Date.parse(iso)) / 1000);
  const magnitude = Math.abs(seconds);
  let text: string;
  if (magnitude < 10) return "just now";
  if (magnitude < MINUTE) text = `${magnitude} s`;
  else if (magnitude < HOUR) text = `${Math.floor(magnitude / MINUTE)} min`;
  else if (magnitude < DAY) text = `${Math.floor(magnitude / HOUR)} h`;
  else if (magnitude < 365 * DAY) text = `${Math.floor(magnitude / DAY)} d`;
  else text = `${Math.floor(magnitude / (365 * DAY))} y`;
  return seconds >= 0 ? `${text} ago` : `in ${text}`;
}

/** The browser's own zone, or UTC where the runtime cannot tell. */
export function detectLocalTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || UTC;
  } catch {
    return UTC;
  }
}

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
