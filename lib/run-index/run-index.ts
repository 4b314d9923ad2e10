import type { Run } from "@/lib/model/run";
import { mergeCoverage, trimCoverage } from "./coverage";
import type { Coverage, FillResult, StatusKey } from "./coverage";
import type { HeldRun } from "./held-run";
import { WorkflowRuns } from "./workflow-runs";

/**
 * The runs one LeadLex key has fetched, across its workflows, with what each sync vouches for.
 * Pure and in memory: it does no I/O (fills are driven by sync.ts and backfill.ts with an
 * injected fetch) and knows no key (the wiring keeps one index per key, in the sealed store,
 * through toSnapshot / fromSnapshot). Nothing fetched with one key may be put in another's index.
 */

export interface RunIndexOptions {
  /**
   * Bound on the runs held, in bytes of their JSON. Over it, the oldest runs across all
   * workflows go first, and answers say "dropped runs older than …". Default 32 MiB: wf_big's 7
   * days (58,469 runs) are 16.3 MB.
   */
  maxBytes?: number;
  /**
   * How far below the newest synced run an incremental sync asks again. LeadLex writes a run when
   * it completes, so a slow run appears with a `triggered_at` older than quicker ones already
   * shown; asking again over the last `lookBackMs` catches it. It must exceed LeadLex's longest
   * run (webhooks time out at 30 s) plus any clock skew. Default 2 min: at wf_big's rate, about
   * 20 runs asked twice, which still fits the one call a sync costs when few runs are new.
   */
  lookBackMs?: number;
}

export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
export const DEFAULT_LOOK_BACK_MS = 2 * 60_000;
/** Once over the bound, drop down to this share of it, so not every page drops a few runs. */
const DROP_TO_SHARE = 0.9;

/** What filling a gap was estimated to cost, by a probe (see backfill.ts). */
export interface GapEstimate {
  afterMs: number | null;
  calls: number;
  atMs: number;
}

export interface RunIndexSnapshot {
  version: 1;
  droppedBeforeMs: number | null;
  workflows: {
    workflowId: string;
    /** Newest first. */
    runs: Run[];
    coverage: Partial<Record<StatusKey, Coverage>>;
  }[];
}

export class RunIndex {
  readonly maxBytes: number;
  readonly lookBackMs: number;
  private readonly sets = new Map<string, WorkflowRuns>();
  private readonly coverages = new Map<string, Map<StatusKey, Coverage>>();
  private readonly estimates = new Map<string, GapEstimate>();
  private dropped: number | null = null;
  private heldBytes = 0;

  constructor(options: RunIndexOptions = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.lookBackMs = options.lookBackMs ?? DEFAULT_LOOK_BACK_MS;
    if (!(this.maxBytes > 0) || !(this.lookBackMs >= 0)) {
      throw new RangeError("maxBytes must be > 0 and lookBackMs >= 0");
    }
  }

  /** Every workflow the index has runs or coverage for. */
  workflowIds(): string[] {
    return [...new Set([...this.sets.keys(), ...this.coverages.keys()])];
  }

  runsOf(workflowId: string): WorkflowRuns | undefined {
    return this.sets.get(workflowId);
  }

  coverage(workflowId: string, status: StatusKey): Coverage | null {
    return this.coverages.get(workflowId)?.get(status) ?? null;
  }

  /** Runs triggered before this were dropped to stay within maxBytes; null when none were. */
  get droppedBeforeMs(): number | null {
    return this.dropped;
  }

  get bytes(): number {
    return this.heldBytes;
  }

  /** Runs of one workflow with this status at or after `fromMs` (null: all), held now. */
  heldCount(workflowId: string, status: StatusKey, fromMs: number | null): number {
    const runs = this.sets.get(workflowId)?.runs ?? [];
    let count = 0;
    for (const held of runs) {
      if (fromMs !== null && held.atMs < fromMs) break;
      if (status === "all" || held.run.status === status) count += 1;
    }
    return count;
  }

