"use client";

import { useCallback, useMemo } from "react";
import {
  DataTablePagination,
  DataTableSkeleton,
  ListContent,
  ListEmptyState,
} from "@/components/list-view/list-content";
import { ListView } from "@/components/list-view/list-view";
import { useListView } from "@/components/list-view/use-list-view";
import { CoverageNote } from "@/components/runs-across/coverage-note";
import { runsAcrossColumns } from "@/components/runs-across/runs-across-columns";
import { HeaderQuotaOnDemand } from "@/components/layout/header-quota-on-demand";
import { RUNS_SKELETON_COLUMNS } from "@/components/runs/runs-skeleton-columns";
import { RunsTable } from "@/components/runs/runs-table";
import { useTime } from "@/components/time/time-provider";
import type { AppErrorBody } from "@/lib/model/app-error-body";
import type { RecordHistoryPage } from "@/lib/model/record-history-page";
import type { RequestPriority } from "@/lib/model/request-priority";
import {
  recordHistoryApiPath,
  recordHistoryQueryKey,
  recordHistoryQueryOptions,
} from "@/lib/query/record-history-query";
import type { LinkRepair } from "@/lib/url-state/link-repairs";
import {
  recordViewParsers,
  toRecordHistoryQuery,
  type RecordHistoryQuery,
  type RecordViewState,
} from "@/lib/url-state/record-view-state";
import { LatestPerWorkflow } from "./latest-per-workflow";
import { describeRecordHistory } from "./record-summary";
import { RecordWindowFilter } from "./record-window-filter";

export interface RecordHistoryViewProps {
  entityId: string;
  serverError: AppErrorBody | null;
  repairs: LinkRepair[];
  canonicalSearch: string;
}

const CLOSE_OPEN_RUN = { open: null };
const NO_RUNS: readonly string[] = [];
const WINDOW_WORDS = { "7d": "7 days", "30d": "30 days", "90d": "90 days" } as const;
const optionsFor = (query: RecordHistoryQuery, priority?: RequestPriority) =>
  recordHistoryQueryOptions(query, priority);

/**
 * Every run of one CRM record across the workflows its type triggers, on the list-view kit,
 * answered by the run index: the summary line, the record's latest status per workflow, what the
 * answer covers and cost, and the runs themselves, newest first. Window, page and open run live
 * in the URL.
 */
export function RecordHistoryView({
  entityId,
  serverError,
  repairs,
  canonicalSearch,
}: RecordHistoryViewProps) {
  const toQuery = useCallback(
    (state: RecordViewState) => toRecordHistoryQuery(entityId, state),
    [entityId],
  );
  const view = useListView({
    parsers: recordViewParsers,
    toQuery,
    optionsFor,
    serverError,
    resets: CLOSE_OPEN_RUN,
  });
  const { state, setState, query, list } = view;
  const page = list.page;
  const { now } = useTime();

  const openRuns = useCallback(
    (open: string[]) => setState({ open: open.length > 0 ? open : null }, { history: "replace" }),
    [setState],
  );
  const workflowNames = useMemo(
    () => Object.fromEntries((page?.workflows ?? []).map((w) => [w.id, w.name])),
    [page?.workflows],
  );
  const workflowName = (id: string) => workflowNames[id] ?? id;

  const windowWords = WINDOW_WORDS[state.window];
  return (
    <ListView
      heading={`Runs in the last ${windowWords}`}
      headingId="record-history-heading"
      actions={<HeaderQuotaOnDemand rateLimit={page?.rateLimit ?? null} />}
      repairs={repairs}
      canonicalSearch={canonicalSearch}
      {...view.frame}
      toolbar={
        <RecordWindowFilter
          value={state.window}
          onChange={(window) => view.changeFilters({ window })}
        />
      }
      summaryVisible
      summary={
        page
          ? `${describeRecordHistory(page, workflowName, now)}${list.fetching ? " · updating…" : ""}`
          : "Loading the record's runs…"
      }
      pagination={
        page && !list.error && page.meta.total > 0 ? (
          <DataTablePagination {...view.pagination(page.meta.total)} itemLabel="runs" />
        ) : null
      }
    >
      {page && !list.error ? (
        <div className="mb-4 space-y-4">
          <CoverageNote
            page={page}
            queryKey={recordHistoryQueryKey(query)}
            confirmPath={recordHistoryApiPath(query, "confirm")}
            cancelPath={recordHistoryApiPath(query, "cancel")}
          />
          <LatestPerWorkflow runs={page.latestPerWorkflow} workflowName={workflowName} />
        </div>
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
              describeCount={(count) => `${count} runs`}
              filtered={false}
              filteredTitle=""
              itemLabel="runs"
              emptyTitle={`No runs of ${entityId} in the last ${windowWords}`}
              emptyDetail={describeScanned(page)}
              onClearFilters={view.focusFilters}
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
            workflowNames={workflowNames}
            caption={`The runs of workflows for ${entityId}, newest first, page ${state.page} of ${list.pageCount}`}
          />
        ) : null}
      </ListContent>
    </ListView>
  );
}

function describeScanned(page: RecordHistoryPage): string {
  const names = page.workflows.map((workflow) => workflow.name);
  if (names.length === 0) {
    return `No workflow of this workspace is triggered by a ${page.entityType}, so none was scanned.`;
  }
  const partial = page.coverage.complete
    ? ""
    : " Some of them are not synced over the whole window yet; rows appear here as they arrive.";
  return `Scanned the ${names.length} workflow${names.length === 1 ? "" : "s"} triggered by a ${page.entityType}: ${names.join(", ")}.${partial}`;
}
