import { WarningIcon } from "@/components/ui/icons/warning-icon";
import { formatCount } from "@/lib/format/numbers";
import { NEAR_CAP_RATIO } from "@/lib/workflows/workflow-health";

export interface TriggersMeterProps {
  count: number;
  cap: number;
  /** The id of the element naming the meter, or a name of its own. */
  labelledBy?: string;
  label?: string;
  /** One short line for a table cell: "37 / 100 today". */
  compact?: boolean;
  /** Figure, bar and warning side by side, for a header line. */
  inline?: boolean;
}

/**
 * Triggers today against the daily cap: "37 / 100" with a bar; at 80 % and above the bar turns
 * amber and a line says how close. The runs page's header and the workflow list both show it.
 */
export function TriggersMeter({
  count,
  cap,
  labelledBy,
  label,
  compact = false,
  inline = false,
}: TriggersMeterProps) {
  if (cap <= 0) {
    return <span className="font-medium tabular-nums">{formatCount(count)}</span>;
  }
  const ratio = count / cap;
  const percent = Math.floor(ratio * 100);
  const warn = ratio >= NEAR_CAP_RATIO;
  return (
    <div
      className={
        inline ? "flex items-center gap-2 whitespace-nowrap" : compact ? "space-y-1" : "space-y-1.5"
      }
    >
      <p className={compact ? "tabular-nums" : "font-medium tabular-nums"}>
        {formatCount(count)} / {formatCount(cap)}
        {compact ? " today" : <span className="sr-only"> (daily cap)</span>}
      </p>
      <div
        role="meter"
        aria-labelledby={labelledBy}
        aria-label={labelledBy ? undefined : label}
        aria-valuemin={0}
        aria-valuemax={cap}
        aria-valuenow={Math.min(count, cap)}
        aria-valuetext={`${formatCount(count)} of ${formatCount(cap)} daily triggers (${percent}%)`}
        className={`${compact ? "h-1.5 w-24" : inline ? "h-2 w-20" : "h-2 w-full max-w-xs"} overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800`}
      >
        <div
          className={`h-full rounded-full ${warn ? "bg-amber-500" : "bg-sky-600 dark:bg-sky-500"}`}
          style={{ width: `${Math.min(ratio, 1) * 100}%` }}
        />
      </div>
      {warn ? (
        <p className="flex items-center gap-1 text-xs text-amber-800 dark:text-amber-300">
          <WarningIcon className="size-3.5 shrink-0" />
          {count >= cap ? "Daily cap reached" : `${percent}% of the daily cap used`}
        </p>
      ) : null}
    </div>
  );
}
