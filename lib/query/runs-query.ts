import { queryOptions } from "@tanstack/react-query";
import type { LogsQuery } from "@/lib/model/queries";
import type { RunsPage } from "@/lib/model/run";
import { fetchOwnApi } from "./fetch-own-api";

/**
 * One query key per (workflow, page, filters), used by the server's prefetch and the browser's
 * refetches alike, so the hydrated first page is found under exactly the key the table asks for.
 */
export function runsQueryKey(workflowId: string, query: LogsQuery) {
  return ["runs", workflowId, query.page, query.perPage, query.status, query.after] as const;
}

export function runsApiPath(workflowId: string, query: LogsQuery): string {
  const search = new URLSearchParams();
  if (query.page !== 1) search.set("page", String(query.page));
  search.set("per_page", String(query.perPage));
  if (query.status) search.set("status", query.status);
  if (query.after) search.set("after", query.after);
  return `/api/workflows/${encodeURIComponent(workflowId)}/logs?${search}`;
}

export function runsQueryOptions(workflowId: string, query: LogsQuery) {
  return queryOptions({
    queryKey: runsQueryKey(workflowId, query),
    queryFn: ({ signal }) => fetchOwnApi<RunsPage>(runsApiPath(workflowId, query), signal),
  });
}
