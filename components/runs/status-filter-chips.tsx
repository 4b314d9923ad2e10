"use client";

import { runStatuses, type RunStatus } from "@/lib/model/run";
import { allStatusesLook, runStatusLook } from "./run-status";

interface StatusFilterChipsProps {
  value: RunStatus | null;
  onChange: (status: RunStatus | null) => void;
  /** Pressed but not yet released: the chip's rows can start loading before the click. */
  onIntent?: (status: RunStatus | null) => void;
}

const options: { value: RunStatus | null; label: string; Icon: typeof allStatusesLook.Icon }[] = [
  { value: null, ...allStatusesLook },
  ...runStatuses.map((status) => ({ value: status, ...runStatusLook[status] })),
];

/**
 * All / Success / Failed / Skipped. Toggle buttons with `aria-pressed`, so screen readers announce
 * which one is on; the selected chip is filled, bordered and marked with a check-weight font.
 */
export function StatusFilterChips({ value, onChange, onIntent }: StatusFilterChipsProps) {
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
