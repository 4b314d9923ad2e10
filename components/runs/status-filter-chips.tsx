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

/** The look of a status chip, pressed or not; the workspace-wide view's chips share it. */
export function statusChipClass(selected: boolean): string {
  return `inline-flex h-9 items-center gap-1.5 rounded-full border px-3 text-sm transition-colors ${
    selected
      ? "border-sky-700 bg-sky-700 font-semibold text-white dark:border-sky-400 dark:bg-sky-400 dark:text-slate-950"
      : "border-slate-300 bg-white text-slate-800 hover:border-slate-400 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"
  }`;
}
