import { hashString } from "../prng";
import { activityIntegral, generateRuns, typicalOutcome } from "./run-generator";
import type { GeneratedRuns } from "./run-store";
import type { WorkflowSpec } from "./workflow-catalog";

// Runs that keep arriving after start-up. An enabled workflow with a history keeps producing runs
// at the rate that history shows (runs per weighted second, so weekday office hours stay busier
// than nights and weekends), in chunks of one day from the data set's reference minute. Chunk k
// is a pure function of the workflow and k, so the runs an emulator shows depend only on its
// start minute and its clock, never on when or how often it was asked.

export const ARRIVAL_CHUNK_SEC = 86_400;

export interface ArrivalPlan {
  workflowId: string;
  /** Start of chunk 0: the reference minute, where the history ends. */
  fromSec: number;
  /** Runs per weighted second (see activityIntegral). */
  ratePerWeightedSec: number;
}

/** Disabled, auto-disabled, deleted and never-run workflows stay quiet: null. */
export function arrivalPlanOf(spec: WorkflowSpec, referenceSec: number): ArrivalPlan | null {
  if (spec.lifecycle.kind !== "enabled" || spec.history === null) return null;
  const historyFromSec = referenceSec - Math.round(spec.history.spanDays * 86_400);
  const weighted = activityIntegral(historyFromSec, referenceSec);
  if (weighted <= 0 || spec.history.count === 0) return null;
  return {
    workflowId: spec.id,
    fromSec: referenceSec,
    ratePerWeightedSec: spec.history.count / weighted,
  };
}

/** The runs of chunk `k` (k >= 0), newest first, with seeds unique within the chunk. */
export function arrivalChunk(plan: ArrivalPlan, k: number): GeneratedRuns {
  const fromSec = plan.fromSec + k * ARRIVAL_CHUNK_SEC;
  const toSec = fromSec + ARRIVAL_CHUNK_SEC;
  const count = Math.round(plan.ratePerWeightedSec * activityIntegral(fromSec, toSec));
  const part = `${plan.workflowId}:arrivals:${k}`;
  // Chunks cover disjoint seconds, so ids (time first, then seed) never collide across chunks.
  return generateRuns(hashString(part), [
    { count, fromSec, toSec, outcomeOf: typicalOutcome, seed: hashString(`${part}:times`) },
  ]);
}

/** Newest first: `newer` goes before `older`. */
export function concatRuns(newer: GeneratedRuns, older: GeneratedRuns): GeneratedRuns {
  const join = <T extends Uint32Array | Uint8Array>(a: T, b: T, make: (n: number) => T): T => {
    const out = make(a.length + b.length);
    out.set(a, 0);
    out.set(b, a.length);
    return out;
  };
  return {
    ts: join(newer.ts, older.ts, (n) => new Uint32Array(n)),
    outcome: join(newer.outcome, older.outcome, (n) => new Uint8Array(n)),
    seed: join(newer.seed, older.seed, (n) => new Uint32Array(n)),
  };
}
