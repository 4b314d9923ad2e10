import type { Run } from "@/lib/model/run";
import { compareNewestFirst, firstOlderThan, toHeldRun } from "./held-run";
import type { HeldRun } from "./held-run";

/**
 * The runs of one workflow that one key has fetched: by id, newest first, never twice, with each
 * CRM record's runs at hand for record histories and "still failing". Pages arrive in any order
 * (newest first while syncing, ever older while backfilling, a slow run late), so merging keeps
 * the order with the cheapest step that fits: append, prepend, or a full merge.
 */
export class WorkflowRuns {
  private ordered: HeldRun[] = [];
  private readonly byId = new Map<string, HeldRun>();
  /** Per entity id, newest first. */
  private readonly byEntity = new Map<string, HeldRun[]>();
  private totalBytes = 0;

  constructor(readonly workflowId: string) {}

  /** Newest first. Read-only: the index's queries scan it. */
  get runs(): readonly HeldRun[] {
    return this.ordered;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  get size(): number {
    return this.ordered.length;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The record's runs in this workflow, newest first (empty when none is held). */
  runsOf(entityId: string): readonly HeldRun[] {
    return this.byEntity.get(entityId) ?? [];
  }

  /**
   * Adds the runs not held yet and returns them. Runs of another workflow, or with a time that
   * cannot be read, are not this set's to hold; they are counted in `ignored`.
   */
  merge(runs: readonly Run[]): { added: HeldRun[]; ignored: number } {
    const added: HeldRun[] = [];
    let ignored = 0;
    const seen = new Set<string>();
    for (const run of runs) {
      // Held already (or twice in one page, as paging while runs arrive gives): LeadLex never
      // changes a run once written, so the copy held is the run.
      if (this.byId.has(run.id) || seen.has(run.id)) continue;
      const held = run.workflowId === this.workflowId ? toHeldRun(run) : null;
      if (held === null) {
        ignored += 1;
        continue;
      }
      seen.add(run.id);
      added.push(held);
    }
    if (added.length === 0) return { added, ignored };
    added.sort(compareNewestFirst);
    this.insertSorted(added);
    for (const held of added) {
      this.byId.set(held.run.id, held);
      this.totalBytes += held.bytes;
      const list = this.byEntity.get(held.run.entityId);
      if (list === undefined) this.byEntity.set(held.run.entityId, [held]);
      else insertInto(list, held);
    }
    return { added, ignored };
  }

  /** Drops every run triggered before `cutMs`; returns what it freed. */
  dropOlderThan(cutMs: number): { runs: number; bytes: number } {
    const keep = firstOlderThan(this.ordered, cutMs);
    const dropped = this.ordered.slice(keep);
    if (dropped.length === 0) return { runs: 0, bytes: 0 };
    this.ordered = this.ordered.slice(0, keep);
    let bytes = 0;
    for (const held of dropped) {
      bytes += held.bytes;
      this.byId.delete(held.run.id);
      const list = this.byEntity.get(held.run.entityId);
      if (list === undefined) continue;
      // The dropped runs are the oldest, so they sit at the end of each record's list.
      const kept = list.filter((entry) => entry.atMs >= cutMs);
      if (kept.length === 0) this.byEntity.delete(held.run.entityId);
      else this.byEntity.set(held.run.entityId, kept);
    }
    this.totalBytes -= bytes;
    return { runs: dropped.length, bytes };
  }

  private insertSorted(batch: HeldRun[]): void {
    const current = this.ordered;
    const newestOfBatch = batch[0];
    const oldestOfBatch = batch[batch.length - 1];
    const oldestHeld = current[current.length - 1];
    const newestHeld = current[0];
    if (newestOfBatch === undefined || oldestOfBatch === undefined) return;
    if (oldestHeld === undefined || compareNewestFirst(oldestHeld, newestOfBatch) < 0) {
      // A backfill page: all older than anything held.
      for (const held of batch) current.push(held);
      return;
    }
    if (newestHeld !== undefined && compareNewestFirst(oldestOfBatch, newestHeld) < 0) {
      // A sync page: all newer.
      this.ordered = batch.concat(current);
      return;
    }
    const merged: HeldRun[] = new Array<HeldRun>(current.length + batch.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < current.length || j < batch.length) {
      const a = current[i];
      const b = batch[j];
      if (b === undefined || (a !== undefined && compareNewestFirst(a, b) <= 0)) {
        merged[k++] = a as HeldRun;
        i += 1;
      } else {
        merged[k++] = b;
        j += 1;
      }
    }
    this.ordered = merged;
  }
}

/** Records have few runs each: a linear insertion keeps the list newest first. */
function insertInto(list: HeldRun[], held: HeldRun): void {
  let at = list.length;
  while (at > 0 && compareNewestFirst(list[at - 1] as HeldRun, held) > 0) at -= 1;
  list.splice(at, 0, held);
}
