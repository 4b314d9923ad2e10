/**
 * How long to wait, in the words every view uses: `30 s`, `2 min 05 s`, `1 h 05 min`. Compact and
 * fixed-width enough to tick down once a second without the sentence around it jumping.
 */
export function formatWait(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, "0")} s`;
  // Past an hour the seconds are not shown: round to the next minute, never under the wait.
  const shownMinutes = Math.ceil(whole / 60);
  return `${Math.floor(shownMinutes / 60)} h ${String(shownMinutes % 60).padStart(2, "0")} min`;
}

/** A wait this long is LeadLex's daily quota, not its per-minute limit. */
export const DAILY_QUOTA_WAIT_SECONDS = 3_600;
