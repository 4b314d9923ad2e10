"use client";

import type { QueryKey } from "@tanstack/react-query";
import type { RunsAcrossPage } from "@/lib/model/runs-across-page";
import { CoverageNote } from "./coverage-note";
import { ReasonFacets } from "./reason-facets";
import { RunsOverTimeChart } from "./runs-over-time-chart";

interface AnswerOverviewProps {
  page: RunsAcrossPage;
  /** The view's query key and its route with `fill=confirm` and `fill=cancel`: Spend, Cancel. */
  queryKey: QueryKey;
  confirmPath: string;
  cancelPath: string;
  reason: string | null;
  onReasonChange: (reason: string | null) => void;
}

/**
 * What sits between the filters and the rows: what the answer covers and cost, the runs over
 * time, and the error-code and skip-reason facets. One module so the view loads it as one chunk
 * (each on-demand import costs the first load a few bytes of its own).
 */
export function AnswerOverview({
  page,
  queryKey,
  confirmPath,
  cancelPath,
  reason,
  onReasonChange,
}: AnswerOverviewProps) {
  return (
    <div className="mb-4 space-y-3">
      <CoverageNote
        page={page}
        queryKey={queryKey}
        confirmPath={confirmPath}
        cancelPath={cancelPath}
      />
      <RunsOverTimeChart overTime={page.overTime} />
      <ReasonFacets
        errorCodes={page.facets.errorCodes}
        skipReasons={page.facets.skipReasons}
        value={reason}
        onChange={onReasonChange}
      />
    </div>
  );
}
