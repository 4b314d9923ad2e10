/**
 * The "After" picker's draft: the day and time being chosen, and the zone they were entered in.
 * When the viewer flips the zone toggle, the fields are re-read in the new zone so they still name
 * the same instant: switching how times are shown never changes what the filter would apply.
 */
import { formatExactUtc, UTC } from "@/lib/format/date-time";
import { isoToWallTime, wallTimeToIso } from "@/lib/format/zoned-wall-time";

export interface Draft {
  date: string | null;
  /** `HH:mm`, or "" while the time input holds an unfinished time. */
  time: string;
  /** The zone `date` and `time` were entered in. */
  zone: string;
  /** False until the viewer changes something: Apply then keeps the applied bound to the second. */
  edited: boolean;
}

const DEFAULT_TIME = "00:00";

export function initialDraft(value: string | null, timeZone: string): Draft {
  const wall = value ? isoToWallTime(value, timeZone) : null;
  return wall
    ? { ...wall, zone: timeZone, edited: false }
    : { date: null, time: DEFAULT_TIME, zone: timeZone, edited: false };
}

/** The draft as it reads in `timeZone`: the same instant, when the draft names one. */
export function readInZone(draft: Draft, timeZone: string): Draft {
  if (draft.zone === timeZone || draft.date === null) return { ...draft, zone: timeZone };
  const iso = wallTimeToIso({ date: draft.date, time: draft.time }, draft.zone);
  const wall = iso ? isoToWallTime(iso, timeZone) : null;
  return wall ? { ...draft, ...wall, zone: timeZone } : { ...draft, zone: timeZone };
}

/** The bound Apply would set: the applied one while nothing was edited, else the draft's instant. */
export function draftResult(draft: Draft, applied: string | null): string | null {
  if (!draft.edited && applied) return applied;
  return draft.date ? wallTimeToIso({ date: draft.date, time: draft.time }, draft.zone) : null;
}

/** The wall time `result` really shows, when the entered one fell in a spring-forward gap. */
export function shiftedByGap(result: string, draft: Draft): string | null {
  if (draft.date === null) return null;
  const wall = isoToWallTime(result, draft.zone);
  if (!wall || (wall.date === draft.date && wall.time === draft.time)) return null;
  return wall.time;
}

/** The line under the time: what is missing, or the instant in UTC (and any gap it skipped). */
export function draftStatus(draft: Draft, result: string | null): string {
  if (draft.date === null) return "Choose a day, or a preset above.";
  if (!/^\d{2}:\d{2}$/.test(draft.time)) return "Enter a time of day.";
  if (result === null) return "Choose a day from 2000 to 2200.";
  const shifted = shiftedByGap(result, draft);
  const gap = shifted
    ? `${draft.time} does not exist that day in ${draft.zone} (clocks go forward); using ${shifted}. `
    : "";
  return draft.zone === UTC ? gap : `${gap}= ${formatExactUtc(result)}`;
}
