import { fmix32, hashString } from "../prng";
import type { LogEntry, RunStatus, SkipReason } from "../wire-types";
import { ARRIVAL_CHUNK_SEC, arrivalChunk, concatRuns } from "./arrivals";
import type { ArrivalPlan } from "./arrivals";
import { buildEntry, materializeRun, runIdFor } from "./run-materializer";
import type { RunContext } from "./run-materializer";
import {
  buildRunStore,
  countExecutedBetween,
  firstIndexWhere,
  Outcome,
  selectRuns,
} from "./run-store";
import type { GeneratedRuns, OutcomeCode, RunFilter, RunStore, RunView } from "./run-store";
import { viewAt } from "./run-visibility";
import type { VisibilityFacts } from "./run-visibility";

// One workflow's runs as they change over time: the history generated at start-up, the arrival
// chunks added as the clock reaches them, and the runs tests add in bursts. Every question is
// asked "as of" an instant, so an answer can be recomputed exactly later (see the replay admin
// endpoint), and nothing shown at one instant is ever missing at a later one.

/** One run of a burst, as the admin endpoint validated it. */
export interface BurstRunSpec {
  status: RunStatus;
  errorCode?: string;
  errorMessage?: string;
  skipReason?: SkipReason;
  entityId?: string;
  /** The run completes now; it was triggered this long ago. Default: the action's usual time. */
  durationMs?: number;
}

export interface RunPage {
  total: number;
  entries: LogEntry[];
}

const SKIP_OUTCOMES: Readonly<Record<SkipReason, OutcomeCode>> = {
  condition_not_met: Outcome.conditionNotMet,
  duplicate_event: Outcome.duplicateEvent,
  daily_cap_reached: Outcome.dailyCapReached,
  workflow_disabled: Outcome.workflowDisabled,
};

export class LiveRuns {
  private generated: GeneratedRuns;
  private readonly fixedEntries: LogEntry[];
  /** By run id: when each verbatim entry became visible. */
  private readonly visibleFromById = new Map<string, number>();
  private chunksMade = 0;
  private burstsMade = 0;
  private current!: RunStore;
  private facts!: VisibilityFacts;

  constructor(
    readonly context: RunContext,
    history: GeneratedRuns,
    fixedEntries: readonly LogEntry[],
    private readonly arrivals: ArrivalPlan | null,
    startMs: number,
  ) {
    this.generated = history;
    this.fixedEntries = [...fixedEntries];
    for (const entry of fixedEntries) {
      this.visibleFromById.set(entry.id, Date.parse(entry.triggered_at) + entry.duration_ms);
    }
    // One build at start-up, with the arrivals up to now already in (wf_big's store is 1M runs).
    this.addChunksUpTo(startMs);
    this.rebuild();
  }

  /** The store as it is now, with runs ahead of the clock; read it only through a view. */
  get store(): RunStore {
    return this.current;
  }

  page(filter: RunFilter, offset: number, limit: number, asOfMs: number): RunPage {
    const view = this.viewAt(asOfMs);
    const selection = selectRuns(this.current, view, filter, offset, limit);
    return {
      total: selection.total,
      entries: selection.positions.map((position) =>
        materializeRun(this.current, this.context, position),
      ),
    };
  }

  newestTriggeredAt(asOfMs: number): string | null {
    return this.page({}, 0, 1, asOfMs).entries[0]?.triggered_at ?? null;
  }

  executedBetween(fromSec: number, toSec: number, asOfMs: number): number {
    return countExecutedBetween(this.current, this.viewAt(asOfMs), fromSec, toSec);
  }

  visibleCount(asOfMs: number): number {
    return this.page({}, 0, 0, asOfMs).total;
  }

  /** Adds runs that complete at `nowMs`, visible from then on; returns them newest first. */
  addBurst(specs: readonly BurstRunSpec[], nowMs: number): LogEntry[] {
    this.reach(nowMs);
    const entries = specs.map((spec) => this.burstEntry(spec, nowMs));
    for (const entry of entries) {
      this.fixedEntries.push(entry);
      this.visibleFromById.set(entry.id, nowMs);
    }
    this.rebuild();
    return entries.sort(
      (a, b) => compareDesc(a.triggered_at, b.triggered_at) || compareDesc(a.id, b.id),
    );
  }

