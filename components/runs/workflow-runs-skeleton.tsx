import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { RUNS_SKELETON_COLUMNS } from "./runs-skeleton-columns";

/** Shown while a slow LeadLex prepares the workflow and its first runs: the page's real shape. */
export function WorkflowRunsSkeleton() {
  return (
    <div className="space-y-6" aria-busy="true">
      {/* Screen readers land on a page with a title even before the workflow's name is known. */}
      <h1 className="sr-only">Loading the workflow&rsquo;s runs…</h1>
      <div className="space-y-3">
        <div className="h-4 w-28 rounded bg-slate-100 dark:bg-slate-800" />
        <div className="h-8 w-72 max-w-full rounded bg-slate-200 dark:bg-slate-700" />
        <div className="h-4 w-96 max-w-full rounded bg-slate-100 dark:bg-slate-800" />
      </div>
      <div className="flex gap-2">
        {["w-16", "w-24", "w-20", "w-24", "w-36"].map((width, index) => (
          <div key={index} className={`h-9 rounded-full bg-slate-100 dark:bg-slate-800 ${width}`} />
        ))}
      </div>
      <DataTableSkeleton columnWidths={RUNS_SKELETON_COLUMNS} label="Loading runs" />
    </div>
  );
}
