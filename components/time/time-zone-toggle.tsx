"use client";

import { useRef, type KeyboardEvent } from "react";
import type { TimeZoneMode } from "@/lib/format/time-zone-preference";
import { useTime } from "./time-provider";

export interface TimeZoneToggleProps {
  className?: string;
}

const MODES: readonly TimeZoneMode[] = ["local", "utc"];
const ARROW_STEPS: Partial<Record<string, number>> = {
  ArrowRight: 1,
  ArrowDown: 1,
  ArrowLeft: -1,
  ArrowUp: -1,
};

/** Longer names ("America/Argentina/Buenos_Aires") shrink to their city so the toggle fits 375 px. */
const MAX_ZONE_LABEL = 16;

function shortZoneName(timeZone: string): string {
  if (timeZone.length <= MAX_ZONE_LABEL) return timeZone;
  return (timeZone.split("/").at(-1) ?? timeZone).replaceAll("_", " ");
}

/**
 * "Local (Europe/Berlin)" | "UTC", as a radio group: one tab stop, arrow keys move the choice (as
 * native radios do). The choice applies app-wide and is remembered by the time provider.
 */
export function TimeZoneToggle({ className = "" }: TimeZoneToggleProps) {
  const { mode, localTimeZone, setMode } = useTime();
  const radios = useRef<Array<HTMLButtonElement | null>>([]);

  function choose(index: number) {
    const next = MODES[(index + MODES.length) % MODES.length];
    if (!next) return;
    setMode(next);
    radios.current[MODES.indexOf(next)]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const current = MODES.indexOf(mode);
    const step = ARROW_STEPS[event.key];
    if (step === undefined) return;
    event.preventDefault();
    choose(current + step);
  }

  const shortLocal = shortZoneName(localTimeZone);
  const labels: Record<TimeZoneMode, string> = { local: `Local (${shortLocal})`, utc: "UTC" };

  return (
    <div
      role="radiogroup"
      aria-label="Time zone"
      onKeyDown={onKeyDown}
      className={`inline-flex h-9 rounded-md border border-slate-300 p-0.5 text-sm dark:border-slate-700 ${className}`}
    >
      {MODES.map((option, index) => {
        const checked = option === mode;
        return (
          <button
            key={option}
            ref={(element) => {
              radios.current[index] = element;
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={checked ? 0 : -1}
            title={option === "local" && shortLocal !== localTimeZone ? localTimeZone : undefined}
            onClick={() => setMode(option)}
            className={`rounded px-2.5 whitespace-nowrap ${
              checked
                ? "bg-sky-700 font-medium text-white dark:bg-sky-400 dark:text-slate-950"
                : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
            }`}
          >
            {labels[option]}
          </button>
        );
      })}
    </div>
  );
}
