import { fmix32, mulberry32 } from "../prng";
import type { Rng } from "../prng";
import type { GeneratedRuns, OutcomeCode } from "./run-store";
import { Outcome } from "./run-store";

// Turns a workflow's run plan into sorted typed arrays. Generation is the only start-up cost of
// the data set, so it works on typed arrays throughout: one million runs take ~0.2 s.

export interface RunSegment {
  count: number;
  /** Window [fromSec, toSec) in epoch seconds; segments of one workflow must not overlap. */
  fromSec: number;
  toSec: number;
  /** Picks each run's outcome, oldest run first (`indexFromOldest` counts from 0). */
  outcomeOf: (rng: Rng, indexFromOldest: number) => OutcomeCode;
  seed: number;
}

/** ~10% failed, ~15% skipped, the rest success: LeadLex's typical mix for a healthy workflow. */
export function typicalOutcome(rng: Rng): OutcomeCode {
  const roll = rng();
  if (roll < 0.1) return Outcome.failed;
  if (roll < 0.2) return Outcome.conditionNotMet;
  if (roll < 0.25) return Outcome.duplicateEvent;
  return Outcome.success;
}

export function generateRuns(salt: number, segments: readonly RunSegment[]): GeneratedRuns {
  const ordered = [...segments].sort((a, b) => b.fromSec - a.fromSec);
  const total = ordered.reduce((sum, segment) => sum + segment.count, 0);
  const ts = new Uint32Array(total);
  const outcome = new Uint8Array(total);
  let position = 0;
  for (const segment of ordered) {
    const rng = mulberry32(segment.seed);
    const times = sampleTimes(rng, segment);
    const outcomes = new Uint8Array(segment.count);
    for (let i = 0; i < segment.count; i++) outcomes[i] = segment.outcomeOf(rng, i);
    // Sampled oldest first; stored newest first.
    for (let i = segment.count - 1; i >= 0; i--) {
      ts[position] = times[i] ?? 0;
      outcome[position] = outcomes[i] ?? 0;
      position += 1;
    }
  }
  return { ts, outcome, seed: assignSeeds(ts, salt) };
}

/** Oldest first, weighted towards weekday office hours as real CRM activity is. */
function sampleTimes(rng: Rng, segment: RunSegment): Uint32Array {
  const span = Math.max(1, segment.toSec - segment.fromSec);
  const times = new Uint32Array(segment.count);
  for (let i = 0; i < segment.count; i++) {
    let candidate: number;
    do {
      candidate = segment.fromSec + Math.floor(rng() * span);
    } while (rng() >= activityWeight(candidate));
    times[i] = candidate;
  }
  return times.sort();
}

export function activityWeight(epochSec: number): number {
  const day = Math.floor(epochSec / 86_400);
  // 1970-01-01 was a Thursday; 0 = Sunday.
  const weekday = (day + 4) % 7;
  if (weekday === 0 || weekday === 6) return 0.2;
  const hour = Math.floor((epochSec % 86_400) / 3_600);
  return hour >= 8 && hour < 18 ? 1 : 0.35;
}

/**
 * The activity weight summed over [fromSec, toSec), in weighted seconds. The weight is constant
 * within each UTC hour, so the sum steps hour by hour. Runs per weighted second is what a
 * workflow's history shows, and what its arriving runs keep to.
 */
export function activityIntegral(fromSec: number, toSec: number): number {
  let total = 0;
  let at = fromSec;
  while (at < toSec) {
    const hourEnd = Math.min(toSec, (Math.floor(at / 3_600) + 1) * 3_600);
    total += activityWeight(at) * (hourEnd - at);
    at = hourEnd;
  }
  return total;
}

/**
 * Seeds are a bijective hash of the position, so they are unique; runs sharing a second then get
 * their seeds sorted descending, because the id (and so the tie-break order) follows the seed.
 */
function assignSeeds(ts: Uint32Array, salt: number): Uint32Array {
  const seed = new Uint32Array(ts.length);
  for (let i = 0; i < ts.length; i++) seed[i] = fmix32((i + 1) ^ salt);
  let groupStart = 0;
  for (let i = 1; i <= ts.length; i++) {
    if (i < ts.length && ts[i] === ts[groupStart]) continue;
    if (i - groupStart > 1) seed.subarray(groupStart, i).sort().reverse();
    groupStart = i;
  }
  return seed;
}
