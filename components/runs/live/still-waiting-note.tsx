"use client";

import { Button } from "@/components/ui/button";
import type { SlowLoad } from "./use-slow-load";

const pill =
  "flex items-center gap-2 rounded-md border px-3 py-1.5 text-sm shadow-sm border-slate-300 bg-white text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200";

/**
 * "Still waiting for LeadLex… 3 s · Cancel" while the view's load is slow, then "Cancelled" with
 * a retry. The rows under it stay the previous ones either way.
 */
export function StillWaitingNote({ waitedMs, cancelled, cancel, retry }: SlowLoad) {
  if (waitedMs !== null) {
    return (
      <span role="status" className={pill}>
        <span className="tabular-nums">
          Still waiting for LeadLex… {Math.floor(waitedMs / 1000)} s
        </span>
        <Button size="sm" onClick={cancel}>
          Cancel
        </Button>
      </span>
    );
  }
  if (!cancelled) return null;
  return (
    <span role="status" className={pill}>
      <span>Cancelled: the runs shown are from before.</span>
      <Button size="sm" onClick={retry}>
        Retry
      </Button>
    </span>
  );
}
