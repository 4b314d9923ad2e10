import type { RunStatus } from "@/lib/model/run";
import { AllIcon } from "@/components/ui/icons/all-icon";
import { FailedIcon } from "@/components/ui/icons/failed-icon";
import { SkippedIcon } from "@/components/ui/icons/skipped-icon";
import { SuccessIcon } from "@/components/ui/icons/success-icon";

/**
 * How each status looks, in one place: an icon and a word always, colour only as a third cue.
 * Used by the badge in each row and by the filter chips.
 */
export const runStatusLook = {
  success: {
    label: "Success",
    Icon: SuccessIcon,
    badgeClass:
      "bg-emerald-50 text-emerald-800 ring-emerald-600/25 dark:bg-emerald-950/60 dark:text-emerald-300 dark:ring-emerald-400/30",
  },
  failed: {
    label: "Failed",
    Icon: FailedIcon,
    badgeClass:
      "bg-red-50 text-red-800 ring-red-600/25 dark:bg-red-950/60 dark:text-red-300 dark:ring-red-400/30",
  },
  skipped: {
    label: "Skipped",
    Icon: SkippedIcon,
    badgeClass:
      "bg-slate-100 text-slate-700 ring-slate-500/25 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-400/30",
  },
} as const satisfies Record<RunStatus, unknown>;

export const allStatusesLook = { label: "All", Icon: AllIcon } as const;

interface RunStatusBadgeProps {
  status: RunStatus;
}

export function RunStatusBadge({ status }: RunStatusBadgeProps) {
  const { label, Icon, badgeClass } = runStatusLook[status];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${badgeClass}`}
    >
      <Icon className="size-3.5" />
      {label}
    </span>
  );
}
