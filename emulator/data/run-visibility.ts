import { MAX_RUN_DURATION_MS } from "./action-profiles";
import { firstIndexWhere } from "./run-store";
import type { RunStore, RunView } from "./run-store";

// LeadLex writes a run once, when it completes, and never changes it. So a run becomes visible at
// triggered_at + duration_ms, not at triggered_at: a slow run can appear after quicker ones that
// were triggered later, with a triggered_at older than the newest run already shown. Only runs
// triggered in the last MAX_RUN_DURATION_MS can still be running, so working out which runs an
// answer may show looks at that short stretch of the store and nothing else.

export interface VisibilityFacts {
  /** triggered_at + duration_ms of a generated run, in epoch ms. */
  completionMs(position: number): number;
  /** Verbatim entries by position: the instant each became visible (its completion, or when a
   * test added it). */
  fixedVisibleFromMs: ReadonlyMap<number, number>;
  /** The largest value of fixedVisibleFromMs: answers at or after it need not look at them. */
  latestFixedVisibleFromMs: number;
}

export function viewAt(store: RunStore, asOfMs: number, facts: VisibilityFacts): RunView {
  const { ts } = store;
  const asOfSec = Math.floor(asOfMs / 1000);
  const start = firstIndexWhere(ts.length, (i) => (ts[i] ?? 0) <= asOfSec);
  const hidden: number[] = [];
  for (
    let position = start;
    position < ts.length && (ts[position] ?? 0) * 1000 > asOfMs - MAX_RUN_DURATION_MS;
    position++
  ) {
    if (store.fixed.has(position)) continue;
    if (facts.completionMs(position) > asOfMs) hidden.push(position);
  }
  if (asOfMs < facts.latestFixedVisibleFromMs) {
    for (const [position, visibleFromMs] of facts.fixedVisibleFromMs) {
      if (position >= start && visibleFromMs > asOfMs) hidden.push(position);
    }
    hidden.sort((a, b) => a - b);
  }
  return { start, hidden };
}
