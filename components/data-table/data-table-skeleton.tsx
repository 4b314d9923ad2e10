/**
 * A placeholder with the real table's shape (same border, header height and row height), so the
 * page does not jump when the rows arrive.
 */
interface DataTableSkeletonProps {
  columnWidths: string[];
  rowCount?: number;
  label: string;
}

export function DataTableSkeleton({ columnWidths, rowCount = 10, label }: DataTableSkeletonProps) {
  return (
    <div
      role="status"
      aria-label={label}
      className="overflow-hidden rounded-lg border border-slate-200 dark:border-slate-800"
    >
      <div className="flex h-8 items-center gap-6 bg-slate-50 px-3 dark:bg-slate-900">
        {columnWidths.map((width, index) => (
          <div key={index} className={`h-2.5 rounded bg-slate-200 dark:bg-slate-700 ${width}`} />
        ))}
      </div>
      {Array.from({ length: rowCount }, (_, row) => (
        <div
          key={row}
          className="flex h-[41px] items-center gap-6 border-t border-slate-200 px-3 dark:border-slate-800"
        >
          {columnWidths.map((width, index) => (
            <div
              key={index}
              className={`h-3 animate-pulse rounded bg-slate-100 dark:bg-slate-800 ${width}`}
            />
          ))}
        </div>
      ))}
    </div>
  );
}
