import { Button } from "@/components/ui/button";
import { formatCount } from "@/lib/format/numbers";

export interface ListEmptyStateProps {
  /** Rows matching the filters on all pages; above 0, this page is past the end. */
  total: number;
  page: number;
  pageCount: number;
  /** The rows in words with their count: "3 failed runs triggered after …", "12 workflows". */
  describeCount: (count: number) => string;
  /** Whether any filter is on; only then is "Clear filters" offered. */
  filtered: boolean;
  /** The filters that matched nothing, named: "No failed runs triggered after 17 Apr 2026, …". */
  filteredTitle: string;
  /** Plural noun for "to see more …": "runs", "workflows". */
  itemLabel: string;
  /** When the list itself is empty: what that means and where rows come from. */
  emptyTitle: string;
  emptyDetail: string;
  onClearFilters: () => void;
  onGoToPage: (page: number) => void;
}

/** Says exactly why there are no rows, and offers the way out: the last page, or no filters. */
export function ListEmptyState({
  total,
  page,
  pageCount,
  describeCount,
  filtered,
  filteredTitle,
  itemLabel,
  emptyTitle,
  emptyDetail,
  onClearFilters,
  onGoToPage,
}: ListEmptyStateProps) {
  let title: string;
  let detail: string;
  let action: { label: string; run: () => void } | null = null;
  if (total > 0) {
    title = `Page ${formatCount(page)} is past the end of the list`;
    detail = `There ${total === 1 ? "is" : "are"} ${describeCount(total)}, on ${formatCount(pageCount)} ${pageCount === 1 ? "page" : "pages"}.`;
    action = { label: "Go to the last page", run: () => onGoToPage(pageCount) };
  } else if (filtered) {
    title = filteredTitle;
    detail = `Change or clear the filters to see more ${itemLabel}.`;
    action = { label: "Clear filters", run: onClearFilters };
  } else {
    title = emptyTitle;
    detail = emptyDetail;
  }
  return (
    <div className="rounded-lg border border-dashed border-slate-300 px-4 py-10 text-center dark:border-slate-700">
      <h2 className="text-base font-semibold [overflow-wrap:anywhere]">{title}</h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{detail}</p>
      {action ? (
        <Button onClick={action.run} className="mt-4">
          {action.label}
        </Button>
      ) : null}
    </div>
  );
}
