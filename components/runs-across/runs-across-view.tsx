"use client";

import dynamic from "next/dynamic";
import { useCallback, useMemo } from "react";
import {
  DataTablePagination,
  DataTableSkeleton,
  ListContent,
  ListEmptyState,
} from "@/components/list-view/list-content";
import { ListView } from "@/components/list-view/list-view";
import { useListView } from "@/components/list-view/use-list-view";
import { HeaderQuotaOnDemand } from "@/components/layout/header-quota-on-demand";
import { RUNS_SKELETON_COLUMNS } from "@/components/runs/runs-skeleton-columns";
import { RunsTable } from "@/components/runs/runs-table";
import { TimeZoneToggleOnDemand } from "@/components/time/time-zone-toggle-on-demand";
import { formatCount } from "@/lib/format/numbers";
import type { AppErrorBody } from "@/lib/model/app-error-body";
import type { RequestPriority } from "@/lib/model/request-priority";
import {
  runsAcrossApiPath,
  runsAcrossQueryKey,
  runsAcrossQueryOptions,
} from "@/lib/query/runs-across-query";
import type { LinkRepair } from "@/lib/url-state/link-repairs";
import {
  absoluteRange,
  hasRunsAcrossFilters,
  runsAcrossViewParsers,
  statusesOf,
  toRunsAcrossQuery,
  workflowRunsSearch,
  type RunsAcrossQuery,
} from "@/lib/url-state/runs-across-view-state";

import { runsAcrossColumns } from "./runs-across-columns";

// Server-rendered like the rest, but in chunks of their own, to keep /runs within the runs
// page's first-load budget; each is interactive once its chunk has arrived.
const TimeWindowFilter = dynamic(() =>
  import("./time-window-filter").then((m) => m.TimeWindowFilter),
);
// The coverage note, the runs-over-time chart (visx) and the facets: the largest of these chunks.
const AnswerOverview = dynamic(() => import("./answer-overview").then((m) => m.AnswerOverview));
const WorkflowsFilter = dynamic(() => import("./more-filters").then((m) => m.WorkflowsFilter));
const EntityTypeFilter = dynamic(() =>
  import("@/components/workflows/workflows-filters").then((m) => m.WorkflowEntityFilter),
);
const StatusChipsWithCounts = dynamic(() =>
  import("./runs-across-filters").then((m) => m.StatusChipsWithCounts),
);
const StillFailingToggle = dynamic(() =>
  import("./more-filters").then((m) => m.StillFailingToggle),
);

export interface RunsAcrossViewProps {
  serverError: AppErrorBody | null;
  repairs: LinkRepair[];
  canonicalSearch: string;
}

const CLOSE_OPEN_RUN = { open: null };
const NO_RUNS: readonly string[] = [];
const optionsFor = (query: RunsAcrossQuery, priority?: RequestPriority) =>
  runsAcrossQueryOptions(query, priority);

/**
 * Runs of every workflow of the workspace, on the list-view kit, answered by the run index. Every
 * filter, the page and the open run live in the URL; the window stays rolling in a link.
 */
export function RunsAcrossView({ serverError, repairs, canonicalSearch }: RunsAcrossViewProps) {
  const view = useListView({
    parsers: runsAcrossViewParsers,
    toQuery: toRunsAcrossQuery,
    optionsFor,
    serverError,
    resets: CLOSE_OPEN_RUN,
  });
  const { state, setState, query, list } = view;
  const page = list.page;

  const openRuns = useCallback(
    (open: string[]) => setState({ open: open.length > 0 ? open : null }, { history: "replace" }),
    [setState],
  );
  const workflowNames = useMemo(
    () => Object.fromEntries((page?.allWorkflows ?? []).map((w) => [w.id, w.name])),
    [page?.allWorkflows],
  );

  const noun = describeNoun(state.status, state.still_failing);
  return (
    <ListView
      heading="Runs across all workflows"
      headingId="runs-across-heading"
      actions={
        <>
          <HeaderQuotaOnDemand rateLimit={page?.rateLimit ?? null} />
          <TimeZoneToggleOnDemand />
        </>
      }
      repairs={repairs}
      canonicalSearch={canonicalSearch}
      {...view.frame}
      toolbar={
        <>
          <StatusChipsWithCounts
            value={state.status}
            counts={page?.facets.byStatus ?? null}
            onChange={(status) => view.changeFilters({ status })}
          />
          <TimeWindowFilter
            window={state.window}
            range={absoluteRange(state)}
            onWindowChange={(window) => view.changeFilters({ window, after: null, before: null })}
            onRangeChange={(range) =>
              view.changeFilters({
                window: null,
                after: range?.after ?? null,
                before: range?.before ?? null,
              })
            }
          />
          <WorkflowsFilter
            value={state.workflow}
            workflows={page?.allWorkflows ?? []}
            onChange={(workflow) => view.changeFilters({ workflow })}
          />
          <EntityTypeFilter
            value={state.entity}
            onChange={(entity) => view.changeFilters({ entity })}
          />
          <StillFailingToggle
            value={state.still_failing}
            onChange={(still_failing) => view.changeFilters({ still_failing })}
          />
        </>
      }
      summaryVisible
      summary={
        page
          ? `${formatCount(page.meta.total)} ${noun} in ${page.workflows.length} workflows${
              list.fetching ? " · updating…" : ""
            }`
          : "Loading runs…"
      }
      pagination={
        page && !list.error && page.meta.total > 0 ? (
          <DataTablePagination {...view.pagination(page.meta.total)} itemLabel={noun} />
        ) : null
      }
    >
      {page && !list.error ? (
        <AnswerOverview
          page={page}
          queryKey={runsAcrossQueryKey(query)}
          confirmPath={runsAcrossApiPath(query, "confirm")}
          cancelPath={runsAcrossApiPath(query, "cancel")}
          reason={state.reason}
          onReasonChange={(reason) => view.changeFilters({ reason })}
        />
      ) : null}
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
            <ListEmptyState
              {...view.emptyState(page.meta.total)}
              describeCount={(count) => `${formatCount(count)} ${noun}`}
              filtered={hasRunsAcrossFilters(state)}
              filteredTitle={`No ${noun} for these filters`}
              itemLabel="runs"
              emptyTitle={`No ${noun} in this window`}
              emptyDetail={
                page.coverage.complete
                  ? "Every workflow in scope is synced over the window."
                  : "Some workflows are still being synced; rows appear here as they arrive."
              }
              onClearFilters={() => {
                view.changeFilters({
                  workflow: null,
                  entity: null,
                  reason: null,
                  still_failing: null,
                });
                view.focusFilters();
              }}
            />
          ) : null
        }
      >
        {page ? (
          <RunsTable
            runs={page.runs}
            openRunIds={state.open ?? NO_RUNS}
            onOpenRunsChange={openRuns}
            busy={list.stale}
            columns={runsAcrossColumns}
            oneStatus={statusesOf(state.status).length === 1}
            workflowNames={workflowNames}
            workflowSearch={workflowRunsSearch(state)}
            caption={`Matching runs of workflows across the workspace (${noun}), page ${state.page} of ${list.pageCount}`}
          />
        ) : null}
      </ListContent>
    </ListView>
  );
}

function describeNoun(status: string, stillFailing: boolean): string {
  if (stillFailing) return "failures still failing";
  const statuses = statusesOf(status);
  if (statuses.length === 0) return "runs";
  return `${statuses.join(" or ")} runs`;
}
