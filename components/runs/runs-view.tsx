"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef } from "react";
import {
  DataTablePagination,
  DataTableSkeleton,
  ListContent,
} from "@/components/list-view/list-content";
import { ListView } from "@/components/list-view/list-view";
import { useListView } from "@/components/list-view/use-list-view";
import { isRollingWindow } from "@/lib/format/rolling-window";
import type { AppErrorBody } from "@/lib/model/app-error-body";
import type { LogsQuery } from "@/lib/model/queries";
import { oldestFetchedAt } from "@/lib/model/freshness";
import type { RequestPriority } from "@/lib/model/request-priority";
import type { RunStatus } from "@/lib/model/run";
import { runsQueryOptions } from "@/lib/query/runs-query";
import { statusCountsQueryOptions } from "@/lib/query/status-counts-query";
import type { LinkRepair } from "@/lib/url-state/link-repairs";
import { runsViewParsers, toLogsQuery } from "@/lib/url-state/runs-view-state";
import { runDomId } from "./runs-columns";
import { RUNS_SKELETON_COLUMNS } from "./runs-skeleton-columns";
import { RunsTable } from "./runs-table";
import { RunsViewActions } from "./runs-view-actions";
import { describeRunsPage, runsNoun } from "./runs-words";
import { StatusFilterChips } from "./status-filter-chips";

// Only for a shared link whose open run is not on the page: loaded when that happens.
const OpenRunNote = dynamic(() => import("./open-run-note").then((m) => m.OpenRunNote));
// Server-rendered like the rest, but in a chunk of its own that the page's first load does not
// wait for, as /runs does with its filters: the chip is interactive once its chunk has arrived.
const AfterFilter = dynamic(() => import("./after-filter/after-filter").then((m) => m.AfterFilter));
// Only when a view has no rows; the words it needs stay out of the first load (room for Live).
const RunsEmptyState = dynamic(() => import("./runs-empty-state").then((m) => m.RunsEmptyState));

export interface RunsViewProps {
  workflowId: string;
  /** The server's failure for the first page, if it had one (the success is in the query cache). */
  serverError: AppErrorBody | null;
  repairs: LinkRepair[];
  canonicalSearch: string;
  /** When the header's workflow details were fetched: the view's age is its oldest answer's. */
  workflowFetchedAt: string | null;
  /** The workflow's name, when its details loaded: a run's ticket text names it. */
  workflowName: string | null;
}

const CLOSE_OPEN_RUN = { open: null };
const NO_RUNS: readonly string[] = [];

/**
 * The runs of one workflow, on the list-view kit: its parser map, its columns (in `RunsTable`) and
 * its fetcher. Every filter, the page and the open run live in the URL.
 */
export function RunsView({
  workflowId,
  serverError,
  repairs,
  canonicalSearch,
  workflowFetchedAt,
  workflowName,
}: RunsViewProps) {
  const optionsFor = useCallback(
    (query: LogsQuery, priority?: RequestPriority) => runsQueryOptions(workflowId, query, priority),
    [workflowId],
  );
  const view = useListView({
    parsers: runsViewParsers,
    toQuery: toLogsQuery,
    optionsFor,
    serverError,
    prefetchNextOnNavigation: true,
    resets: CLOSE_OPEN_RUN,
  });
  const { state, setState, query, list } = view;
  const openRunIds = state.open ?? NO_RUNS;
  useScrollToOpenRun(openRunIds[0] ?? null, list.page !== undefined);

  // Opening a run is not a new view for Back: it replaces the entry. Stable for the table's rows.
  const openRuns = useCallback(
    (open: string[]) => setState({ open: open.length > 0 ? open : null }, { history: "replace" }),
    [setState],
  );

  // A press on a chip starts its first page at once: the click follows ~100 ms later for a person.
  const { prefetch } = list;
  const prefetchStatus = useCallback(
    (status: RunStatus | null) => prefetch({ ...query, status, page: 1 }),
    [prefetch, query],
  );

  const workflowNames = useMemo(
    () => (workflowName === null ? undefined : { [workflowId]: workflowName }),
    [workflowId, workflowName],
  );

  const page = list.page;
  const noun = runsNoun(state);
  // Asked only once the view has rows, so they never hold the rows up; one answer per `after`.
  const { data: counts } = useQuery({
    ...statusCountsQueryOptions(workflowId, query),
    enabled: !!page,
  });
  const missingRunIds =
    page === undefined || list.stale
      ? NO_RUNS
      : openRunIds.filter((id) => !page.runs.some((run) => run.id === id));

  return (
    <ListView
      heading="Runs"
      headingId="runs-heading"
      actions={
        <RunsViewActions
          rateLimit={page?.rateLimit ?? null}
          fetchedAt={oldestFetchedAt(page?.fetchedAt, workflowFetchedAt)}
          refreshTarget={{ view: "runs", workflowId, query }}
          rolling={state.after !== null && isRollingWindow(state.after)}
        />
      }
      repairs={repairs}
      canonicalSearch={canonicalSearch}
      {...view.frame}
      toolbar={
        <>
          <StatusFilterChips
            value={state.status}
            onChange={(status) => view.changeFilters({ status })}
            onIntent={prefetchStatus}
            counts={counts}
          />
          <AfterFilter value={state.after} onChange={(after) => view.changeFilters({ after })} />
        </>
      }
      summary={
        list.fetching
          ? "Loading runs…"
          : page
            ? describeRunsPage(state, page.meta.total, list.pageCount)
            : ""
      }
      pagination={
        page && !list.error && page.meta.total > 0 ? (
          <DataTablePagination {...view.pagination(page.meta.total)} itemLabel={noun} />
        ) : null
      }
    >
      <ListContent
        {...view.content}
        skeleton={
          <DataTableSkeleton
            columnWidths={RUNS_SKELETON_COLUMNS}
            rowCount={Math.min(state.per_page, 10)}
            label="Loading runs"
          />
        }
        empty={
          page && page.runs.length === 0 ? (
            <RunsEmptyState
              state={state}
              {...view.emptyState(page.meta.total)}
              onClearFilters={() => {
                view.changeFilters({ status: null, after: null });
                view.focusFilters();
              }}
            />
          ) : null
        }
      >
        {page ? (
          <>
            {missingRunIds.length > 0 ? (
              <OpenRunNote
                runIds={missingRunIds}
                workflowId={workflowId}
                query={query}
                onShowPage={(runPage) => setState({ page: runPage === 1 ? null : runPage })}
                onDismiss={() => {
                  openRuns(openRunIds.filter((id) => !missingRunIds.includes(id)));
                  view.focusBody();
                }}
              />
            ) : null}
            <RunsTable
              runs={page.runs}
              openRunIds={openRunIds}
              onOpenRunsChange={openRuns}
              busy={list.stale}
              oneStatus={state.status !== null}
              workflowNames={workflowNames}
              caption={`${noun} of workflow ${workflowId}, page ${state.page} of ${list.pageCount}`}
            />
          </>
        ) : null}
      </ListContent>
    </ListView>
  );
}

/** A shared link with open runs: bring the first into view once, on arrival. */
function useScrollToOpenRun(openRunId: string | null, loaded: boolean) {
  const scrolled = useRef(false);
  useEffect(() => {
    if (scrolled.current || !openRunId || !loaded) return;
    scrolled.current = true;
    document.getElementById(runDomId(openRunId))?.scrollIntoView({ block: "center" });
  }, [openRunId, loaded]);
}
