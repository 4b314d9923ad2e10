"use client";

import { allStatusesLook, runStatusLook } from "@/components/runs/run-status";
import { statusChipClass } from "@/components/runs/status-filter-chips";
import { formatCount } from "@/lib/format/numbers";
import { runStatuses, type RunStatus } from "@/lib/model/run";
import { ALL_STATUSES, statusesOf } from "@/lib/url-state/runs-across-view-state";

/**
 * Status chips that combine (failed + skipped), each with its count for the other filters. "All"
 * clears the choice; unpressing the last chip means all too.
 */
export function StatusChipsWithCounts({
  value,
  counts,
  onChange,
}: {
  value: string;
  counts: Record<RunStatus, number | null> | null;
  onChange: (status: string) => void;
}) {
  const chosen = statusesOf(value);
  const toggle = (status: RunStatus) => {
    const next = chosen.includes(status)
      ? chosen.filter((item) => item !== status)
      : [...chosen, status];
    const ordered = runStatuses.filter((item) => next.includes(item));
    onChange(ordered.length === 0 || ordered.length === 3 ? ALL_STATUSES : ordered.join(","));
  };
  const total =
    counts && counts.success !== null && counts.failed !== null && counts.skipped !== null
      ? counts.success + counts.failed + counts.skipped
      : null;
  return (
    <div role="group" aria-label="Filter by status" className="flex flex-wrap gap-2">
      <button
        type="button"
        aria-pressed={chosen.length === 0}
        onClick={() => onChange(ALL_STATUSES)}
        className={statusChipClass(chosen.length === 0)}
      >
        <allStatusesLook.Icon className="size-4" />
        {allStatusesLook.label}
        {total !== null ? <Count value={total} /> : null}
      </button>
      {runStatuses.map((status) => {
        const { label, Icon } = runStatusLook[status];
        const selected = chosen.includes(status);
        return (
          <button
            key={status}
            type="button"
            aria-pressed={selected}
            onClick={() => toggle(status)}
            className={statusChipClass(selected)}
          >
            <Icon className="size-4" />
            {label}
            {counts?.[status] != null ? <Count value={counts[status]} /> : null}
          </button>
        );
      })}
    </div>
  );
}

function Count({ value }: { value: number }) {
  return (
    <span data-testid="chip-count" className="tabular-nums">
      {formatCount(value)}
    </span>
  );
}
