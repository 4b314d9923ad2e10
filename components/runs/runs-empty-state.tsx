"use client";

import { ListEmptyState, type ListEmptyStateProps } from "@/components/list-view/list-empty-state";
import { useTime } from "@/components/time/time-provider";
import { hasRunsFilters, type RunsViewState } from "@/lib/url-state/runs-view-state";
import { describeRunsCount, runsNoun, runsTimeBound } from "./runs-words";

export interface RunsEmptyStateProps extends Pick<
  ListEmptyStateProps,
  "total" | "page" | "pageCount" | "onGoToPage" | "onClearFilters"
> {
  state: RunsViewState;
}

/**
 * A workflow's runs view with no rows, in its words: the filters that matched nothing, or a
 * workflow never triggered. Loaded in a chunk of its own (`runs-view.tsx`), only when it shows.
 */
export function RunsEmptyState({ state, ...props }: RunsEmptyStateProps) {
  const { timeZone } = useTime();
  const noun = runsNoun(state);
  return (
    <ListEmptyState
      {...props}
      describeCount={(count) => describeRunsCount(state, timeZone, count)}
      filtered={hasRunsFilters(state)}
      filteredTitle={`No ${noun}${runsTimeBound(state, timeZone)}`}
      itemLabel="runs"
      emptyTitle="No runs yet"
      emptyDetail="This workflow has not been triggered. Runs appear here as soon as a matching record changes."
    />
  );
}
