"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { formatCount } from "@/lib/format/numbers";
import { AppError, toAppError, type AppErrorBody } from "@/lib/model/app-error";
import { oldestFetchedAt } from "@/lib/model/freshness";
import type { RunStatus } from "@/lib/model/run";
import { runsQueryKey, runsQueryOptions } from "@/lib/query/runs-query";
import {
  PAGE_SIZES,
  runsViewParsers,
  toLogsQuery,
  type PageSize,
  type RunsViewCorrection,
} from "@/lib/url-state/runs-view";
import { useUrlParams } from "@/lib/url-state/use-url-params";
import { AfterFilter } from "./after-filter/after-filter";
import { QuotaIndicator } from "./quota-indicator";
import { runStatusLook } from "./run-status";
import { runDomId } from "./runs-columns";
import { RUNS_SKELETON_COLUMNS } from "./runs-skeleton-columns";
import { RunsTable } from "./runs-table";
import { StatusFilterChips } from "./status-filter-chips";

// Shown only when something is off (an error, no rows, a repaired link): loaded when needed, so
// the everyday page does not carry them in its first-load JavaScript.
const RunsErrorState = dynamic(() => import("./runs-error-state").then((m) => m.RunsErrorState));
const RunsEmptyState = dynamic(() => import("./runs-empty-state").then((m) => m.RunsEmptyState));
const DataTableSkeleton = dynamic(() =>
  import("@/components/data-table/data-table-skeleton").then((m) => m.DataTableSkeleton),
);
const LinkCorrectionsNotice = dynamic(() =>
  import("./link-corrections-notice").then((m) => m.LinkCorrectionsNotice),
);
// Server-rendered like the rest, but their code only matters once someone uses them; the zone
// toggle's chunk is shared with the "After" picker, which shows it too.
const TimeZoneToggle = dynamic(() =>
  import("@/components/time/time-zone-toggle").then((m) => m.TimeZoneToggle),
);
const CopyViewLink = dynamic(() => import("./copy-view-link").then((m) => m.CopyViewLink));
const AsOfRefresh = dynamic(() =>
  import("@/components/freshness/as-of-refresh").then((m) => m.AsOfRefresh),
);

interface RunsViewProps {
  workflowId: string;
  /** The server's failure for the first page, if it had one (the success is in the query cache). */
  serverError: AppErrorBody | null;
  corrections: RunsViewCorrection[];
  canonicalSearch: string;
  /** When the header's workflow details were fetched: the view's age is its oldest answer's. */
  workflowFetchedAt: string | null;
}

/**
 * The runs of one workflow: filters, table and pagination, all driven by the URL. The first page
 * arrives hydrated from the server; later pages come through our route handler, with the previous
 * rows kept on screen meanwhile and the next page fetched ahead.
 */
