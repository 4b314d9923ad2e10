"use client";

import { useRef } from "react";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import {
  DataTableSkeleton,
  LinkRepairNotice,
  ListContent,
  ListEmptyState,
} from "@/components/list-view/list-content";
import { ListView } from "@/components/list-view/list-view";
import { useListQuery } from "@/components/list-view/use-list-query";
import { formatCount } from "@/lib/format/numbers";
import type { AppErrorBody } from "@/lib/model/app-error-body";
import { workflowsQueryOptions } from "@/lib/query/workflows-query";
import type { LinkRepair } from "@/lib/url-state/link-repairs";
import { PAGE_SIZES, toPageSize } from "@/lib/url-state/paging-params";
import { useUrlParams } from "@/lib/url-state/use-url-params";
import {
  describeWorkflowsMatch,
  hasWorkflowsFilters,
  toWorkflowsQuery,
  workflowsViewParsers,
  type WorkflowsViewState,
} from "@/lib/url-state/workflows-view-state";
import { WORKFLOWS_SKELETON_COLUMNS } from "./workflows-columns";
import { WorkflowEntityFilter, WorkflowStateFilter } from "./workflows-filters";
import { WorkflowSearchBox } from "./workflow-search-box";
import { WorkflowsTable } from "./workflows-table";

export interface WorkflowsViewProps {
  /** The server's failure for the first page, if it had one (the success is in the query cache). */
  serverError: AppErrorBody | null;
  repairs: LinkRepair[];
  canonicalSearch: string;
}

/**
 * The workflow list, on the list-view kit: its parser map, its columns (in `WorkflowsTable`) and
 * its fetcher. Search, filters and page live in the URL. A page here can cost several LeadLex
 * calls (disabled workflows' reasons), so the next page is fetched ahead only on intent.
 */
export function WorkflowsView({ serverError, repairs, canonicalSearch }: WorkflowsViewProps) {
  const [state, setState] = useUrlParams(workflowsViewParsers, { history: "push" });
  const query = toWorkflowsQuery(state);
  const list = useListQuery({ query, optionsFor: workflowsQueryOptions, serverError });
  const searchRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const page = list.page;
  const filtered = hasWorkflowsFilters(state);

  const changeFilters = (changes: Partial<Omit<WorkflowsViewState, "page" | "per_page">>) =>
    setState({ ...changes, page: null });

  return (
    <ListView
      heading="Workflow list"
      headingId="workflows-list-heading"
      headingHidden
      notice={
        repairs.length > 0 ? (
          <LinkRepairNotice repairs={repairs} canonicalSearch={canonicalSearch} />
        ) : null
      }
      toolbar={
        <>
          <WorkflowSearchBox
            value={state.q}
            onSearch={(q) => setState({ q, page: null }, { history: "replace" })}
            inputRef={searchRef}
          />
          <WorkflowStateFilter
            value={state.enabled}
            onChange={(enabled) => changeFilters({ enabled })}
          />
          <WorkflowEntityFilter
            value={state.entity}
            onChange={(entity) => changeFilters({ entity })}
          />
        </>
      }
      summary={summaryOf(state, list.fetching, list.stale, page?.meta.total ?? null, filtered)}
      summaryVisible
      bodyRef={bodyRef}
      pagination={
        page && !list.error ? (
          <DataTablePagination
            page={state.page}
            perPage={state.per_page}
            total={page.meta.total}
            pageSizes={PAGE_SIZES}
            itemLabel="workflows"
            onPageChange={(target) => setState({ page: target })}
            onPageSizeChange={(size) => setState({ per_page: toPageSize(size), page: null })}
            onNextPageIntent={list.prefetchNextPage}
          />
        ) : null
      }
    >
      <ListContent
        error={list.error}
        onRetry={list.retry}
        loading={!page}
        skeleton={
          <DataTableSkeleton columnWidths={WORKFLOWS_SKELETON_COLUMNS} label="Loading workflows" />
        }
        empty={
          page && page.workflows.length === 0 ? (
            <ListEmptyState
              total={page.meta.total}
              page={state.page}
              pageCount={list.pageCount}
              describeCount={(count) =>
                `${formatCount(count)} ${count === 1 ? "workflow" : "workflows"}`
              }
              filtered={filtered}
              filteredTitle={`${describeWorkflowsMatch(state, 0)}.`}
              itemLabel="workflows"
              emptyTitle="This workspace has no workflows yet"
              emptyDetail="Workflows are created in LeadLex. Once one exists, it is listed here with its run history."
              onClearFilters={() => {
                changeFilters({ q: null, enabled: null, entity: null });
                // The button disappears with the empty state; keep keyboard focus somewhere useful.
                searchRef.current?.focus();
              }}
              onGoToPage={(target) => {
                setState({ page: target });
                bodyRef.current?.focus({ preventScroll: true });
              }}
            />
          ) : null
        }
      >
        {page ? <WorkflowsTable workflows={page.workflows} busy={list.stale} /> : null}
      </ListContent>
    </ListView>
  );
}

function summaryOf(
  state: WorkflowsViewState,
  fetching: boolean,
  stale: boolean,
  total: number | null,
  filtered: boolean,
): string {
  if (total === null) return fetching ? "Loading workflows…" : "";
  if (stale) return "Updating the list…";
  return describeWorkflowsMatch(state, total) + (filtered ? "" : " in this workspace");
}
