import type { RunStatus } from "@/lib/model/run";

/**
 * What the index has synced, per workflow and per status filter: the run set it holds may be
 * larger (pages of a sync still running, or cut short), but only coverage is vouched for.
 *
 * A coverage says: every run of this workflow with this status and `triggered_at >= fromMs` that
 * LeadLex showed at `syncedAtMs` is held. It rests on LeadLex writing a run once, when it
 * completes, and never changing or removing it: runs only ever join a newest-first listing, so a
 * run is never skipped by paging (only seen twice), and nothing once held goes stale.
 */
export type StatusKey = "all" | RunStatus;

export const STATUS_KEYS: readonly StatusKey[] = ["all", "success", "failed", "skipped"];

export interface Coverage {
  /** Inclusive lower bound on `triggered_at`, epoch ms; null = since the workflow's first run. */
  fromMs: number | null;
  /** When the listing these runs were read from was first asked for (Runboard's clock). */
  syncedAtMs: number;
  /**
   * The newest `triggered_at` among the runs read by syncs that reached the top of the listing:
   * the next sync asks from here (minus the look-back), in LeadLex's own clock.
   */
  newestMs: number | null;
}

/** What one finished fill vouches for (see fill-job.ts). */
export interface FillResult {
  afterMs: number | null;
  /** Time of its first page. */
  syncedAtMs: number;
  /** Newest `triggered_at` it read; null when it read none. */
  newestMs: number | null;
  /** False when it started below the pages already covered (a backfill of older runs only). */
  coveredTop: boolean;
}

/**
 * The coverage after a fill. A fill that read from the top vouches for everything from its
 * `after` up as of its first page; one that started below the covered pages vouches only for the
 * older runs it added, so the top keeps the freshness it had.
 */
export function mergeCoverage(current: Coverage | null, fill: FillResult): Coverage {
  const fromMs = lowerOf(current?.fromMs, fill.afterMs);
  if (current === null || fill.coveredTop) {
    return {
      fromMs,
      syncedAtMs: Math.max(current?.syncedAtMs ?? fill.syncedAtMs, fill.syncedAtMs),
      newestMs: newerOf(current?.newestMs ?? null, fill.newestMs),
    };
  }
  return { fromMs, syncedAtMs: current.syncedAtMs, newestMs: current.newestMs };
}

/** After the byte bound dropped every run older than `cutMs`. */
export function trimCoverage(coverage: Coverage, cutMs: number): Coverage {
  return { ...coverage, fromMs: Math.max(coverage.fromMs ?? cutMs, cutMs) };
}

/** Whether the coverage reaches back to `fromMs` (null = the very first run). */
export function reachesBack(coverage: Coverage, fromMs: number | null): boolean {
  if (coverage.fromMs === null) return true;
  return fromMs !== null && coverage.fromMs <= fromMs;
}

function lowerOf(a: number | null | undefined, b: number | null): number | null {
  if (a === null || b === null) return null;
  return a === undefined ? b : Math.min(a, b);
}

function newerOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
