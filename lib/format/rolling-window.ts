/**
 * Rolling "after" bounds such as `-24h`: a link that means "the last 24 hours" whenever it is
 * opened, so a bookmark still means the last day tomorrow. The URL keeps the window; the instant
 * LeadLex receives is computed when each request is made (`resolveAfter`). Shared by the server
 * and the browser.
 */
import { toIsoSeconds } from "./iso-instant";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const UNIT_MS = { m: MINUTE_MS, h: HOUR_MS, d: DAY_MS } as const;
type Unit = keyof typeof UNIT_MS;

const ROLLING_WINDOW = /^-(\d{1,7})([mhd])$/;

/** Ten years: further back than any run LeadLex keeps, and inside what `parseIsoInstant` accepts. */
const MAX_WINDOW_MS = 3_650 * DAY_MS;

/** The After picker's presets, as the windows they write into the link. */
export const ROLLING_PRESETS = ["-1h", "-24h", "-7d", "-30d"] as const;

/**
 * The canonical form of a rolling window (`-24h`), or null. Case and leading zeros are forgiven
 * (`-024H` reads as `-24h`); zero, a missing minus and anything past ten years are not windows.
 */
export function readRollingWindow(raw: string): string | null {
  const match = ROLLING_WINDOW.exec(raw.trim().toLowerCase());
  if (!match) return null;
  const count = Number(match[1]);
  const unit = match[2] as Unit;
  if (count < 1 || count * UNIT_MS[unit] > MAX_WINDOW_MS) return null;
  return `-${count}${unit}`;
}

export function isRollingWindow(value: string): boolean {
  return readRollingWindow(value) === value;
}

/** Elapsed time, not calendar days: "last 7 days" is 168 hours even across a DST change. */
function windowMs(window: string): number | null {
  const match = ROLLING_WINDOW.exec(window);
  return match ? Number(match[1]) * UNIT_MS[match[2] as Unit] : null;
}

/**
 * The instant an `after` value names at `nowMs`: a rolling window counted back from the start of
 * the current minute; an absolute instant as it is. The minute is the trade: the bound reaches up
 * to 59 s further back than the window (a wider filter never hides a run the reader wanted), and in
 * exchange every request within one minute names the same instant, so the server's render, the
 * browser's refetch, a Refresh and a reload share one cached LeadLex answer instead of one call each.
 */
export function resolveAfter(after: string, nowMs: number): string {
  const ms = windowMs(after);
  if (ms === null) return after;
  return toIsoSeconds(new Date(Math.floor(nowMs / MINUTE_MS) * MINUTE_MS - ms));
}

/** A query with its `after` resolved at `nowMs`: what may leave for LeadLex. */
export function resolveAfterIn<Query extends { after: string | null }>(
  query: Query,
  nowMs: number,
): Query {
  return query.after === null ? query : { ...query, after: resolveAfter(query.after, nowMs) };
}

const UNIT_WORDS: Record<Unit, [string, string]> = {
  m: ["minute", "minutes"],
  h: ["hour", "hours"],
  d: ["day", "days"],
};

/** "the last 24 hours", "the last hour"; null when `window` is not a rolling window. */
export function describeRollingWindow(window: string): string | null {
  const match = ROLLING_WINDOW.exec(window);
  if (!match) return null;
  const count = Number(match[1]);
  const [one, many] = UNIT_WORDS[match[2] as Unit];
  return count === 1 ? `the last ${one}` : `the last ${count.toLocaleString("en-US")} ${many}`;
}

/** `resolveAfterIn` at this moment: where a request is about to leave. */
export function resolveAfterNow<Query extends { after: string | null }>(query: Query): Query {
  return resolveAfterIn(query, Date.now());
}
