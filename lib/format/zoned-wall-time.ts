/**
 * Wall-clock dates and times in a zone, and the instants they name. The "After" picker works in
 * what the viewer reads on a clock ("29 Mar 2026, 02:30 in Berlin"); LeadLex wants an instant.
 *
 * Most wall times name exactly one instant, but daylight saving makes some name none (the spring
 * gap) and some name two (the autumn overlap). `TZDate`'s constructor is not trusted with those: it
 * moves a gap time forward by the gap's length (02:30 becomes 03:30, silently dropping the runs
 * from 03:00) and picks the later instant of an overlap in Berlin but the earlier one in New York.
 * So the rule is explicit here: a gap time means the first minute after the gap (every run at or
 * after a time that does not exist is a run at or after the gap's end), an overlap time means its
 * earlier instant (the wider filter, which never hides a run the viewer may have meant).
 *
 * Plain dates ("YYYY-MM-DD") are computed on UTC days, so a date never depends on the zone of the
 * machine it runs on.
 */
import { tzOffset } from "@date-fns/tz";
import { formatZoned, isValidTimeZone } from "./date-time";
import { parseIsoInstant, toIsoSeconds } from "./iso-instant";

/** A reading of a wall clock: `date` is `YYYY-MM-DD`, `time` is `HH:mm` (24-hour). */
export interface WallTime {
  date: string;
  time: string;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PLAIN_TIME = /^(\d{2}):(\d{2})$/;

/**
 * The instant a wall-clock reading names in `timeZone`, as `YYYY-MM-DDTHH:MM:SSZ`; null when the
 * date or time is malformed or impossible, the zone unknown, or the instant outside what Runboard
 * sends upstream (see `parseIsoInstant`).
 */
export function wallTimeToIso(wall: WallTime, timeZone: string): string | null {
  const dayMs = plainDateToUtcMs(wall.date);
  const time = PLAIN_TIME.exec(wall.time);
  if (dayMs === null || !time || !isValidTimeZone(timeZone)) return null;
  const hour = Number(time[1]);
  const minute = Number(time[2]);
  if (hour > 23 || minute > 59) return null;

  const instant = resolveWallClock(dayMs + hour * HOUR_MS + minute * MINUTE_MS, timeZone);
  if (!Number.isFinite(instant)) return null;
  const iso = toIsoSeconds(new Date(instant));
  return parseIsoInstant(iso) ? iso : null;
}

/** What a wall clock in `timeZone` reads at `iso`, to the minute; null for a bad instant or zone. */
export function isoToWallTime(iso: string, timeZone: string): WallTime | null {
  const date = parseIsoInstant(iso);
  if (!date || !isValidTimeZone(timeZone)) return null;
  return {
    date: formatZoned(date, timeZone, "yyyy-MM-dd"),
    time: formatZoned(date, timeZone, "HH:mm"),
  };
}

/**
 * The one instant a wall clock reading (given as if it were UTC) names. Offsets are probed a day
 * either side, which holds every real zone's transitions (none changes offset twice in a day).
 */
function resolveWallClock(wallMs: number, timeZone: string): number {
  const offsetBefore = offsetMsAt(timeZone, wallMs - DAY_MS);
  const offsetAfter = offsetMsAt(timeZone, wallMs + DAY_MS);
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter].filter(
    (instant) => offsetMsAt(timeZone, instant) === wallMs - instant,
  );
  if (candidates.length > 0) return Math.min(...candidates);

  // A gap: the clock jumped from `offsetBefore` to `offsetAfter`. Find the jump, to the minute.
  let lo = wallMs - offsetAfter;
  let hi = wallMs - offsetBefore;
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetMsAt(timeZone, mid) === offsetAfter) hi = mid;
    else lo = mid;
  }
  return hi;
}

function offsetMsAt(timeZone: string, instantMs: number): number {
  return tzOffset(timeZone, new Date(instantMs)) * MINUTE_MS;
}

/** Midnight UTC of a `YYYY-MM-DD` date, or null when it is malformed or impossible (30 February). */
function plainDateToUtcMs(date: string): number | null {
  const match = PLAIN_DATE.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(utcMs(year, month, 0)).getUTCDate()) return null;
  return utcMs(year, month - 1, day);
}

/** `Date.UTC` reads years 0–99 as 1900–1999; `setUTCFullYear` does not. */
function utcMs(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}
