import type { LogEntry, RunStatus, SkipReason } from "../wire-types";

// A workflow's runs as parallel typed arrays, newest first. One million runs take ~13 MB and any
// filtered page is one binary search (for `after`) plus a slice of a per-status index: the page's
// objects are built on demand from each run's seed (see run-materializer.ts), never stored.
// The arrays also hold runs that are not visible yet (arrivals ahead of the clock, runs still in
// progress); a RunView says which ones an answer may show (see run-visibility.ts).

/** What happened to a run, one byte each; the order matters (see statusIndexOf). */
export const Outcome = {
  success: 0,
  failed: 1,
  conditionNotMet: 2,
  duplicateEvent: 3,
  dailyCapReached: 4,
  workflowDisabled: 5,
} as const;
export type OutcomeCode = (typeof Outcome)[keyof typeof Outcome];

export const SKIP_REASONS: Readonly<Record<number, SkipReason>> = {
  [Outcome.conditionNotMet]: "condition_not_met",
  [Outcome.duplicateEvent]: "duplicate_event",
  [Outcome.dailyCapReached]: "daily_cap_reached",
  [Outcome.workflowDisabled]: "workflow_disabled",
};

const STATUS_INDEX: Readonly<Record<RunStatus, 0 | 1 | 2>> = { success: 0, failed: 1, skipped: 2 };

function statusIndexOf(outcome: number): 0 | 1 | 2 {
  return outcome >= Outcome.conditionNotMet ? 2 : outcome === Outcome.failed ? 1 : 0;
}

/** Runs sorted newest first, ties broken by seed descending (which is id descending). */
export interface GeneratedRuns {
  ts: Uint32Array;
  outcome: Uint8Array;
  seed: Uint32Array;
}

export interface RunStore {
  /** `triggered_at` in epoch seconds, newest first; equal seconds ordered by id descending. */
  readonly ts: Uint32Array;
  readonly outcome: Uint8Array;
  /** Every other field of a run derives from its seed; seeds are unique within a store. */
  readonly seed: Uint32Array;
  /** Entries served verbatim (the seed doc's example, hostile content), keyed by position. */
  readonly fixed: ReadonlyMap<number, LogEntry>;
  /** Positions per status (success, failed, skipped), ascending, so also newest first. */
  readonly byStatus: readonly [Uint32Array, Uint32Array, Uint32Array];
}

export interface RunFilter {
  status?: RunStatus;
  /** Inclusive lower bound on triggered_at, whole epoch seconds. */
  afterSec?: number;
}

export interface RunSelection {
  /** Runs matching the filter, whatever the page. */
  total: number;
  positions: number[];
}

/**
 * Merges verbatim entries into generated runs at their sort position. `runIdOf` is only called
 * for generated runs that share a second with a fixed entry.
 */
export function buildRunStore(
  generated: GeneratedRuns,
  fixedEntries: readonly LogEntry[],
  runIdOf: (position: number) => string,
): RunStore {
  const extra = fixedEntries
    .map((entry) => ({ entry, tsSec: Math.floor(Date.parse(entry.triggered_at) / 1000) }))
    .sort((a, b) => b.tsSec - a.tsSec || (a.entry.id < b.entry.id ? 1 : -1));
  const total = generated.ts.length + extra.length;
  const ts = new Uint32Array(total);
  const outcome = new Uint8Array(total);
  const seed = new Uint32Array(total);
  const fixed = new Map<number, LogEntry>();

  let from = 0;
  let to = 0;
  for (const { entry, tsSec } of extra) {
    const insertAt = firstIndexWhere(generated.ts.length, (i) => {
      const genTs = generated.ts[i] ?? 0;
      return genTs < tsSec || (genTs === tsSec && runIdOf(i) < entry.id);
    });
    const count = Math.max(0, insertAt - from);
    ts.set(generated.ts.subarray(from, from + count), to);
    outcome.set(generated.outcome.subarray(from, from + count), to);
    seed.set(generated.seed.subarray(from, from + count), to);
    from += count;
    to += count;
    ts[to] = tsSec;
    outcome[to] = outcomeOfEntry(entry);
    fixed.set(to, entry);
    to += 1;
  }
  ts.set(generated.ts.subarray(from), to);
  outcome.set(generated.outcome.subarray(from), to);
  seed.set(generated.seed.subarray(from), to);

  return { ts, outcome, seed, fixed, byStatus: indexByStatus(outcome) };
}

/**
 * Which runs of a store an answer may show. Runs before `start` are in the future; `hidden` lists
 * the positions at or after it that are not visible yet either (still running, or added later
 * than the instant asked about). Hidden runs are few: only the last minute or so of runs.
 */
