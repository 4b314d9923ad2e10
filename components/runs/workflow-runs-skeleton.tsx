import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { SkeletonBar } from "@/components/ui/skeleton-bar";
import { RUNS_SKELETON_COLUMNS } from "./runs-skeleton-columns";

const CHIP_WIDTHS = ["w-16", "w-24", "w-20", "w-24", "w-36"];

/** Shown while a slow LeadLex prepares the workflow and its first runs: the page's real shape. */
export function WorkflowRunsSkeleton() {
  return (
    <div className="space-y-6" aria-busy="true">
      {/* Screen readers land on a page with a title even before the workflow's name is known. */}
      <h1 className="sr-only">Loading the workflow&rsquo;s runs…</h1>
      <div aria-hidden="true" className="space-y-6">
        <div className="space-y-3">
          <SkeletonBar className="h-4 w-28" />
          <SkeletonBar className="h-8 w-72 max-w-full" />
          <SkeletonBar className="h-4 w-96 max-w-full" />
        </div>
        <div className="flex gap-2">
          {CHIP_WIDTHS.map((width, index) => (
            <SkeletonBar key={index} pill className={`h-9 ${width}`} />
          ))}
        </div>
      </div>
      <DataTableSkeleton columnWidths={RUNS_SKELETON_COLUMNS} label="Loading runs" />
    </div>
  );
}
