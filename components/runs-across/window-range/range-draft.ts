/**
 * The custom window picker's draft: a "from" and an optional "to", each a day and a time read in
 * the zone they were entered in. Re-read in a new zone when the viewer flips the zone toggle, so
 * switching how times are shown never changes the window Apply would set.
 */
import { isoToWallTime, wallTimeToIso } from "@/lib/format/zoned-wall-time";

export interface BoundDraft {
  /** `YYYY-MM-DD`, or "" while empty. */
  date: string;
  /** `HH:mm`, or "" while the time input holds an unfinished time. */
  time: string;
}

export interface RangeDraft {
  from: BoundDraft;
  to: BoundDraft;
  /** The zone both bounds were entered in. */
  zone: string;
}

export type RangeResult =
  { ok: true; after: string; before: string | null } | { ok: false; problem: string };

const DAY_MS = 24 * 60 * 60_000;
const EMPTY: BoundDraft = { date: "", time: "" };

/** The applied window, or else the last 24 hours up to now, as a starting point to edit. */
export function initialRangeDraft(
  applied: { after: string; before: string | null } | null,
  timeZone: string,
  nowIso: string,
): RangeDraft {
  const from = applied?.after ?? new Date(Date.parse(nowIso) - DAY_MS).toISOString();
  return {
    from: isoToWallTime(from, timeZone) ?? EMPTY,
    to: applied?.before ? (isoToWallTime(applied.before, timeZone) ?? EMPTY) : EMPTY,
    zone: timeZone,
  };
}

/** The same draft as it reads in `timeZone`. */
export function rangeInZone(draft: RangeDraft, timeZone: string): RangeDraft {
  if (draft.zone === timeZone) return draft;
  const move = (bound: BoundDraft): BoundDraft => {
    const iso = boundInstant(bound, draft.zone);
    return iso === null ? bound : (isoToWallTime(iso, timeZone) ?? bound);
  };
  return { from: move(draft.from), to: move(draft.to), zone: timeZone };
}

/** The window Apply would set, or what stops it, in words for the line under the fields. */
export function rangeResult(draft: RangeDraft): RangeResult {
  const after = boundInstant(draft.from, draft.zone);
  if (after === null) return { ok: false, problem: "Enter the day and time the window starts." };
  const toEmpty = draft.to.date === "" && draft.to.time === "";
  if (toEmpty) return { ok: true, after, before: null };
  const before = boundInstant(draft.to, draft.zone);
  if (before === null) {
    return { ok: false, problem: "Enter the day and time the window ends, or leave both empty." };
  }
  if (Date.parse(before) <= Date.parse(after)) {
    return { ok: false, problem: "The window must end after it starts." };
  }
  return { ok: true, after, before };
}

function boundInstant(bound: BoundDraft, zone: string): string | null {
  if (bound.date === "" || !/^\d{2}:\d{2}$/.test(bound.time)) return null;
  return wallTimeToIso(bound, zone);
}