export interface RunView {
  start: number;
  /** Ascending positions, all >= start. */
  hidden: readonly number[];
}

/** Every run visible: what a store without arrivals shows. */
export const WHOLE_STORE: RunView = { start: 0, hidden: [] };

export function selectRuns(
  store: RunStore,
  view: RunView,
  filter: RunFilter,
  offset: number,
  limit: number,
): RunSelection {
  const index = filter.status === undefined ? null : store.byStatus[STATUS_INDEX[filter.status]];
  const range = visibleRange(store, view, index, filter.afterSec, undefined);
  const positions: number[] = [];
  for (let k = offset; k < Math.min(range.total, offset + limit); k++) {
    // The k-th visible entry: step over each hidden one at or before it.
    let i = range.from + k;
    for (const hiddenAt of range.hiddenOffsets) {
      if (hiddenAt <= i) i += 1;
      else break;
    }
    positions.push(index === null ? i : (index[i] ?? 0));
  }
  return { total: range.total, positions };
}

/** Visible runs with fromSec <= triggered_at < toSec that executed their action (not skipped). */
export function countExecutedBetween(
  store: RunStore,
  view: RunView,
  fromSec: number,
  toSec: number,
): number {
  const all = visibleRange(store, view, null, fromSec, toSec).total;
  return all - visibleRange(store, view, store.byStatus[2], fromSec, toSec).total;
}

interface VisibleRange {
  /** Offsets into the index (or positions, without one): [from, to). */
  from: number;
  to: number;
  /** Offsets in [from, to) that are hidden, ascending. */
  hiddenOffsets: number[];
  total: number;
}

/** The visible runs of an index with afterSec <= triggered_at < beforeSec (bounds optional). */
function visibleRange(
  store: RunStore,
  view: RunView,
  index: Uint32Array | null,
  afterSec: number | undefined,
  beforeSec: number | undefined,
): VisibleRange {
  const length = index === null ? store.ts.length : index.length;
  const positionAt = (i: number) => (index === null ? i : (index[i] ?? 0));
  const firstVisible = firstIndexWhere(length, (i) => positionAt(i) >= view.start);
  const from =
    beforeSec === undefined
      ? firstVisible
      : Math.max(firstVisible, countAtOrAfter(store, index, beforeSec));
  const to = afterSec === undefined ? length : countAtOrAfter(store, index, afterSec);
  const hiddenOffsets: number[] = [];
  for (const position of view.hidden) {
    const offset =
      index === null ? position : firstIndexWhere(length, (i) => (index[i] ?? 0) >= position);
    if (offset >= from && offset < to && positionAt(offset) === position) {
      hiddenOffsets.push(offset);
    }
  }
  return { from, to, hiddenOffsets, total: Math.max(0, to - from - hiddenOffsets.length) };
}

/** Because runs are newest first, the runs at or after a bound are a prefix: find its length. */
function countAtOrAfter(store: RunStore, index: Uint32Array | null, boundSec: number): number {
  const { ts } = store;
  if (index === null) return firstIndexWhere(ts.length, (i) => (ts[i] ?? 0) < boundSec);
  return firstIndexWhere(index.length, (i) => (ts[index[i] ?? 0] ?? 0) < boundSec);
}

/** Binary search: the first i in [0, length) where `test` holds, given it is monotone. */
export function firstIndexWhere(length: number, test: (i: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (test(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

function indexByStatus(outcome: Uint8Array): [Uint32Array, Uint32Array, Uint32Array] {
  const counts = [0, 0, 0];
  for (const code of outcome) {
    const status = statusIndexOf(code);
    counts[status] = (counts[status] ?? 0) + 1;
  }
  const index: [Uint32Array, Uint32Array, Uint32Array] = [
    new Uint32Array(counts[0] ?? 0),
    new Uint32Array(counts[1] ?? 0),
    new Uint32Array(counts[2] ?? 0),
  ];
  const filled = [0, 0, 0];
  for (let position = 0; position < outcome.length; position++) {
    const status = statusIndexOf(outcome[position] ?? 0);
    const next = filled[status] ?? 0;
    index[status][next] = position;
    filled[status] = next + 1;
  }
  return index;
}

export function outcomeOfEntry(entry: LogEntry): OutcomeCode {
  if (entry.status === "success") return Outcome.success;
  if (entry.status === "failed") return Outcome.failed;
  switch (entry.skip_reason) {
    case "duplicate_event":
      return Outcome.duplicateEvent;
    case "daily_cap_reached":
      return Outcome.dailyCapReached;
    case "workflow_disabled":
      return Outcome.workflowDisabled;
    default:
      return Outcome.conditionNotMet;
  }
}
