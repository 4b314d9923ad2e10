"use client";

import dynamic from "next/dynamic";
import {
  DataTablePagination,
  DataTableSkeleton,
  ListContent,
  ListEmptyState,
} from "@/components/list-view/list-content";
import { ListView } from "@/components/list-view/list-view";
import { useListView } from "@/components/list-view/use-list-view";
import { formatCount } from "@/lib/format/numbers";
import type { AppErrorBody } from "@/lib/model/app-error-body";
import { workflowsQueryOptions } from "@/lib/query/workflows-query";
import type { LinkRepair } from "@/lib/url-state/link-repairs";
import {
  describeWorkflowsMatch,
  hasWorkflowsFilters,
  toWorkflowsQuery,
  workflowsViewParsers,
  type WorkflowsViewState,
} from "@/lib/url-state/workflows-view-state";
import { WORKFLOWS_SKELETON_COLUMNS } from "./workflows-skeleton-columns";
import { upstreamListQuery } from "@/lib/workflows/workflow-list";
import { WorkflowHealthNote } from "./workflow-health-note";
import {
  WorkflowEntityFilter,
  WorkflowSortControl,
  WorkflowStateFilter,
} from "./workflows-filters";
import { WorkflowSearchBox } from "./workflow-search-box";
import { WorkflowsTable } from "./workflows-table";

const AsOfRefresh = dynamic(() =>
  import("@/components/freshness/as-of-refresh").then((m) => m.AsOfRefresh),
);

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
  const view = useListView({
    parsers: workflowsViewParsers,
    toQuery: toWorkflowsQuery,
    optionsFor: workflowsQueryOptions,
    serverError,
  });
  const { state, setState, query, list } = view;
  const page = list.page;
  const filtered = hasWorkflowsFilters(state);

  return (
    <ListView
      heading="Workflow list"
      headingId="workflows-list-heading"
      headingHidden
      actions={
        <AsOfRefresh
          fetchedAt={page?.fetchedAt ?? null}
          target={{ view: "workflows", query: upstreamListQuery(query) }}
        />
      }
      repairs={repairs}
      canonicalSearch={canonicalSearch}
      {...view.frame}
      toolbar={
        <>
          {/* Typing is not a new view for Back: the search replaces the history entry. */}
          <WorkflowSearchBox
            value={state.q}
            onSearch={(q) => setState({ q, page: null }, { history: "replace" })}
          />
          <WorkflowStateFilter
            value={state.enabled}
            onChange={(enabled) => view.changeFilters({ enabled })}
          />
          <WorkflowEntityFilter
            value={state.entity}
            onChange={(entity) => view.changeFilters({ entity })}
          />
          <WorkflowSortControl
            value={state.sort}
            onChange={(sort) => view.changeFilters({ sort })}
          />
        </>
      }
      summary={
        summaryOf(state, list.fetching, list.stale, page?.meta.total ?? null, filtered) +
        rankingWords(page?.ranking ?? null, list.stale)
      }
      summaryVisible
      pagination={
        page && !list.error ? (
          <DataTablePagination {...view.pagination(page.meta.total)} itemLabel="workflows" />
        ) : null
      }
    >
      {page && !list.error ? (
        <WorkflowHealthNote
          health={page.health}
          query={query}
          remainingToday={page.rateLimit?.remaining ?? null}
        />
      ) : null}
      <ListContent
        {...view.content}
        skeleton={
          <DataTableSkeleton columnWidths={WORKFLOWS_SKELETON_COLUMNS} label="Loading workflows" />
        }
        empty={
          page && page.workflows.length === 0 ? (
            <ListEmptyState
              {...view.emptyState(page.meta.total)}
              describeCount={(count) =>
                `${formatCount(count)} ${count === 1 ? "workflow" : "workflows"}`
              }
              filtered={filtered}
              filteredTitle={`${describeWorkflowsMatch(state, 0)}.`}
              itemLabel="workflows"
              emptyTitle="This workspace has no workflows yet"
              emptyDetail="Workflows are created in LeadLex. Once one exists, it is listed here with its run history."
              onClearFilters={() => {
                view.changeFilters({ q: null, enabled: null, entity: null });
                view.focusFilters();
              }}
            />
          ) : null
        }
      >
        {page ? (
          <WorkflowsTable
            workflows={page.workflows}
            healthById={page.health.byId}
            busy={list.stale}
          />
        ) : null}
      </ListContent>
    </ListView>
  );
}

function rankingWords(ranking: { ranked: number; total: number } | null, stale: boolean): string {
  if (ranking === null || stale) return "";
  const first =
    ranking.total > ranking.ranked
      ? ` (the first ${formatCount(ranking.ranked)} of ${formatCount(ranking.total)} ranked)`
      : "";
  return `, those needing attention first${first}`;
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
