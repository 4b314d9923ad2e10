import { SkippedIcon } from "@/components/ui/icons/skipped-icon";
import { SuccessIcon } from "@/components/ui/icons/success-icon";
import { WarningIcon } from "@/components/ui/icons/warning-icon";
import {
  describeAutoDisabledReason,
  workflowState,
  type WorkflowState,
} from "@/lib/workflows/describe-workflow";

export interface WorkflowStateBadgeProps {
  enabled: boolean;
  /** Known only from the single-workflow call; absent or null reads as plain "Disabled". */
  autoDisabledReason?: string | null;
  /** Leave the reason out where the page explains it right beside the badge. */
  showReason?: boolean;
}

const styles: Record<WorkflowState, string> = {
  enabled:
    "bg-emerald-50 text-emerald-800 ring-emerald-600/25 dark:bg-emerald-950/60 dark:text-emerald-300 dark:ring-emerald-400/30",
  disabled:
    "bg-slate-100 text-slate-700 ring-slate-500/25 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-400/30",
  auto_disabled:
    "bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950/60 dark:text-amber-300 dark:ring-amber-400/30",
};

/** Enabled / Disabled / Auto-disabled, as an icon and words; the colour only repeats them. */
export function WorkflowStateBadge({
  enabled,
  autoDisabledReason,
  showReason = true,
}: WorkflowStateBadgeProps) {
  const state = workflowState(enabled, autoDisabledReason);
  const Icon = state === "enabled" ? SuccessIcon : state === "disabled" ? SkippedIcon : WarningIcon;
  const label =
    state === "enabled"
      ? "Enabled"
      : state === "disabled"
        ? "Disabled"
        : showReason && autoDisabledReason
          ? `Auto-disabled: ${describeAutoDisabledReason(autoDisabledReason)}`
          : "Auto-disabled";
  return (
    <span
      className={`inline-flex max-w-full items-start gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${styles[state]}`}
    >
      <Icon className="mt-px size-3.5 shrink-0" />
      {/* `break-words`, not `anywhere`: a narrow row moves the badge to a line of its own instead
          of splitting "Auto-disabled" mid-word; only a word wider than the line is broken. */}
      <span className="break-words">{label}</span>
    </span>
  );
}
