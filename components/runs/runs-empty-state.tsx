"use client";

import { useTime } from "@/components/time/time-provider";
import { formatDateTime, formatZoneOffset } from "@/lib/format/date-time";
import { formatCount } from "@/lib/format/numbers";
import type { RunStatus } from "@/lib/model/run";
import { runStatusLook } from "./run-status";

interface RunsEmptyStateProps {
  status: RunStatus | null;
  after: string | null;
  /** Runs matching the filters in all pages; > 0 means this page is past the end. */
  total: number;
  page: number;
  pageCount: number;
  onClearFilters: () => void;
  onGoToPage: (page: number) => void;
}

/** Says exactly which filters produced nothing, and offers the way out. */
export function RunsEmptyState({
  status,
  after,
  total,
  page,
  pageCount,
  onClearFilters,
  onGoToPage,
}: RunsEmptyStateProps) {
  const { timeZone } = useTime();
  const filtered = status !== null || after !== null;
  const what = status ? `${runStatusLook[status].label.toLowerCase()} runs` : "runs";
  const when = after
    ? ` triggered after ${formatDateTime(after, timeZone)} ${formatZoneOffset(after, timeZone)}`
    : "";

  return (
    <div className="rounded-lg border border-dashed border-slate-300 px-4 py-10 text-center dark:border-slate-700">
      {total > 0 ? (
        <>
          <h2 className="text-base font-semibold">Page {formatCount(page)} is past the end</h2>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            There {total === 1 ? "is" : "are"} {formatCount(total)} {what}
            {when}, on {formatCount(pageCount)} {pageCount === 1 ? "page" : "pages"}.
          </p>
          <button type="button" onClick={() => onGoToPage(pageCount)} className={actionClass}>
            Go to the last page
          </button>
        </>
      ) : filtered ? (
        <>
          <h2 className="text-base font-semibold">
            No {what}
            {when}
          </h2>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            The filters match nothing for this workflow.
          </p>
          <button type="button" onClick={onClearFilters} className={actionClass}>
            Clear filters
          </button>
        </>
      ) : (
        <>
          <h2 className="text-base font-semibold">No runs yet</h2>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            This workflow has not been triggered. Runs appear here as soon as a matching record
            changes.
          </p>
        </>
      )}
    </div>
  );
}

const actionClass =
  "mt-4 inline-flex h-9 items-center rounded-md border border-slate-300 px-3 text-sm font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-900";
