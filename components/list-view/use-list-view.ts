"use client";

import type { QueryKey } from "@tanstack/react-query";
import { useRef } from "react";
import type { AppErrorBody } from "@/lib/model/app-error-body";
import type { pageParam, pageSizeParam } from "@/lib/url-state/paging-params";
import { PAGE_SIZES, toPageSize } from "@/lib/url-state/paging-params";
import type { UrlParamChanges, UrlParamMap, UrlParamValues } from "@/lib/url-state/url-params";
import { useUrlParams } from "@/lib/url-state/use-url-params";
import {
  useListQuery,
  type ListPage,
  type ListQuery,
  type UseListQueryOptions,
} from "./use-list-query";

/** Every list view's parser map has the shared page and page-size parameters. */
export type ListParamMap = UrlParamMap & {
  page: typeof pageParam;
  per_page: typeof pageSizeParam;
};

export interface UseListViewOptions<
  Map extends ListParamMap,
  Query extends ListQuery,
  Page extends ListPage,
  Key extends QueryKey,
> {
  parsers: Map;
  toQuery: (state: UrlParamValues<Map>) => Query;
  /** The view's fetcher, as query options; keep it stable (a module function or `useCallback`). */
  optionsFor: UseListQueryOptions<Query, Page, Key>["optionsFor"];
  serverError: AppErrorBody | null;
  prefetchNextOnNavigation?: boolean;
  /** Cleared whenever the filters or the page change (the runs view's open run). */
  resets?: UrlParamChanges<Map>;
}

/**
 * A list view's state and data in one: the URL state of its parser map, its page of rows, and
 * the props its pagination and its body take. Filter and page changes are new history entries;
 * changing a filter goes back to page 1.
 */
export function useListView<
  Map extends ListParamMap,
  Query extends ListQuery,
  Page extends ListPage,
  Key extends QueryKey,
>({
  parsers,
  toQuery,
  optionsFor,
  serverError,
  prefetchNextOnNavigation,
  resets,
}: UseListViewOptions<Map, Query, Page, Key>) {
  const [state, setState] = useUrlParams(parsers, { history: "push" });
  const query = toQuery(state);
  const list = useListQuery({ query, optionsFor, serverError, prefetchNextOnNavigation });
  const bodyRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);

  function changeFilters(changes: UrlParamChanges<Map>) {
    setState({ ...changes, page: null, ...resets });
  }

  /** A new page; when the table's top is scrolled away, it is brought back. */
  function goToPage(page: number) {
    setState({ page, ...resets } as UrlParamChanges<Map>);
    const body = bodyRef.current;
    if (body && body.getBoundingClientRect().top < 0) body.scrollIntoView({ block: "start" });
  }

  /** For the empty state's button, which leaves with it: focus goes to the first filter. */
  function focusFilters() {
    toolbarRef.current?.querySelector<HTMLElement>("input, button, select")?.focus();
  }

  /** For controls that leave while the rows change: focus goes to the list's body. */
  function focusBody() {
    bodyRef.current?.focus({ preventScroll: true });
  }

  return {
    state,
    setState,
    query,
    list,
    bodyRef,
    toolbarRef,
    changeFilters,
    goToPage,
    focusFilters,
    focusBody,
    /** Spread on `DataTablePagination` (with the view's `itemLabel`) once a page has arrived. */
    pagination: (total: number) => ({
      page: state.page,
      perPage: state.per_page,
      total,
      pageSizes: PAGE_SIZES,
      onPageChange: goToPage,
      onPageSizeChange: (size: number) =>
        setState({ per_page: toPageSize(size), page: null, ...resets } as UrlParamChanges<Map>),
      onNextPageIntent: () => list.prefetchNextPage("intent"),
    }),
    /** Spread on `ListView`, with the view's heading, toolbar and rows. */
    frame: { toolbarRef, bodyRef },
    /** Spread on `ListContent`, with the view's skeleton and empty state. */
    content: {
      error: list.error,
      errorKey: list.errorKey,
      onRetry: list.retry,
      loading: list.page === undefined,
    },
    /** Spread on `ListEmptyState`, with the view's words and its way to clear the filters. */
    emptyState: (total: number) => ({
      total,
      page: state.page,
      pageCount: list.pageCount,
      onGoToPage: (target: number) => {
        goToPage(target);
        focusBody();
      },
    }),
  };
}
