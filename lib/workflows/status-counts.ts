import type { RunStatus } from "@/lib/model/run";

/**
 * The counts on a workflow's status chips ("Failed 412") for the view's `after`, each LeadLex's
 * `meta.total` for that filter or the run index's count when it covers it. Browser-safe.
 */
export interface StatusCounts {
  /** Null where the count was not loaded (held back to keep the key's quota, or it failed). */
  byStatus: Record<RunStatus, number | null>;
  /** Every status: the view's own rows answer when it has no status, else the three added up. */
  all: number | null;
  /**
   * Why some count was not asked for, in the words its chip's tooltip shows: the key's calls are
   * kept for people's own clicks (a 10-a-minute plan, or a short quota). Null when none was.
   */
  notCountedBecause: string | null;
  /** LeadLex calls these counts made now (0 when all came from the cache or the index). */
  callsSpent: number;
  /** Counts the run index answered, without a call. */
  fromIndex: number;
}
