import { queryOptions } from "@tanstack/react-query";
import { resolveAfterNow } from "@/lib/format/rolling-window";
import type { AsOf, PrefetchAdvice } from "@/lib/model/freshness";
import type { LogsQuery } from "@/lib/model/queries";
import type { RequestPriority } from "@/lib/model/request-priority";
import type { RunsPage } from "@/lib/model/run";
import { fetchOwnApi } from "./fetch-own-api";

/** A page of runs as our route handler serves it: with its age and the quota's advice. */
export type ServedRunsPage = RunsPage & AsOf & PrefetchAdvice;

/**
 * One query key per (workflow, page, filters), used by the server's prefetch and the browser's
 * refetches alike, so the hydrated first page is found under exactly the key the table asks for.
 * A rolling `after` stays rolling in the key: "the last 24 hours" is one view, whenever asked.
 */
export function runsQueryKey(workflowId: string, query: LogsQuery) {
  return [
    ...runsOfWorkflowKey(workflowId),
    query.page,
    query.perPage,
    query.status,
    query.after,
  ] as const;
}

/** Every page and filter of one workflow's runs, e.g. to mark them stale after a Refresh. */
export function runsOfWorkflowKey(workflowId: string) {
  return ["runs", workflowId] as const;
}

/** Our route for a workflow's runs, or for the counts of its status chips (same parameters). */
export function runsApiPath(
  workflowId: string,
  query: LogsQuery,
  resource: "logs" | "status-counts" = "logs",
): string {
  const search = new URLSearchParams();
  if (query.page !== 1) search.set("page", String(query.page));
  search.set("per_page", String(query.perPage));
  if (query.status) search.set("status", query.status);
  if (query.after) search.set("after", query.after);
  return `/api/workflows/${encodeURIComponent(workflowId)}/${resource}?${search}`;
}

export function runsQueryOptions(
  workflowId: string,
  query: LogsQuery,
  priority: RequestPriority = "user",
) {
  return queryOptions({
    queryKey: runsQueryKey(workflowId, query),
    // The instant of a rolling window is the one at the time of each fetch, not of the render.
    queryFn: ({ signal }) =>
      fetchOwnApi<ServedRunsPage>(
        runsApiPath(workflowId, resolveAfterNow(query)),
        signal,
        priority,
      ),
  });
}

/** The runs view's fetcher as it hands it to the code it loads on demand (Live). */
export type RunsQueryOptionsFor = (
  query: LogsQuery,
  priority?: RequestPriority,
) => ReturnType<typeof runsQueryOptions>;
