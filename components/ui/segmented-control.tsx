"use client";

import { useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "./class-names";

export interface SegmentedOption<Value extends string> {
  value: Value;
  label: ReactNode;
  /** A tooltip, e.g. the full name behind a shortened label. */
  title?: string;
}

export interface SegmentedControlProps<Value extends string> {
  /** The group's name; shown above it when `showLabel` is set, else read by screen readers only. */
  label: string;
  showLabel?: boolean;
  options: readonly SegmentedOption<Value>[];
  value: Value;
  onChange: (value: Value) => void;
  className?: string;
}

const ARROW_STEPS: Partial<Record<string, number>> = {
  ArrowRight: 1,
  ArrowDown: 1,
  ArrowLeft: -1,
  ArrowUp: -1,
};

/**
 * A choice of one among a few, as a radio group: one tab stop, and the arrow keys move the choice
 * (as native radios do). Used for a list's state filter and the time-zone toggle.
 */
export function SegmentedControl<Value extends string>({
  label,
  showLabel = false,
  options,
  value,
  onChange,
  className,
}: SegmentedControlProps<Value>) {
  const labelId = useId();
  const radios = useRef<Array<HTMLButtonElement | null>>([]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = ARROW_STEPS[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const current = options.findIndex((option) => option.value === value);
    const index = (current + step + options.length) % options.length;
    const next = options[index];
    if (!next) return;
    onChange(next.value);
    radios.current[index]?.focus();
  }

  return (
    <div className={cn("min-w-0", className)}>
      {showLabel ? (
        <span
          id={labelId}
          className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400"
        >
          {label}
        </span>
      ) : null}
      <div
        role="radiogroup"
        aria-labelledby={showLabel ? labelId : undefined}
        aria-label={showLabel ? undefined : label}
        onKeyDown={onKeyDown}
        className="inline-flex h-9 rounded-md border border-slate-300 p-0.5 text-sm dark:border-slate-700"
      >
        {options.map((option, index) => {
          const checked = option.value === value;
          return (
            <button
              key={option.value}
              ref={(element) => {
                radios.current[index] = element;
              }}
              type="button"
              role="radio"
              aria-checked={checked}
              tabIndex={checked ? 0 : -1}
              title={option.title}
              onClick={() => onChange(option.value)}
              className={cn(
                "rounded px-2.5 whitespace-nowrap select-none",
                checked
                  ? "bg-sky-700 font-medium text-white dark:bg-sky-400 dark:text-slate-950"
                  : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
              )}
            >
              {option.label}
            </button>
          );
        })}
      </div>
    </div>
  );
}
