import { queryOptions } from "@tanstack/react-query";
import type { RequestPriority } from "@/lib/model/request-priority";
import type { RecordHistoryPage } from "@/lib/model/record-history-page";
import { isFilling } from "@/lib/model/runs-across-page";

import type { RecordHistoryQuery } from "@/lib/url-state/record-view-state";
import { fetchOwnApi } from "./fetch-own-api";

/** While a fill runs, the view asks again this often and shows what arrived. */
const FILLING_POLL_MS = 2_000;

export function recordHistoryQueryKey(query: RecordHistoryQuery) {
  return ["record-history", query.entityId, query.window, query.page, query.perPage] as const;
}

export function recordHistoryApiPath(
  query: RecordHistoryQuery,
  fill: "confirm" | "cancel" | null = null,
): string {
  const search = new URLSearchParams();
  if (query.page !== 1) search.set("page", String(query.page));
  search.set("per_page", String(query.perPage));
  search.set("window", query.window);
  if (fill) search.set("fill", fill);
  return `/api/records/${encodeURIComponent(query.entityId)}?${search}`;
}

export function recordHistoryQueryOptions(
  query: RecordHistoryQuery,
  priority: RequestPriority = "user",
) {
  return queryOptions({
    queryKey: recordHistoryQueryKey(query),
    queryFn: ({ signal }) =>
      fetchOwnApi<RecordHistoryPage>(recordHistoryApiPath(query), signal, priority),
    // As /runs does: every 2 s while the fill runs, or after the wait LeadLex named.
    refetchInterval: (current) => {
      const page = current.state.data;
      if (!page || !isFilling(page)) return false;
      return Math.max(FILLING_POLL_MS, Math.min((page.fill.retryAfterSeconds ?? 0) * 1000, 60_000));
    },
  });
}
