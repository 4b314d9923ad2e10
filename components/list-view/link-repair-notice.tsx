"use client";

import { useEffect, useState } from "react";
import { Notice } from "@/components/ui/notice";
import type { LinkRepair } from "@/lib/url-state/link-repairs";

export interface LinkRepairNoticeProps {
  repairs: LinkRepair[];
  /** The link as it should have been written; the address bar is set to it. */
  canonicalSearch: string;
}

/**
 * Says which parts of an opened link were repaired, and rewrites the address bar to the repaired
 * link (without a reload or a new history entry), so copying it again shares the corrected view.
 */
export function LinkRepairNotice({ repairs, canonicalSearch }: LinkRepairNoticeProps) {
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    if (repairs.length === 0) return;
    const url = new URL(window.location.href);
    url.search = canonicalSearch;
    window.history.replaceState(window.history.state, "", url);
  }, [repairs.length, canonicalSearch]);

  if (repairs.length === 0 || dismissed) return null;
  return (
    <Notice role="status" onDismiss={() => setDismissed(true)}>
      <p className="font-medium">This link had values Runboard could not use as given:</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {repairs.map((repair, index) => (
          <li key={`${repair.parameter}-${index}`}>{repair.message}</li>
        ))}
      </ul>
    </Notice>
  );
}