  /** Holds fetched runs (whether or not a fill finishes), then keeps to the byte bound. */
  add(workflowId: string, runs: readonly Run[]): { added: HeldRun[]; ignored: number } {
    let set = this.sets.get(workflowId);
    if (set === undefined) {
      set = new WorkflowRuns(workflowId);
      this.sets.set(workflowId, set);
    }
    const before = set.bytes;
    const result = set.merge(runs);
    this.heldBytes += set.bytes - before;
    if (this.heldBytes > this.maxBytes) this.dropOldest();
    return result;
  }

  /** Records what a finished fill vouches for. */
  commit(workflowId: string, status: StatusKey, fill: FillResult): Coverage {
    let byStatus = this.coverages.get(workflowId);
    if (byStatus === undefined) {
      byStatus = new Map();
      this.coverages.set(workflowId, byStatus);
    }
    let merged = mergeCoverage(byStatus.get(status) ?? null, fill);
    if (this.dropped !== null) merged = trimCoverage(merged, this.dropped);
    byStatus.set(status, merged);
    return merged;
  }

  recordEstimate(workflowId: string, status: StatusKey, estimate: GapEstimate): void {
    this.estimates.set(`${workflowId}\u0000${status}`, estimate);
  }

  estimate(workflowId: string, status: StatusKey): GapEstimate | null {
    return this.estimates.get(`${workflowId}\u0000${status}`) ?? null;
  }

  toSnapshot(): RunIndexSnapshot {
    return {
      version: 1,
      droppedBeforeMs: this.dropped,
      workflows: this.workflowIds().map((workflowId) => ({
        workflowId,
        runs: (this.sets.get(workflowId)?.runs ?? []).map((held) => held.run),
        coverage: Object.fromEntries(this.coverages.get(workflowId) ?? []),
      })),
    };
  }

  static fromSnapshot(snapshot: RunIndexSnapshot, options: RunIndexOptions = {}): RunIndex {
    if (snapshot.version !== 1)
      throw new RangeError(`Unknown run index snapshot ${snapshot.version}`);
    const index = new RunIndex(options);
    index.dropped = snapshot.droppedBeforeMs;
    // Coverage first: a smaller bound than the snapshot's drops runs as they load, and must trim
    // every coverage when it does.
    for (const { workflowId, coverage } of snapshot.workflows) {
      const byStatus = new Map<StatusKey, Coverage>();
      for (const [status, value] of Object.entries(coverage)) {
        if (value !== undefined) byStatus.set(status as StatusKey, value);
      }
      if (byStatus.size > 0) index.coverages.set(workflowId, byStatus);
    }
    for (const { workflowId, runs } of snapshot.workflows) index.add(workflowId, runs);
    return index;
  }

  /**
   * Drops the oldest runs across every workflow (whole instants at a time, so "every run from
   * the cut on is held" stays true) until the index is back under DROP_TO_SHARE of its bound.
   */
  private dropOldest(): void {
    const target = this.maxBytes * DROP_TO_SHARE;
    const sets = [...this.sets.values()];
    const cursor = sets.map((set) => set.size - 1);
    let freed = 0;
    let cutMs: number | null = null;
    for (;;) {
      let pick = -1;
      let oldest = Number.POSITIVE_INFINITY;
      sets.forEach((set, i) => {
        const held = set.runs[cursor[i] ?? -1];
        if (held !== undefined && held.atMs < oldest) {
          oldest = held.atMs;
          pick = i;
        }
      });
      if (pick === -1) break;
      // Past the target, keep going only to finish the instant being dropped.
      if (this.heldBytes - freed <= target && cutMs !== null && oldest > cutMs - 1) break;
      const held = sets[pick]?.runs[cursor[pick] ?? -1];
      freed += held?.bytes ?? 0;
      cursor[pick] = (cursor[pick] ?? 0) - 1;
      cutMs = oldest + 1;
    }
    if (cutMs === null) return;
    for (const set of sets) this.heldBytes -= set.dropOlderThan(cutMs).bytes;
    this.dropped = Math.max(this.dropped ?? cutMs, cutMs);
    for (const byStatus of this.coverages.values()) {
      for (const [status, coverage] of byStatus) {
        byStatus.set(status, trimCoverage(coverage, cutMs));
      }
    }
  }
}
