// Strict ISO 8601 for the `after` filter and EMULATOR_NOW. `Date.parse` is too forgiving (it takes
// "2026-02-30" and reads zone-less times as local time), so the grammar is spelled out here:
// a calendar date, or a date-time in extended format with a time zone designator.

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

/** Epoch milliseconds, or null when the text is not an ISO 8601 instant we accept. */
export function parseIsoInstant(text: string): number | null {
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    return utcMs(num(dateOnly[1]), num(dateOnly[2]), num(dateOnly[3]), 0, 0, 0, 0, 0);
  }
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction, zulu, sign, offsetH, offsetM] = match;
  let offsetMinutes = 0;
  if (zulu === undefined) {
    const hours = num(offsetH);
    const minutes = num(offsetM);
    if (hours > 23 || minutes > 59) return null;
    offsetMinutes = (sign === "-" ? -1 : 1) * (hours * 60 + minutes);
  }
  // Milliseconds are enough: anything finer cannot change a comparison with whole seconds.
  const millis = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  return utcMs(
    num(year),
    num(month),
    num(day),
    num(hour),
    num(minute),
    num(second),
    millis,
    offsetMinutes,
  );
}

function num(text: string | undefined): number {
  return text === undefined ? 0 : Number(text);
}

function utcMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  offsetMinutes: number,
): number | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC rolls 2026-02-30 over into March; a rolled-over day means the date did not exist.
  if (new Date(ms).getUTCDate() !== day) return null;
  // Date.UTC maps years 0-99 onto 1900-1999; four-digit input should never mean that.
  if (year < 100) return null;
  return ms - offsetMinutes * 60_000;
}
