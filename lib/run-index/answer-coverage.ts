import type { RunStatus } from "@/lib/model/run";
import { reachesBack } from "./coverage";
import type { Coverage, StatusKey } from "./coverage";
import type { RunIndex } from "./run-index";

/**
 * What an answer rests on: for each workflow and status it needed, how far back the index is
 * synced and how fresh that is, and for each gap what filling it was estimated to cost. Views
 * show this beside every figure ("synced 7 d, as of 12:04; 2 workflows not synced: ~580 calls").
 */

export interface AnswerCoverage {
  /** The window asked about: `after` (null = from the first run) and `before` (null = now). */
  window: { fromMs: number | null; toMs: number | null };
  /** Every workflow and status needed is synced over the whole window. */
  complete: boolean;
  /** The oldest freshness among the parts that cover the window; null when none does. */
  syncedAsOfMs: number | null;
  parts: CoveragePart[];
  gaps: CoverageGap[];
  /** The gaps' estimated calls added up; null while a gap has no estimate (see planBackfill). */
  gapCalls: number | null;
  /** Runs older than this were dropped to keep the index within its byte bound. */
  droppedBeforeMs: number | null;
}

export interface CoveragePart {
  workflowId: string;
  status: StatusKey;
  /** Synced from here (null: from the first run); null with `syncedAtMs` null: not synced. */
  fromMs: number | null;
  syncedAtMs: number | null;
  coversWindow: boolean;
}

export interface CoverageGap {
  workflowId: string;
  status: StatusKey;
  /** Not synced from `fromMs` up to `toMs` (null: from the first run / up to now). */
  fromMs: number | null;
  toMs: number | null;
  /** From the last estimate that reached this far back; null when there is none. */
  estimatedCalls: number | null;
  estimatedAtMs: number | null;
}

/** The coverage of a question over these workflows, these statuses (empty: all) and window. */
export function answerCoverage(
  index: RunIndex,
  workflowIds: readonly string[],
  statuses: readonly RunStatus[],
  window: { fromMs: number | null; toMs: number | null },
): AnswerCoverage {
  const parts: CoveragePart[] = [];
  const gaps: CoverageGap[] = [];
  for (const workflowId of workflowIds) {
    for (const status of statusKeysFor(statuses)) {
      const candidates = [index.coverage(workflowId, status)];
      if (status !== "all") candidates.push(index.coverage(workflowId, "all"));
      const held = candidates.filter((coverage): coverage is Coverage => coverage !== null);
      const covering = held
        .filter((coverage) => reachesBack(coverage, window.fromMs))
        .sort((a, b) => b.syncedAtMs - a.syncedAtMs)[0];
      if (covering !== undefined) {
        parts.push({ workflowId, status, ...span(covering), coversWindow: true });
        continue;
      }
      // Synced, but not far enough back: the gap is the older part of the window.
      const deepest = held.sort((a, b) => (a.fromMs ?? 0) - (b.fromMs ?? 0))[0];
      parts.push({
        workflowId,
        status,
        ...(deepest === undefined ? { fromMs: null, syncedAtMs: null } : span(deepest)),
        coversWindow: false,
      });
      const estimate = index.estimate(workflowId, status);
      const estimateReaches =
        estimate !== null &&
        (estimate.afterMs === null ||
          (window.fromMs !== null && estimate.afterMs <= window.fromMs));
      gaps.push({
        workflowId,
        status,
        fromMs: window.fromMs,
        toMs: deepest?.fromMs ?? window.toMs,
        estimatedCalls: estimateReaches ? estimate.calls : null,
        estimatedAtMs: estimateReaches ? estimate.atMs : null,
      });
    }
  }
  const covered = parts.filter((part) => part.coversWindow);
  const freshness = covered.map((part) => part.syncedAtMs ?? 0);
  return {
    window,
    complete: gaps.length === 0,
    syncedAsOfMs: freshness.length === 0 ? null : Math.min(...freshness),
    parts,
    gaps,
    gapCalls: gaps.every((gap) => gap.estimatedCalls !== null)
      ? gaps.reduce((sum, gap) => sum + (gap.estimatedCalls ?? 0), 0)
      : null,
    droppedBeforeMs: index.droppedBeforeMs,
  };
}

/** All three statuses are one filter: "all" (a sync of every status serves each one). */
export function statusKeysFor(statuses: readonly RunStatus[]): StatusKey[] {
  const distinct = [...new Set(statuses)];
  return distinct.length === 0 || distinct.length === 3 ? ["all"] : distinct;
}

function span(coverage: Coverage): { fromMs: number | null; syncedAtMs: number } {
  return { fromMs: coverage.fromMs, syncedAtMs: coverage.syncedAtMs };
}
