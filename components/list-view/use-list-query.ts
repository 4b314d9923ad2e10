"use client";

import {
  keepPreviousData,
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseQueryOptions,
} from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { toErrorDetails, type AppErrorBody } from "@/lib/model/app-error-body";
import type { PageMeta } from "@/lib/model/page-meta";
import type { RequestPriority } from "@/lib/model/request-priority";

/** What every list view asks for: a page of some size. */
export interface ListQuery {
  page: number;
  perPage: number;
}

/** What every list view gets back: rows of some kind, and where they sit in the whole list. */
export interface ListPage {
  meta: PageMeta;
  /** The quota layer's advice: the key has room to fetch the next page before it is asked for. */
  eagerPrefetch?: boolean;
}

export interface UseListQueryOptions<
  Query extends ListQuery,
  Page extends ListPage,
  Key extends QueryKey,
> {
  query: Query;
  /**
   * The view's fetcher, as query options; keep it stable (a module function or `useCallback`).
   * A fetch ahead passes its priority, so the server's quota layer may hold it back.
   */
  optionsFor: (query: Query, priority?: RequestPriority) => UseQueryOptions<Page, Error, Page, Key>;
  /** The server's failure for the first page, if it had one (a success is in the query cache). */
  serverError: AppErrorBody | null;
  /**
   * Fetch the next page as soon as a view is reached in the browser, not only on intent. A page
   * load then still costs one call, and someone who is paging or filtering finds the next page
   * ready, when the quota layer says the key has room (`eagerPrefetch`; never on Starter). Off
   * where one page costs several LeadLex calls.
   */
  prefetchNextOnNavigation?: boolean;
}

/**
 * The data side of a list view: the page the URL asks for (hydrated from the server for the first
 * one), the previous rows kept on screen while the next load, the error to show, the next page
 * fetched ahead, and a retry that asks again even when the server's own attempt failed.
 */
export function useListQuery<Query extends ListQuery, Page extends ListPage, Key extends QueryKey>({
  query,
  optionsFor,
  serverError,
  prefetchNextOnNavigation = false,
}: UseListQueryOptions<Query, Page, Key>) {
  const queryClient = useQueryClient();
  const options = optionsFor(query);
  const keyText = JSON.stringify(options.queryKey);

  // The server already tried this exact view and failed: show that instead of asking again at once.
  const [serverFailure, setServerFailure] = useState(() =>
    serverError ? { key: keyText, error: serverError.error } : null,
  );
  const initialFailure = serverFailure?.key === keyText ? serverFailure.error : null;

  const result = useQuery({
    ...options,
    placeholderData: keepPreviousData,
    enabled: initialFailure === null,
  });
  const page = result.data;
  const error = initialFailure ?? (result.isError ? toErrorDetails(result.error) : null);
  const pageCount = page ? Math.max(1, Math.ceil(page.meta.total / query.perPage)) : 1;

  /** A person's intent (pointer or focus) by default; "prefetch" when nobody asked yet. */
  const prefetch = useCallback(
    (next: Query, priority: RequestPriority = "intent") =>
      void queryClient.prefetchQuery(optionsFor(next, priority)),
    [queryClient, optionsFor],
  );

  const prefetchNextPage = useCallback(
    (priority: RequestPriority = "intent") => {
      if (!page || result.isPlaceholderData || query.page >= pageCount) return;
      prefetch({ ...query, page: query.page + 1 }, priority);
    },
    [page, result.isPlaceholderData, query, pageCount, prefetch],
  );

  // A page load costs at most one call: the server-rendered view fetches its next page only on
  // intent (pointer or focus on Next).
  const [hydratedKey] = useState(keyText);
  const eagerPrefetch = page?.eagerPrefetch === true;
  useEffect(() => {
    if (!prefetchNextOnNavigation || !eagerPrefetch || keyText === hydratedKey) return;
    // After the new rows are painted: a click's effects run before the paint, and this fetch's
    // setup was 8 ms of a page change there.
    const timer = setTimeout(() => prefetchNextPage("prefetch"), 16);
    return () => clearTimeout(timer);
  }, [prefetchNextOnNavigation, eagerPrefetch, keyText, hydratedKey, prefetchNextPage]);

  const { refetch } = result;
  const retry = useCallback(() => {
    setServerFailure(null);
    void refetch();
  }, [refetch]);

  return {
    page,
    error,
    /** Changes with every new failure, so a new 429 starts a new countdown. */
    errorKey: initialFailure ? "server" : String(result.errorUpdatedAt),
    pageCount,
    /** A fetch is under way, for this view or its placeholder. */
    fetching: result.isFetching,
    /** The rows shown belong to the previous view while this one loads. */
    stale: result.isPlaceholderData,
    prefetch,
    prefetchNextPage,
    retry,
  };
}
