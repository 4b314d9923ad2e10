import type { ReactNode } from "react";
import { cn } from "./class-names";
import { CloseIcon } from "./icons/close-icon";
import { WarningIcon } from "./icons/warning-icon";

const tones = {
  warning:
    "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-100",
  neutral:
    "border-slate-300 bg-slate-50 text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300",
} as const;

const iconTones = {
  warning: "text-amber-700 dark:text-amber-400",
  neutral: "text-slate-600 dark:text-slate-400",
} as const;

export interface NoticeProps {
  tone?: keyof typeof tones;
  /** `status` is announced politely; `alert` interrupts, for what replaced the content. */
  role?: "status" | "alert";
  /** Offers a close button with this accessible name. */
  onDismiss?: () => void;
  dismissLabel?: string;
  className?: string;
  children: ReactNode;
}

/** A bordered message with a warning icon: repaired links, deleted workflows, details not loaded. */
export function Notice({
  tone = "warning",
  role,
  onDismiss,
  dismissLabel = "Dismiss this notice",
  className,
  children,
}: NoticeProps) {
  return (
    <div
      role={role}
      className={cn("flex items-start gap-2 rounded-lg border p-3 text-sm", tones[tone], className)}
    >
      <WarningIcon className={cn("mt-0.5 size-4 shrink-0", iconTones[tone])} />
      <div className="min-w-0 flex-1 [overflow-wrap:anywhere]">{children}</div>
      {onDismiss ? (
        <button
          type="button"
          onClick={onDismiss}
          aria-label={dismissLabel}
          className="-m-1 rounded p-1 hover:bg-amber-100 dark:hover:bg-amber-900/60"
        >
          <CloseIcon className="size-4" />
        </button>
      ) : null}
    </div>
  );
}
