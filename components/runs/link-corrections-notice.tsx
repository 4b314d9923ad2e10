"use client";

import { useEffect, useState } from "react";
import { CloseIcon, WarningIcon } from "@/components/ui/icons";
import type { RunsViewCorrection } from "@/lib/url-state/runs-view";

interface LinkCorrectionsNoticeProps {
  corrections: RunsViewCorrection[];
  /** The link as it should have been written; the address bar is set to it. */
  canonicalSearch: string;
}

/**
 * Says which parts of an opened link were repaired, and rewrites the address bar to the repaired
 * link (without a reload or a new history entry), so copying it again shares the corrected view.
 */
export function LinkCorrectionsNotice({
  corrections,
  canonicalSearch,
}: LinkCorrectionsNoticeProps) {
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    if (corrections.length === 0) return;
    const url = new URL(window.location.href);
    url.search = canonicalSearch;
    window.history.replaceState(window.history.state, "", url);
  }, [corrections.length, canonicalSearch]);

  if (corrections.length === 0 || dismissed) return null;
  return (
    <div
      role="status"
      className="flex items-start gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700/60 dark:bg-amber-950/40"
    >
      <WarningIcon className="mt-0.5 size-4 shrink-0 text-amber-700 dark:text-amber-400" />
      <div className="min-w-0 flex-1">
        <p className="font-medium">This link had values Runboard could not use as given:</p>
        <ul className="mt-1 list-disc space-y-0.5 pl-5 [overflow-wrap:anywhere]">
          {corrections.map((correction, index) => (
            <li key={`${correction.parameter}-${index}`}>{correction.message}</li>
          ))}
        </ul>
      </div>
      <button
        type="button"
        onClick={() => setDismissed(true)}
        aria-label="Dismiss this notice"
        className="rounded p-1 hover:bg-amber-100 dark:hover:bg-amber-900/60"
      >
        <CloseIcon className="size-4" />
      </button>
    </div>
  );
}
