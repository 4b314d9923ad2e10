import { queryOptions } from "@tanstack/react-query";
import type { RequestPriority } from "@/lib/model/request-priority";
import { isFilling, type RunsAcrossPage } from "@/lib/model/runs-across-page";
import type { RunsAcrossQuery } from "@/lib/url-state/runs-across-view-state";
import { fetchOwnApi } from "./fetch-own-api";

/** While a fill runs, the view asks again this often and shows what arrived (never an empty wait). */
const FILLING_POLL_MS = 2_000;

export function runsAcrossQueryKey(query: RunsAcrossQuery) {
  return [
    "runs-across",
    query.page,
    query.perPage,
    query.status,
    query.window,
    query.after,
    query.before,
    query.workflow,
    query.entity,
    query.reason,
    query.stillFailing,
  ] as const;
}

export function runsAcrossApiPath(
  query: RunsAcrossQuery,
  fill: "confirm" | "cancel" | null = null,
): string {
  const search = new URLSearchParams();
  if (query.page !== 1) search.set("page", String(query.page));
  search.set("per_page", String(query.perPage));
  search.set("status", query.status);
  if (query.after) {
    search.set("after", query.after);
    if (query.before) search.set("before", query.before);
  } else {
    search.set("window", query.window);
  }
  if (query.workflow) search.set("workflow", query.workflow);
  if (query.entity) search.set("entity", query.entity);
  if (query.reason) search.set("reason", query.reason);
  if (query.stillFailing) search.set("still_failing", "1");
  if (fill) search.set("fill", fill);
  return `/api/runs?${search}`;
}

export function runsAcrossQueryOptions(query: RunsAcrossQuery, priority: RequestPriority = "user") {
  return queryOptions({
    queryKey: runsAcrossQueryKey(query),
    queryFn: ({ signal }) =>
      fetchOwnApi<RunsAcrossPage>(runsAcrossApiPath(query), signal, priority),
    refetchInterval: (current) => {
      const page = current.state.data;
      if (!page || !isFilling(page)) return false;
      const waitMs = (page.fill.retryAfterSeconds ?? 0) * 1000;
      return Math.max(FILLING_POLL_MS, Math.min(waitMs, 60_000));
    },
  });
}
