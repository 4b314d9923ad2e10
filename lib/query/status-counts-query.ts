import { queryOptions } from "@tanstack/react-query";
import { resolveAfterNow } from "@/lib/format/rolling-window";
import type { LogsQuery } from "@/lib/model/queries";
import type { StatusCounts } from "@/lib/workflows/status-counts";
import { fetchOwnApi } from "./fetch-own-api";
import { runsApiPath } from "./runs-query";

/**
 * The chip counts depend on the workflow and `after` only (a rolling window stays rolling in the
 * key), so changing the status or the page asks for nothing new.
 */
export function statusCountsQueryKey(workflowId: string, after: string | null) {
  return ["counts", workflowId, after] as const;
}

/** Asked with the view's whole query, so the server can count the view's own status from its rows. */
export function statusCountsQueryOptions(workflowId: string, view: LogsQuery) {
  return queryOptions({
    queryKey: statusCountsQueryKey(workflowId, view.after),
    // No priority header: the route applies the quota rules for counts itself.
    queryFn: ({ signal }) =>
      fetchOwnApi<StatusCounts>(
        runsApiPath(workflowId, resolveAfterNow(view), "status-counts"),
        signal,
      ),
  });
}
