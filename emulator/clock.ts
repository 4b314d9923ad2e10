// The emulator clock: the configured start instant plus real time elapsed since start, so rate
// limits and "today" behave as they would against the real API while the data stays pinned.

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60 * MS_PER_SECOND;
export const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;

export interface Clock {
  /** The configured start instant (not truncated). */
  readonly startMs: number;
  nowMs(): number;
}

export function createClock(start: Date): Clock {
  const startMs = start.getTime();
  const startedAt = performance.now();
  return { startMs, nowMs: () => startMs + (performance.now() - startedAt) };
}

export function startOfUtcDayMs(ms: number): number {
  return Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
}

export function nextUtcMidnightMs(ms: number): number {
  return startOfUtcDayMs(ms) + MS_PER_DAY;
}

export function nextMinuteMs(ms: number): number {
  return (Math.floor(ms / MS_PER_MINUTE) + 1) * MS_PER_MINUTE;
}

/** `2026-04-17T09:31:00Z`: the API's timestamps carry second precision and a literal Z. */
export function formatIsoSeconds(epochSeconds: number): string {
  return new Date(epochSeconds * MS_PER_SECOND).toISOString().slice(0, 19) + "Z";
}
