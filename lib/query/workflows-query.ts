import { queryOptions } from "@tanstack/react-query";
import type { RequestPriority } from "@/lib/model/request-priority";
import type { WorkflowListQuery, WorkflowListWithHealth } from "@/lib/workflows/workflow-list";
import { fetchOwnApi } from "./fetch-own-api";

/**
 * One query key per (page, filters), used by the server's prefetch and the browser's refetches
 * alike, so the hydrated first page is found under exactly the key the list asks for.
 */
/** Every page and filter of the workflow list. */
export const WORKFLOWS_KEY = ["workflows"] as const;

export function workflowsQueryKey(query: WorkflowListQuery) {
  return [
    ...WORKFLOWS_KEY,
    query.page,
    query.perPage,
    query.enabled,
    query.entity,
    query.search,
    query.sort,
  ] as const;
}

/**
 * The canonical form `GET /api/workflows` insists on; defaults are left out. `loadHealth`: the
 * person asked for the health figures the list held back (the answer replaces the cached page).
 */
export function workflowsApiPath(query: WorkflowListQuery, loadHealth = false): string {
  const search = new URLSearchParams();
  if (query.page !== 1) search.set("page", String(query.page));
  search.set("per_page", String(query.perPage));
  if (query.enabled !== null) search.set("enabled", String(query.enabled));
  if (query.entity) search.set("entity", query.entity);
  if (query.search) search.set("q", query.search);
  if (query.sort) search.set("sort", query.sort);
  if (loadHealth) search.set("health", "load");
  return `/api/workflows?${search}`;
}

export function workflowsQueryOptions(
  query: WorkflowListQuery,
  priority: RequestPriority = "user",
) {
  return queryOptions({
    queryKey: workflowsQueryKey(query),
    queryFn: ({ signal }) =>
      fetchOwnApi<WorkflowListWithHealth>(workflowsApiPath(query), signal, priority),
  });
}
