/**
 * Shown while the workflow list renders on the server, shaped like it (heading, toolbar, rows,
 * pagination) so the home page does not jump when it arrives. It sits in the `(home)` route group
 * so that it covers `/` only: a loading boundary above `/workflows/[id]` would start streaming that
 * page before it knows whether the workflow exists, and an unknown id could no longer answer 404.
 */
const ROWS = 8;

function Bar({ className }: { className: string }) {
  return <div className={`rounded bg-slate-200 dark:bg-slate-800 ${className}`} />;
}

export default function Loading() {
  return (
    <div className="space-y-6" aria-busy="true">
      {/* Every page has a level-one heading, this one included, for screen-reader navigation. */}
      <h1 className="sr-only">Loading…</h1>
      <p role="status" className="sr-only">
        Loading…
      </p>
      <div aria-hidden="true" className="animate-pulse space-y-6 motion-reduce:animate-none">
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
          <div className="space-y-2">
            <Bar className="h-8 w-40" />
            <Bar className="h-4 w-72 max-w-full" />
          </div>
          <Bar className="h-9 w-full sm:w-80" />
        </div>
        <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
          <Bar className="h-9 min-w-0 flex-1 basis-64" />
          <Bar className="h-9 w-52" />
          <Bar className="h-9 w-36" />
        </div>
        <div className="overflow-hidden rounded-lg border border-slate-200 dark:border-slate-800">
          <div className="h-8 bg-slate-50 dark:bg-slate-900" />
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {Array.from({ length: ROWS }, (_, index) => (
              <li key={index} className="flex items-start gap-4 px-3 py-3">
                <div className="min-w-0 flex-1 space-y-2">
                  <Bar className="h-4 w-2/3 sm:w-1/3" />
                  <Bar className="h-3 w-24" />
                </div>
                <Bar className="h-5 w-20" />
                <Bar className="hidden h-4 w-2/5 lg:block" />
                <Bar className="hidden h-4 w-20 sm:block" />
              </li>
            ))}
          </ul>
        </div>
        <div className="flex justify-between">
          <Bar className="h-5 w-40" />
          <Bar className="h-9 w-48" />
        </div>
      </div>
    </div>
  );
}