  private viewAt(asOfMs: number): RunView {
    this.reach(asOfMs);
    return viewAt(this.current, asOfMs, this.facts);
  }

  /** Generates the arrival chunks up to `nowMs`, all at once, then rebuilds the store once. */
  private reach(nowMs: number): void {
    if (this.addChunksUpTo(nowMs)) this.rebuild();
  }

  private addChunksUpTo(nowMs: number): boolean {
    if (this.arrivals === null) return false;
    const nowSec = Math.floor(nowMs / 1000);
    let added = false;
    while (this.arrivals.fromSec + this.chunksMade * ARRIVAL_CHUNK_SEC <= nowSec) {
      this.generated = concatRuns(arrivalChunk(this.arrivals, this.chunksMade), this.generated);
      this.chunksMade += 1;
      added = true;
    }
    return added;
  }

  private rebuild(): void {
    const { generated, context } = this;
    this.current = buildRunStore(generated, this.fixedEntries, (position) =>
      runIdFor(generated.ts[position] ?? 0, generated.seed[position] ?? 0, context.runSalt),
    );
    const fixedVisibleFromMs = new Map<number, number>();
    let latest = Number.NEGATIVE_INFINITY;
    for (const [position, entry] of this.current.fixed) {
      const visibleFromMs = this.visibleFromById.get(entry.id) ?? 0;
      fixedVisibleFromMs.set(position, visibleFromMs);
      latest = Math.max(latest, visibleFromMs);
    }
    const store = this.current;
    this.facts = {
      completionMs: (position) =>
        (store.ts[position] ?? 0) * 1000 + materializeRun(store, context, position).duration_ms,
      fixedVisibleFromMs,
      latestFixedVisibleFromMs: latest,
    };
  }

  private burstEntry(spec: BurstRunSpec, nowMs: number): LogEntry {
    const outcome =
      spec.status === "success"
        ? Outcome.success
        : spec.status === "failed"
          ? Outcome.failed
          : SKIP_OUTCOMES[spec.skipReason ?? "condition_not_met"];
    const salt = hashString(`${this.context.workflowId}:burst`);
    for (;;) {
      this.burstsMade += 1;
      const seed = fmix32(salt ^ this.burstsMade);
      const natural = buildEntry(this.context, Math.floor(nowMs / 1000), seed, outcome);
      const durationMs = spec.durationMs ?? natural.duration_ms;
      const tsSec = Math.floor((nowMs - durationMs) / 1000);
      const entry = buildEntry(this.context, tsSec, seed, outcome);
      if (this.idTaken(entry.id, tsSec)) continue;
      return withChoices(entry, spec, durationMs);
    }
  }

  /**
   * Ids are unique per workflow. Burst seeds never repeat each other, but one could in theory
   * give the id of a generated run of the same second (ids start with the second).
   */
  private idTaken(id: string, tsSec: number): boolean {
    if (this.visibleFromById.has(id)) return true;
    const { ts, seed, fixed } = this.current;
    const from = firstIndexWhere(ts.length, (i) => (ts[i] ?? 0) <= tsSec);
    for (let position = from; (ts[position] ?? -1) === tsSec; position++) {
      if (fixed.has(position)) continue;
      if (runIdFor(tsSec, seed[position] ?? 0, this.context.runSalt) === id) return true;
    }
    return false;
  }
}

function withChoices(entry: LogEntry, spec: BurstRunSpec, durationMs: number): LogEntry {
  const chosen: LogEntry = { ...entry, duration_ms: durationMs };
  if (spec.entityId !== undefined) chosen.entity_id = spec.entityId;
  if (entry.error !== null) {
    const code = spec.errorCode ?? entry.error.code;
    const message =
      spec.errorMessage ??
      (code === entry.error.code ? entry.error.message : `The action failed (${code})`);
    chosen.error = { code, message };
  }
  return chosen;
}

function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
