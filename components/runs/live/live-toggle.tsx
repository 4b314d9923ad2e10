"use client";

import { cn } from "@/components/ui/class-names";
import { formatWait } from "@/lib/format/wait";
import { LIVE_PAUSE_WORDS } from "@/lib/live/live-pause";
import type { LivePollState } from "./use-live-poll";

export interface LiveToggleProps {
  on: boolean;
  onChange: (on: boolean) => void;
  state: LivePollState;
}

/** What Live is doing, in the words beside the toggle. */
function liveStatus({ paused, heldBackMs, failed, intervalMs }: LivePollState): string {
  if (paused) return LIVE_PAUSE_WORDS[paused];
  if (heldBackMs !== null) {
    return `held back to keep quota for your clicks; next try in ${formatWait(Math.ceil(heldBackMs / 1000))}`;
  }
  if (failed) return `the last check failed; trying again every ${formatWait(intervalMs / 1000)}`;
  return `checks every ${formatWait(intervalMs / 1000)}`;
}

/** "Live" on or off (a pressed button), and while on, how often it checks or why it waits. */
export function LiveToggle({ on, onChange, state }: LiveToggleProps) {
  const waiting = on && (state.paused !== null || state.heldBackMs !== null);
  return (
    <span className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
      <button
        type="button"
        aria-pressed={on}
        onClick={() => onChange(!on)}
        className="inline-flex h-7 items-center gap-1.5 rounded-md border border-slate-300 px-2 font-medium text-slate-900 hover:bg-slate-100 aria-pressed:border-sky-600 dark:border-slate-700 dark:text-slate-100 dark:hover:bg-slate-800"
      >
        <span
          aria-hidden="true"
          className={cn(
            "size-2 rounded-full",
            !on ? "bg-slate-400" : waiting ? "bg-amber-500" : "animate-pulse bg-emerald-500",
          )}
        />
        Live
      </button>
      {on ? <span aria-live="polite">{liveStatus(state)}</span> : null}
    </span>
  );
}
