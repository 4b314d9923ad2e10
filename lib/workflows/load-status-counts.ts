import "server-only";
import type { LogsQuery } from "@/lib/model/queries";
import { runStatuses, type RunStatus } from "@/lib/model/run";
import type { StatusCounts } from "@/lib/workflows/status-counts";
import { quotaLayer } from "@/lib/quota-layer";
import type { QuotaLayer } from "@/lib/quota-layer/quota-layer";
import { HeldBackError } from "@/lib/quota-layer/held-back-error";
import { statusCount } from "@/lib/run-index/queries";
import { runIndexService } from "@/lib/run-index/server";
import type { RunIndex } from "@/lib/run-index/run-index";
import { healthAllowance } from "./health-budget";
import type { HealthHeldBecause } from "./workflow-health";
import { INDEX_FRESHNESS_MS } from "./load-workflow-health";

const NOT_COUNTED_BECAUSE: Record<HealthHeldBecause, string> = {
  starter_plan:
    "Not counted: on a 10-calls-a-minute plan Runboard spends no LeadLex call on counts nobody clicked for. Press the chip to see its runs and their number.",
  list_budget:
    "Not counted: Runboard keeps this key's LeadLex calls for your own clicks. Press the chip to see its runs and their number.",
  quota:
    "Not counted: this key's LeadLex quota is nearly spent for now, and Runboard keeps the rest for your own clicks.",
};

export interface StatusCountSources {
  layer: Pick<QuotaLayer, "listWorkflowLogs" | "readLedger">;
  /** The key's run index as held; null when it cannot be read (the counts are then asked for). */
  readIndex: (apiKey: string) => Promise<RunIndex | null>;
}

/**
 * The counts on one workflow's status chips for the view's `after` (an instant, already resolved).
 * Per status, the first that answers: the run index, when it covers that status back to `after`
 * and was synced within a minute (0 calls); a cached page of that status's rows (the view's own,
 * or page 1 of another chip at the same page size: 0 calls); else one `per_page=1` call with the same filters (`meta.total`),
 * cached like any logs answer. Those calls follow the workflow list's rules for figures nobody
 * clicked for (`healthAllowance`: none on a 10-a-minute plan, never the minute's last quarter or
 * the day's last fifth) and go at background priority, so when the key's quota is short that chip
 * shows no count and says why: at most 3 calls per workflow and `after`, 0 on a repeat within
 * the cache's minute. Never rejects: a count that failed is simply not shown.
 */
export async function loadStatusCounts(
  sources: StatusCountSources,
  apiKey: string,
  workflowId: string,
  view: LogsQuery,
  options: { nowMs: number; signal?: AbortSignal },
): Promise<StatusCounts> {
  const { layer } = sources;
  const fromMs = view.after === null ? null : Date.parse(view.after);
  const index = await sources.readIndex(apiKey).catch(() => null);
  const cachedOnly = { cachedOnly: true, signal: options.signal };
  const countQuery = (status: RunStatus): LogsQuery => ({
    page: 1,
    perPage: 1,
    status,
    after: view.after,
  });
  const cachedTotal = (query: LogsQuery) =>
    layer
      .listWorkflowLogs(apiKey, workflowId, query, cachedOnly)
      .then((page) => page.meta.total)
      .catch(() => null);
  // The view's rows answer holds its own status's total, and a page of rows another chip showed
  // holds that chip's: each counts only if already cached.
  const viewTotal = cachedTotal(view);
  const cachedRowsTotal = async (status: RunStatus) =>
    (view.status === status ? await viewTotal : null) ??
    (await cachedTotal({ ...view, page: 1, status })) ??
    cachedTotal(countQuery(status));

  let fromIndex = 0;
  const free = await Promise.all(
    runStatuses.map(async (status) => {
      const held =
        index === null
          ? null
          : statusCount(index, workflowId, status, {
              fromMs,
              syncedSinceMs: options.nowMs - INDEX_FRESHNESS_MS,
            });
      if (held !== null) {
        fromIndex += 1;
        return held.count;
      }
      return cachedRowsTotal(status);
    }),
  );

  const missing = runStatuses.filter((_, i) => free[i] === null);
  const allowance =
    missing.length === 0
      ? null
      : healthAllowance("auto", await layer.readLedger(apiKey), options.nowMs);
  let callsSpent = 0;
  let heldBack: HealthHeldBecause | null = null;
  const asked = await Promise.all(
    missing.map(async (status, i) => {
      if (allowance === null || i >= allowance.calls) {
        heldBack = allowance?.limitedBy ?? "quota";
        return null;
      }
      try {
        const page = await layer.listWorkflowLogs(apiKey, workflowId, countQuery(status), {
          priority: "background",
          signal: options.signal,
        });
        callsSpent += 1;
        return page.meta.total;
      } catch (error) {
        if (error instanceof HeldBackError) heldBack = "quota";
        return null;
      }
    }),
  );

  const byStatus = Object.fromEntries(
    runStatuses.map((status, i) => [status, free[i] ?? asked[missing.indexOf(status)] ?? null]),
  ) as Record<RunStatus, number | null>;
  const known = Object.values(byStatus).filter((count): count is number => count !== null);
  const all = (view.status === null ? await viewTotal : null) ?? sumIfAll(known);
  return {
    byStatus,
    all,
    notCountedBecause: heldBack === null ? null : NOT_COUNTED_BECAUSE[heldBack],
    callsSpent,
    fromIndex,
  };
}

function sumIfAll(known: number[]): number | null {
  return known.length === runStatuses.length ? known.reduce((sum, count) => sum + count, 0) : null;
}

/** The counts through the quota layer and the key's run index, as the page and the route ask. */
export function loadStatusCountsForKey(
  apiKey: string,
  workflowId: string,
  view: LogsQuery,
  signal?: AbortSignal,
): Promise<StatusCounts> {
  return loadStatusCounts(
    { layer: quotaLayer(), readIndex: (key) => runIndexService().readHeld(key) },
    apiKey,
    workflowId,
    view,
    { nowMs: Date.now(), signal },
  );
}
