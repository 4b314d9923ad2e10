import type { QuotaLayer } from "@/lib/quota-layer/quota-layer";
import type { FetchLogsPage } from "./fetch-logs-page";

/**
 * The index's one way to LeadLex for one key: the quota layer, at background priority (it keeps
 * the key's last calls of the minute and the day for people's clicks, and refuses with
 * `rate_limited` and a wait instead of queueing), and always fresh (a sync must see runs that
 * arrived since a cached page was fetched; identical calls on their way are still joined).
 */
export function fetchThroughQuotaLayer(
  layer: Pick<QuotaLayer, "listWorkflowLogs">,
  apiKey: string,
): FetchLogsPage {
  return async (workflowId, request, signal) => {
    const page = await layer.listWorkflowLogs(
      apiKey,
      workflowId,
      {
        page: request.page,
        perPage: request.perPage,
        status: request.status,
        after: request.after,
      },
      { priority: "background", fresh: true, signal },
    );
    return { runs: page.runs, total: page.meta.total, rateLimit: page.rateLimit };
  };
}

/** The key's calls left today as every replica's ledger shows them; null before LeadLex said. */
export async function remainingDailyQuotaOf(
  layer: Pick<QuotaLayer, "readLedger">,
  apiKey: string,
): Promise<number | null> {
  return (await layer.readLedger(apiKey)).daily?.remaining ?? null;
}
