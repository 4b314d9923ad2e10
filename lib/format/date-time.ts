/**
 * Every date and time Runboard shows is formatted here, with pinned English month names and an
 * explicit time zone, so the server and the browser produce the same string and hydration never
 * mismatches. The zone's wall-clock fields come from the platform's `Intl` (no library in the
 * first-load bundle); the few patterns we print are written out below.
 */

export const UTC = "UTC";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC. */
  offsetMinutes: number;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Formats only what the offset needs: "GMT+05:30" in the zone. */
function offsetFormat(timeZone: string): Intl.DateTimeFormat {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    offsetFormats.set(timeZone, format);
  }
  return format;
}

/**
 * The wall clock in `timeZone` at an instant: the UTC fields of the instant moved by the zone's
 * offset. `Intl` is asked only for offsets, and at most twice per zone and UTC day (see
 * `offsetMinutesAt`): a runs table formats every row's time four ways, and `formatToParts` per
 * call was 13 ms of a 25-row page change in the browser's profile.
 */
export function wallClock(instant: Date | string | number, timeZone: string): WallClock {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid time value");
  const offsetMinutes = timeZone === UTC ? 0 : offsetMinutesAt(ms, timeZone);
  const shifted = new Date(ms + offsetMinutes * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    offsetMinutes,
  };
}

const DAY_MS = 86_400_000;
/** By zone and UTC day: the offset the whole day has, or null for a day the offset changes. */
const dayOffsets = new Map<string, number | null>();

/**
 * The zone's offset at an instant. A day whose first and last second have the same offset has
 * that offset throughout: zones change offset at most twice a year, never twice in one day.
 * On a day they do change, each instant is asked for.
 */
function offsetMinutesAt(ms: number, timeZone: string): number {
  const day = Math.floor(ms / DAY_MS);
  const key = `${timeZone} ${day}`;
  let whole = dayOffsets.get(key);
  if (whole === undefined) {
    const first = intlOffsetMinutes(day * DAY_MS, timeZone);
    whole = first === intlOffsetMinutes((day + 1) * DAY_MS - 1000, timeZone) ? first : null;
    // A long-running server sees many days; a few thousand entries are a few hundred KB.
    if (dayOffsets.size >= 5_000) dayOffsets.clear();
    dayOffsets.set(key, whole);
  }
  return whole ?? intlOffsetMinutes(ms, timeZone);
}

function intlOffsetMinutes(ms: number, timeZone: string): number {
  const name = offsetFormat(timeZone)
    .formatToParts(new Date(ms))
    .find((part) => part.type === "timeZoneName")?.value;
  // "GMT+05:30", "GMT-04:00", or plain "GMT" for a zero offset.
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  return offset ? (offset[1] === "-" ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/**
 * Formats an instant in a zone with date-fns-style tokens: `yyyy MM MMM dd d HH mm ss xxx`. Any
 * other letter is printed as is, which is enough for the fixed patterns used here.
 */
export function formatZoned(
  instant: Date | string | number,
  timeZone: string,
  pattern: string,
): string {
  const clock = wallClock(instant, timeZone);
  return pattern.replace(/yyyy|MMM|MM|dd|d|HH|mm|ss|xxx/g, (token) => {
    switch (token) {
      case "yyyy":
        return pad(clock.year, 4);
      case "MMM":
        return MONTHS[clock.month - 1] ?? "";
      case "MM":
        return pad(clock.month);
      case "dd":
        return pad(clock.day);
      case "d":
        return String(clock.day);
      case "HH":
        return pad(clock.hour);
      case "mm":
        return pad(clock.minute);
      case "ss":
        return pad(clock.second);
      default:
        return offsetText(clock.offsetMinutes);
    }
  });
}

/** `17 Apr 2026, 09:31:00` in the given zone. */
export function formatDateTime(iso: string, timeZone: string): string {
  return formatZoned(iso, timeZone, "d MMM yyyy, HH:mm:ss");
}

/**
 * `17 Apr, 09:31:05` — compact, for table cells: to the second, so runs a few seconds apart read
 * apart. The year is added when it is not `now`'s year in that zone.
 */
export function formatShortDateTime(iso: string, timeZone: string, nowIso: string): string {
  const sameYear = wallClock(iso, timeZone).year === wallClock(nowIso, timeZone).year;
  return formatZoned(iso, timeZone, sameYear ? "d MMM, HH:mm:ss" : "d MMM yyyy, HH:mm:ss");
}

/** The zone's offset at that instant, e.g. `UTC`, `UTC+02:00`. */
export function formatZoneOffset(iso: string, timeZone: string): string {
  if (timeZone === UTC) return "UTC";
  return `UTC${formatZoned(iso, timeZone, "xxx")}`;
}

/** A picker's note of the zone its times are in: `Times in UTC`, `Times in Europe/Berlin (UTC+02:00)`. */
export function timesInZoneLine(timeZone: string, iso: string): string {
  return timeZone === UTC
    ? "Times in UTC"
    : `Times in ${timeZone} (${formatZoneOffset(iso, timeZone)})`;
}

/** `2026-04-17 09:31:00 UTC` — unambiguous, for tooltips and copying. */
export function formatExactUtc(iso: string): string {
  return `${formatZoned(iso, UTC, "yyyy-MM-dd HH:mm:ss")} UTC`;
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

/**
 * `17 Apr 2026, 09:31` in the zone: a filter bound reads to the minute, but keeps its seconds when
 * it has some (presets do), so the label never claims a bound it does not apply.
 */
export function formatBoundDateTime(iso: string, timeZone: string): string {
  const { second } = wallClock(iso, timeZone);
  return formatZoned(iso, timeZone, second === 0 ? "d MMM yyyy, HH:mm" : "d MMM yyyy, HH:mm:ss");
}
