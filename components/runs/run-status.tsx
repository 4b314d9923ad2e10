import type { RunStatus } from "@/lib/model/run";
import { AllIcon } from "@/components/ui/icons/all-icon";
import { FailedIcon } from "@/components/ui/icons/failed-icon";
import { SkippedIcon } from "@/components/ui/icons/skipped-icon";
import { SuccessIcon } from "@/components/ui/icons/success-icon";

/**
 * How each status looks, in one place: an icon and a word always, colour only as a third cue.
 * Used by the badge in each row and by the filter chips. The badge's look is a class of its own in
 * `globals.css`: a page carries one per row, and as Tailwind utilities each was 220 bytes.
 */
export const runStatusLook = {
  success: {
    label: "Success",
    Icon: SuccessIcon,
    badgeClass: "status-badge-success",
  },
  failed: {
    label: "Failed",
    Icon: FailedIcon,
    badgeClass: "status-badge-failed",
  },
  skipped: {
    label: "Skipped",
    Icon: SkippedIcon,
    badgeClass: "status-badge-skipped",
  },
} as const satisfies Record<RunStatus, unknown>;

export const allStatusesLook = { label: "All", Icon: AllIcon } as const;

interface RunStatusBadgeProps {
  status: RunStatus;
}

export function RunStatusBadge({ status }: RunStatusBadgeProps) {
  const { label, Icon, badgeClass } = runStatusLook[status];
  return (
    <span className={`status-badge ${badgeClass}`}>
      <Icon className="size-3.5" />
      {label}
    </span>
  );
}
