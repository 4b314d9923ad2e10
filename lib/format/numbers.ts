/** Counts and durations, formatted the same way on the server and in the browser (pinned en-US). */

const integerFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function formatCount(value: number): string {
  return integerFormat.format(value);
}

const pad = (value: number) => String(value).padStart(2, "0");

/**
 * `412 ms`, `1.24 s`, `12.5 s`, `2 min 05 s`, `3 h 07 min`, `24 d 20 h`. Past a second, seconds are
 * what people compare; past an hour, minutes, and past a day, hours. Each unit is rounded before it
 * is split, so 59,999 ms reads `1 min 00 s`, never `60.0 s`.
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 9_995) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3_600) return `${Math.floor(seconds / 60)} min ${pad(seconds % 60)} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1_440) return `${Math.floor(minutes / 60)} h ${pad(minutes % 60)} min`;
  const hours = Math.round(ms / 3_600_000);
  return `${Math.floor(hours / 24)} d ${pad(hours % 24)} h`;
}
