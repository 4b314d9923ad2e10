import { formatIsoSeconds } from "../clock";
import { fmix32, mulberry32, randomInt } from "../prng";
import { encodeUlid, ULID_RANDOM_BYTES } from "../ulid";
import type { ActionType, EntityType, LogEntry } from "../wire-types";
import { failureOutcome, successOutcome } from "./action-profiles";
import type { ResultHints } from "./action-profiles";
import { entityIdFor, personFor } from "./entity-ids";
import { Outcome, SKIP_REASONS } from "./run-store";
import type { RunStore } from "./run-store";

// Builds one log entry from a run's seed. Pure: the same run gives the same entry whichever page,
// filter or emulator instance asks for it.

export interface RunContext {
  workflowId: string;
  entityType: EntityType;
  actionType: ActionType;
  hints: ResultHints;
  /** Distinguishes this workflow's runs from another's with the same seed. */
  runSalt: number;
  /** Shared by the workflows of one workspace, so they see the same entities. */
  entitySalt: number;
  entityPoolSize: number;
  /** Entities were created before this instant (the data set's reference time). */
  entityEpochMs: number;
}

export function materializeRun(store: RunStore, context: RunContext, position: number): LogEntry {
  const fixed = store.fixed.get(position);
  if (fixed !== undefined) return fixed;
  return buildEntry(
    context,
    store.ts[position] ?? 0,
    store.seed[position] ?? 0,
    store.outcome[position] ?? Outcome.success,
  );
}

/** The entry of a run with this time, seed and outcome, whether generated or added by a test. */
export function buildEntry(
  context: RunContext,
  tsSec: number,
  seed: number,
  outcome: number,
): LogEntry {
  const rng = mulberry32(seed ^ context.runSalt);
  const entityIndex = Math.floor(rng() * context.entityPoolSize);
  const base = {
    id: runIdFor(tsSec, seed, context.runSalt),
    workflow_id: context.workflowId,
    triggered_at: formatIsoSeconds(tsSec),
    entity_type: context.entityType,
    entity_id: entityIdFor(
      context.entityType,
      context.entitySalt,
      entityIndex,
      context.entityEpochMs,
    ),
  };
  const skipReason = SKIP_REASONS[outcome];
  if (skipReason !== undefined) {
    return {
      ...base,
      status: "skipped",
      skip_reason: skipReason,
      action_result: null,
      error: null,
      duration_ms: randomInt(rng, 1, 14),
    };
  }
  const facts = {
    rng,
    tsSec,
    entityType: context.entityType,
    recipient: personFor(context.entitySalt, entityIndex).email,
    hints: context.hints,
  };
  const failed = outcome === Outcome.failed;
  const result = failed
    ? failureOutcome(context.actionType, facts)
    : successOutcome(context.actionType, facts);
  return {
    ...base,
    status: failed ? "failed" : "success",
    skip_reason: null,
    action_result: result.actionResult,
    error: result.error,
    duration_ms: result.durationMs,
  };
}

/**
 * `wfl_` + ULID. The time part's milliseconds and the first 32 random bits both rise with the
 * seed, so within one second the id order is the seed order the store is sorted by.
 */
export function runIdFor(tsSec: number, seed: number, runSalt: number): string {
  const millis = Math.floor(seed / 4_294_967.296);
  const bytes = new Uint8Array(ULID_RANDOM_BYTES);
  const view = new DataView(bytes.buffer);
  const tail = fmix32(seed ^ runSalt);
  view.setUint32(0, seed);
  view.setUint32(4, tail);
  view.setUint16(8, fmix32(tail + 0x9e3779b9) >>> 16);
  return `wfl_${encodeUlid(tsSec * 1000 + millis, bytes)}`;
}
