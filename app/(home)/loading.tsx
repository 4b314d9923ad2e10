import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { SkeletonBar } from "@/components/ui/skeleton-bar";
import { WORKFLOWS_SKELETON_COLUMNS } from "@/components/workflows/workflows-skeleton-columns";

/**
 * Shown while the workflow list renders on the server, shaped like it (heading, toolbar, table)
 * so the home page does not jump when it arrives. It sits in the `(home)` route group so that it
 * covers `/` only: a loading boundary above `/workflows/[id]` would start streaming that page
 * before it knows whether the workflow exists, and an unknown id could no longer answer 404.
 */
export default function Loading() {
  return (
    <div className="space-y-6" aria-busy="true">
      {/* Every page has a level-one heading, this one included, for screen-reader navigation. */}
      <h1 className="sr-only">Loading…</h1>
      <div aria-hidden="true" className="space-y-6">
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
          <div className="space-y-2">
            <SkeletonBar className="h-8 w-40" />
            <SkeletonBar className="h-4 w-72 max-w-full" />
          </div>
          <SkeletonBar className="h-9 w-full sm:w-80" />
        </div>
        <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
          <SkeletonBar className="h-9 min-w-0 flex-1 basis-64" />
          <SkeletonBar className="h-9 w-52" />
          <SkeletonBar className="h-9 w-36" />
        </div>
      </div>
      <DataTableSkeleton columnWidths={WORKFLOWS_SKELETON_COLUMNS} label="Loading workflows" />
    </div>
  );
}
