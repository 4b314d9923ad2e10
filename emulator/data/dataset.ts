import type { WorkspaceId } from "../api-keys";
import { formatIsoSeconds, MS_PER_MINUTE } from "../clock";
import { hashString } from "../prng";
import type { Rng } from "../prng";
import { arrivalPlanOf } from "./arrivals";
import { LiveRuns } from "./live-runs";
import { generateRuns, typicalOutcome } from "./run-generator";
import type { RunSegment } from "./run-generator";
import type { RunContext } from "./run-materializer";
import { Outcome } from "./run-store";
import type { RunStore } from "./run-store";
import { WORKFLOW_SPECS } from "./workflow-catalog";
import type { WorkflowSpec } from "./workflow-catalog";

// Turns the catalog into the in-memory data set. Everything is relative to the reference minute
// (start `now` truncated to the minute): the same start minute and the same clock give
// byte-identical data, arriving runs included (see arrivals.ts).

const DAY_SEC = 86_400;

export interface WorkflowRecord {
  spec: WorkflowSpec;
  /** Ask it "as of" an instant: runs keep arriving as the clock moves. */
  runs: LiveRuns;
  enabled: boolean;
  autoDisabledReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Workspace {
  /** Every workflow whose logs this workspace can read, deleted ones included. */
  byId: ReadonlyMap<string, WorkflowRecord>;
  /** What GET /v1/workflows lists: not deleted, newest `created_at` first. */
  listed: readonly WorkflowRecord[];
}

export interface Dataset {
  workspaces: Readonly<Record<WorkspaceId, Workspace>>;
  listedCount: number;
  /** Runs visible at start-up. */
  runCount: number;
}

export function buildDataset(startMs: number): Dataset {
  const referenceSec = referenceSecOf(startMs);
  const records = WORKFLOW_SPECS.map((spec) => buildRecordAt(spec, referenceSec, startMs));
  const workspaceOf = (id: WorkspaceId): Workspace => {
    const own = records.filter((record) => record.spec.workspaceId === id);
    return {
      byId: new Map(own.map((record) => [record.spec.id, record])),
      listed: own
        .filter((record) => record.spec.lifecycle.kind !== "deleted")
        .sort((a, b) => compareDesc(a.createdAt, b.createdAt) || compareDesc(a.spec.id, b.spec.id)),
    };
  };
  const workspaces = { ws_a: workspaceOf("ws_a"), ws_b: workspaceOf("ws_b") };
  return {
    workspaces,
    listedCount: workspaces.ws_a.listed.length + workspaces.ws_b.listed.length,
    runCount: records.reduce((sum, record) => sum + record.runs.visibleCount(startMs), 0),
  };
}

/** Builds one workflow outside the catalog (the fault ids that answer with plausible data). */
export function buildWorkflowRecord(spec: WorkflowSpec, startMs: number): WorkflowRecord {
  return buildRecordAt(spec, referenceSecOf(startMs), startMs);
}

function referenceSecOf(startMs: number): number {
  return (Math.floor(startMs / MS_PER_MINUTE) * MS_PER_MINUTE) / 1000;
}

function buildRecordAt(spec: WorkflowSpec, referenceSec: number, startMs: number): WorkflowRecord {
  const runSalt = hashString(spec.id);
  const context: RunContext = {
    workflowId: spec.id,
    entityType: spec.conditionEntity,
    actionType: spec.actionType,
    hints: spec.resultHints,
    runSalt,
    entitySalt: hashString(`${spec.workspaceId}:${spec.conditionEntity}`),
    entityPoolSize: spec.entityPoolSize,
    entityEpochMs: referenceSec * 1000,
  };
  const history = generateRuns(runSalt, segmentsOf(spec, referenceSec));
  const runs = new LiveRuns(
    context,
    history,
    spec.fixedEntries ?? [],
    arrivalPlanOf(spec, referenceSec),
    startMs,
  );
  // Arrivals are all newer than the history, so the oldest run is the history's.
  const store = runs.store;
  const count = store.ts.length;
  const oldestSec = count > 0 ? (store.ts[count - 1] ?? null) : null;

  // A workflow exists before its first run, whatever the spec says (the seed entry is pinned).
  let createdSec = referenceSec - daysToSec(spec.createdDaysAgo);
  if (oldestSec !== null) createdSec = Math.min(createdSec, oldestSec - 3_600);
  const updatedSec = Math.max(createdSec, updatedSecOf(spec, store, referenceSec));

  return {
    spec,
    runs,
    enabled: spec.lifecycle.kind === "enabled",
    autoDisabledReason: spec.lifecycle.kind === "auto_disabled" ? "daily_cap_exceeded" : null,
    createdAt: formatIsoSeconds(createdSec),
    updatedAt: formatIsoSeconds(updatedSec),
  };
}

function segmentsOf(spec: WorkflowSpec, referenceSec: number): RunSegment[] {
  const { lifecycle, history } = spec;
  const segments: RunSegment[] = [];
  const seedOf = (part: string) => hashString(`${spec.id}:${part}`);
  let historyEndSec = referenceSec;

  if (lifecycle.kind === "disabled" || lifecycle.kind === "deleted") {
    historyEndSec = referenceSec - daysToSec(lifecycle.daysAgo);
  }
  if (lifecycle.kind === "disabled") {
    segments.push({
      count: lifecycle.skippedSince,
      fromSec: historyEndSec,
      toSec: referenceSec,
      outcomeOf: () => Outcome.workflowDisabled,
      seed: seedOf("disabled"),
    });
  }
  if (lifecycle.kind === "auto_disabled") {
    historyEndSec = Math.floor(referenceSec / DAY_SEC) * DAY_SEC;
    const cap = spec.maxTriggersPerDay;
    segments.push({
      count: cap + lifecycle.skippedPastCap,
      fromSec: historyEndSec,
      toSec: referenceSec,
      // The first `cap` runs of the day executed; the cap then skipped the rest.
      outcomeOf: (rng: Rng, indexFromOldest: number) =>
        indexFromOldest >= cap
          ? Outcome.dailyCapReached
          : rng() < 0.12
            ? Outcome.failed
            : Outcome.success,
      seed: seedOf("today"),
    });
  }
  if (history !== null) {
    segments.push({
      count: history.count,
      fromSec: historyEndSec - daysToSec(history.spanDays),
      toSec: historyEndSec,
      outcomeOf: typicalOutcome,
      seed: seedOf("history"),
    });
  }
  return segments;
}

function updatedSecOf(spec: WorkflowSpec, runs: RunStore, referenceSec: number): number {
  const { lifecycle } = spec;
  if (lifecycle.kind === "disabled" || lifecycle.kind === "deleted") {
    return referenceSec - daysToSec(lifecycle.daysAgo);
  }
  if (lifecycle.kind === "auto_disabled") {
    // Auto-disabled at today's last executed run, the one that reached the cap.
    for (let position = 0; position < runs.ts.length; position++) {
      const outcome = runs.outcome[position];
      if (outcome === Outcome.success || outcome === Outcome.failed) {
        return runs.ts[position] ?? referenceSec;
      }
    }
  }
  return referenceSec - daysToSec(spec.updatedDaysAgo);
}

function daysToSec(days: number): number {
  return Math.round(days * DAY_SEC);
}

function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
