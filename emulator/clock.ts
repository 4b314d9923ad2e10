// The emulator clock: the configured start instant plus real time elapsed since start, so rate
// limits, "today" and arriving runs behave as they would against the real API. Tests inject a
// manual clock instead and move it themselves, so nothing they assert depends on a sleep.

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

/** A clock that only moves when told to: the emulator's own tests use it instead of sleeping. */
export interface ManualClock extends Clock {
  /** Moves the clock forward; time never runs backwards, as runs once shown must stay shown. */
  advance(ms: number): void;
}

export function createManualClock(start: Date): ManualClock {
  const startMs = start.getTime();
  let now = startMs;
  return {
    startMs,
    nowMs: () => now,
    advance(ms) {
      if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError("advance() takes ms >= 0");
      now += ms;
    },
  };
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
