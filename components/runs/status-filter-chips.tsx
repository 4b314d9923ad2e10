"use client";

import dynamic from "next/dynamic";
import { runStatuses, type RunStatus } from "@/lib/model/run";
import type { StatusCounts } from "@/lib/workflows/status-counts";
import { allStatusesLook, runStatusLook } from "./run-status";

interface StatusFilterChipsProps {
  value: RunStatus | null;
  onChange: (status: RunStatus | null) => void;
  /** Pressed but not yet released: the chip's rows can start loading before the click. */
  onIntent?: (status: RunStatus | null) => void;
  /** Each chip's count for the view's `after`; undefined until they are in (after the rows). */
  counts?: StatusCounts;
}

// The counts' markup arrives with them, in a chunk of its own: the runs page is at its budget.
const StatusChipCount = dynamic(() => import("./status-chip-count").then((m) => m.StatusChipCount));

const options: { value: RunStatus | null; label: string; Icon: typeof allStatusesLook.Icon }[] = [
  { value: null, ...allStatusesLook },
  ...runStatuses.map((status) => ({ value: status, ...runStatusLook[status] })),
];

/**
 * All / Success / Failed / Skipped. Toggle buttons with `aria-pressed`, so screen readers announce
 * which one is on; the selected chip is filled, bordered and marked with a check-weight font.
 */
export function StatusFilterChips({ value, onChange, onIntent, counts }: StatusFilterChipsProps) {
  return (
    <div role="group" aria-label="Filter by status" className="flex flex-wrap gap-2">
      {options.map((option) => {
        const selected = option.value === value;
        return (
          <button
            key={option.label}
            type="button"
            aria-pressed={selected}
            onClick={() => onChange(option.value)}
            onPointerDown={selected ? undefined : () => onIntent?.(option.value)}
            className={statusChipClass(selected)}
          >
            <option.Icon className="size-4" />
            {option.label}
            <span className="status-chip-count">
              {counts && <StatusChipCount counts={counts} status={option.value} />}
            </span>
          </button>
        );
      })}
    </div>
  );
}

/**
 * The look of a status chip, pressed or not; the workspace-wide view's chips share it. The
 * classes are in `globals.css`: as utilities they were 300 characters of the page's first load.
 */
export function statusChipClass(selected: boolean): string {
  return selected ? "status-chip status-chip-pressed" : "status-chip status-chip-idle";
}