export function RunsView({
  workflowId,
  serverError,
  corrections,
  canonicalSearch,
  workflowFetchedAt,
}: RunsViewProps) {
  const [view, setView] = useUrlParams(runsViewParsers, { history: "push" });
  const query = toLogsQuery(view);
  const queryKey = JSON.stringify(runsQueryKey(workflowId, query));
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const tableTop = useRef<HTMLDivElement>(null);
  const filtersRef = useRef<HTMLDivElement>(null);

  // The server already tried this exact view and failed: show that instead of asking again at once.
  const [serverFailure, setServerFailure] = useState(() =>
    serverError ? { key: queryKey, error: AppError.fromBody(serverError) } : null,
  );
  const initialFailure = serverFailure?.key === queryKey ? serverFailure.error : null;

  const result = useQuery({
    ...runsQueryOptions(workflowId, query),
    placeholderData: keepPreviousData,
    enabled: initialFailure === null,
  });
  const page = result.data;
  const error = initialFailure ?? (result.isError ? toAppError(result.error) : null);
  const pageCount = page ? Math.max(1, Math.ceil(page.meta.total / query.perPage)) : 1;

  const prefetchNextPage = useCallback(
    (priority: "intent" | "prefetch") => {
      if (!page || result.isPlaceholderData || query.page >= pageCount) return;
      void queryClient.prefetchQuery(
        runsQueryOptions(workflowId, { ...query, page: query.page + 1 }, priority),
      );
    },
    [page, result.isPlaceholderData, query, pageCount, queryClient, workflowId],
  );

  // Opening a run is not a new view for Back: it replaces the entry. Stable for the table's rows.
  const openRun = useCallback(
    (open: string | null) => setView({ open }, { history: "replace" }),
    [setView],
  );

  // A press on a chip starts its first page at once: the click follows ~100 ms later for a person.
  const prefetchStatus = useCallback(
    (status: RunStatus | null) => {
      void queryClient.prefetchQuery(
        runsQueryOptions(workflowId, { ...query, status, page: 1 }, "intent"),
      );
    },
    [query, queryClient, workflowId],
  );

  // A page load costs at most one logs call: the server-rendered view fetches its next page only
  // on intent (pointer or focus on Next). Views reached in the browser, where someone is paging or
  // filtering, fetch theirs at once, if the key's quota has room for it (never on Starter).
  const [hydratedKey] = useState(queryKey);
  const eagerPrefetch = page?.eagerPrefetch === true;
  useEffect(() => {
    if (queryKey !== hydratedKey && eagerPrefetch) prefetchNextPage("prefetch");
  }, [queryKey, hydratedKey, eagerPrefetch, prefetchNextPage]);

  // A shared link with an open run: bring that run into view once, on arrival.
  const scrolledToOpenRun = useRef(false);
  useEffect(() => {
    if (scrolledToOpenRun.current || !view.open || !page) return;
    scrolledToOpenRun.current = true;
    document.getElementById(runDomId(view.open))?.scrollIntoView({ block: "center" });
  }, [view.open, page]);

  const { refetch } = result;
  const retry = useCallback(() => {
    setServerFailure(null);
    void refetch();
  }, [refetch, setServerFailure]);

  function changeFilters(changes: { status?: RunStatus | null; after?: string | null }) {
    void setView({ ...changes, page: null, open: null });
  }

  function goToPage(target: number) {
    void setView({ page: target, open: null });
    if (tableTop.current && tableTop.current.getBoundingClientRect().top < 0) {
      tableTop.current.scrollIntoView({ block: "start" });
    }
  }

  const statusWord = view.status ? `${runStatusLook[view.status].label.toLowerCase()} ` : "";
  const openRunMissing =
    view.open !== null &&
    page !== undefined &&
    !result.isPlaceholderData &&
    !page.runs.some((run) => run.id === view.open);
  const returnTo = `${pathname}${searchParams.size > 0 ? `?${searchParams}` : ""}`;

  return (
    <section aria-labelledby="runs-heading" className="space-y-4">
      {corrections.length > 0 ? (
        <LinkCorrectionsNotice corrections={corrections} canonicalSearch={canonicalSearch} />
      ) : null}

      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="runs-heading" className="text-lg font-semibold">
          Runs
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <AsOfRefresh
            fetchedAt={oldestFetchedAt(page?.fetchedAt, workflowFetchedAt)}
            target={{ view: "runs", workflowId, query }}
          />
          <QuotaIndicator rateLimit={page?.rateLimit ?? null} />
          <TimeZoneToggle />
          <CopyViewLink />
        </div>
      </div>

      <div ref={filtersRef} className="flex flex-wrap items-center gap-3">
        <StatusFilterChips
          value={view.status}
          onChange={(status) => changeFilters({ status })}
          onIntent={prefetchStatus}
        />
        <AfterFilter value={view.after} onChange={(after) => changeFilters({ after })} />
      </div>

      <p aria-live="polite" className="sr-only">
        {result.isFetching
          ? "Loading runs…"
          : page
            ? `${formatCount(page.meta.total)} ${statusWord}runs; page ${formatCount(query.page)} of ${formatCount(pageCount)}.`
            : ""}
      </p>

      {/* Focusable from script only: where focus goes when the control that had it disappears. */}
      <div ref={tableTop} tabIndex={-1} className="scroll-mt-4 outline-none">
        {error ? (
          <RunsErrorState error={error} onRetry={retry} returnTo={returnTo} />
        ) : !page ? (
          <DataTableSkeleton
            columnWidths={RUNS_SKELETON_COLUMNS}
            rowCount={Math.min(query.perPage, 10)}
            label="Loading runs"
          />
        ) : page.runs.length === 0 ? (
          <RunsEmptyState
            status={view.status}
            after={view.after}
            total={page.meta.total}
            page={query.page}
            pageCount={pageCount}
            onClearFilters={() => {
              changeFilters({ status: null, after: null });
              // The button leaves with the empty state; keyboard focus goes to the first chip, "All".
              filtersRef.current?.querySelector("button")?.focus();
            }}
            onGoToPage={(target) => {
              goToPage(target);
              tableTop.current?.focus({ preventScroll: true });
            }}
          />
        ) : (
          <>
            {openRunMissing ? (
              <p role="status" className="mb-3 text-sm text-slate-700 dark:text-slate-300">
                Run <span className="font-mono">{view.open}</span> is not on this page with these
                filters.{" "}
                <button
                  type="button"
                  className="underline"
                  onClick={() => {
                    void setView({ open: null }, { history: "replace" });
                    tableTop.current?.focus({ preventScroll: true });
                  }}
                >
                  Dismiss
                </button>
              </p>
            ) : null}
            <RunsTable
              runs={page.runs}
              openRunId={view.open}
              onOpenRunChange={openRun}
              busy={result.isPlaceholderData}
              caption={`${statusWord}runs of workflow ${workflowId}, page ${query.page} of ${pageCount}`}
            />
          </>
        )}
      </div>

      {page && !error && page.meta.total > 0 ? (
        <DataTablePagination
          page={query.page}
          perPage={query.perPage}
          total={page.meta.total}
          pageSizes={PAGE_SIZES}
          itemLabel={`${statusWord}runs`}
          onPageChange={goToPage}
          onPageSizeChange={(size) =>
            void setView({ per_page: size as PageSize, page: null, open: null })
          }
          onNextPageIntent={() => prefetchNextPage("intent")}
        />
      ) : null}
    </section>
  );
}
