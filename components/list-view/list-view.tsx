import type { ReactNode, Ref } from "react";
import { cn } from "@/components/ui/class-names";
import type { LinkRepair } from "@/lib/url-state/link-repairs";
import { LinkRepairNotice } from "./list-content";

export interface ListViewProps {
  /** The section's heading; `headingHidden` keeps it for screen readers only. */
  heading: string;
  headingId: string;
  headingHidden?: boolean;
  /** Right of the heading: things that act on the whole view (copy link, time zone, quota). */
  actions?: ReactNode;
  /** The filters. Clearing them moves focus to the first control in here. */
  toolbar: ReactNode;
  toolbarRef?: Ref<HTMLDivElement>;
  /** What the server repaired in the link, said above everything; the address bar is rewritten. */
  repairs: LinkRepair[];
  canonicalSearch: string;
  /** The count and page in words, read out as it changes. */
  summary: string;
  summaryVisible?: boolean;
  /** The table, or the skeleton, empty or error state in its place. */
  children: ReactNode;
  /** Where focus and scrolling go when the rows change under the reader (a new page). */
  bodyRef?: Ref<HTMLDivElement>;
  pagination?: ReactNode;
}

/**
 * The frame every list view shares: notice, heading with its actions, toolbar, a live summary,
 * the body and the pagination, always in that order and that spacing.
 */
export function ListView({
  heading,
  headingId,
  headingHidden = false,
  actions,
  toolbar,
  toolbarRef,
  repairs,
  canonicalSearch,
  summary,
  summaryVisible = false,
  children,
  bodyRef,
  pagination,
}: ListViewProps) {
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      {repairs.length > 0 ? (
        <LinkRepairNotice repairs={repairs} canonicalSearch={canonicalSearch} />
      ) : null}
      <div
        className={cn(
          "flex flex-wrap items-end justify-between gap-3",
          headingHidden && !actions && "contents",
        )}
      >
        <h2 id={headingId} className={headingHidden ? "sr-only" : "text-lg font-semibold"}>
          {heading}
        </h2>
        {actions ? <div className="flex flex-wrap items-center gap-3">{actions}</div> : null}
      </div>
      <div ref={toolbarRef} className="flex flex-wrap items-end gap-x-4 gap-y-3">
        {toolbar}
      </div>
      <p
        aria-live="polite"
        className={
          summaryVisible ? "min-h-5 text-sm text-slate-600 dark:text-slate-400" : "sr-only"
        }
      >
        {summary}
      </p>
      {/* Focusable from script only: where focus goes when the control that had it disappears. */}
      <div ref={bodyRef} tabIndex={-1} className="scroll-mt-4 outline-none">
        {children}
      </div>
      {pagination}
    </section>
  );
}
