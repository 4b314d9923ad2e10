import type { Run } from "@/lib/model/run";

/**
 * One run as the index holds it: the run exactly as LeadLex sent it, plus the two figures every
 * question needs, worked out once. LeadLex writes a run once, when it completes, and never
 * changes it afterwards, so a held run is never refreshed: a second copy of an id is dropped.
 */
export interface HeldRun {
  run: Run;
  /** `triggered_at` in epoch ms. */
  atMs: number;
  /** What the run costs the byte bound: its JSON size in UTF-8. */
  bytes: number;
}

/** null when LeadLex sent a time Runboard cannot read (never held: it could not be ordered). */
export function toHeldRun(run: Run): HeldRun | null {
  const atMs = Date.parse(run.triggeredAt);
  if (Number.isNaN(atMs)) return null;
  return { run, atMs, bytes: Buffer.byteLength(JSON.stringify(run)) };
}

/** LeadLex's order: newest `triggered_at` first, ties by id descending. */
export function compareNewestFirst(a: HeldRun, b: HeldRun): number {
  if (a.atMs !== b.atMs) return b.atMs - a.atMs;
  return a.run.id < b.run.id ? 1 : a.run.id > b.run.id ? -1 : 0;
}

/** In a newest-first list: the first index whose run is older than `ms` (binary search). */
export function firstOlderThan(runs: readonly HeldRun[], ms: number): number {
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((runs[mid]?.atMs ?? Number.NEGATIVE_INFINITY) < ms) high = mid;
    else low = mid + 1;
  }
  return low;
}
