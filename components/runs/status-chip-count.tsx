"use client";

import { formatCount } from "@/lib/format/numbers";
import type { RunStatus } from "@/lib/model/run";
import type { StatusCounts } from "@/lib/workflows/status-counts";

interface StatusChipCountProps {
  counts: StatusCounts;
  /** Null for the "All" chip. */
  status: RunStatus | null;
}

/** A chip's count ("Failed 412"), or a mark whose tooltip says why it was not counted. */
export function StatusChipCount({ counts, status }: StatusChipCountProps) {
  const count = status === null ? counts.all : counts.byStatus[status];
  if (count !== null) {
    return <span data-testid="chip-count">{formatCount(count)}</span>;
  }
  if (counts.notCountedBecause === null) return null;
  return (
    <span title={counts.notCountedBecause} className="text-xs opacity-75">
      –<span className="sr-only"> (not counted)</span>
    </span>
  );
}
