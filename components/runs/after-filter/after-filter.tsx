"use client";

/**
 * The runs view's "After" filter, split in two for the first-load JS budget. This module is the
 * part every runs page ships: a trigger button, or a chip naming the bound with a clear button. The
 * picker (presets, calendar, time input, zone toggle) lives in `after-picker-dialog.tsx` and is
 * fetched by `next/dynamic` the first time it is opened, and prefetched as soon as the pointer or
 * focus reaches the trigger, so the click seldom waits. Import nothing from the dialog module here
 * except through `import()`: one static import puts it back in the first-load bundle.
 */
import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import { useTime } from "@/components/time/time-provider";
import { buttonVariants } from "@/components/ui/button";
import { boundChipClass, boundChipClearClass } from "@/components/ui/bound-chip-class";
import { ClockIcon } from "@/components/ui/icons/clock-icon";
import { CloseIcon } from "@/components/ui/icons/close-icon";
import { formatBoundDateTime, formatExactUtc, formatZoneOffset, UTC } from "@/lib/format/date-time";
import { parseIsoInstant } from "@/lib/format/iso-instant";
import { describeRollingWindow, resolveAfter } from "@/lib/format/rolling-window";

const AfterPickerDialog = dynamic(
  () => import("./after-picker-dialog").then((module) => module.AfterPickerDialog),
  { ssr: false },
);

export interface AfterFilterProps {
  /**
   * The lower bound as `YYYY-MM-DDTHH:MM:SSZ` or a rolling window (`-24h`), or null for runs from
   * any time.
   */
  value: string | null;
  onChange: (next: string | null) => void;
}

const triggerClass = buttonVariants({ variant: "secondary" });

/**
 * "After: any time", the chip "After 17 Apr 2026, 09:31 UTC+02:00 ×", or for a rolling window
 * "In the last 24 hours ×"; each opens the picker.
 */
export function AfterFilter({ value, onChange }: AfterFilterProps) {
  const { timeZone, now } = useTime();
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const restoreFocus = useRef(false);
  const rolling = value === null ? null : describeRollingWindow(value);
  const bound = value !== null && (rolling || parseIsoInstant(value)) ? value : null;
  const boundInstant = bound === null ? null : resolveAfter(bound, Date.parse(now));

  useEffect(() => {
    // Only once the dialog has left the DOM: while it is open, the page behind it is inert.
    if (open || !restoreFocus.current) return;
    restoreFocus.current = false;
    triggerRef.current?.focus();
  }, [open]);

  function close() {
    restoreFocus.current = true;
    setOpen(false);
  }

  function clear() {
    onChange(null);
    // The clear button is about to disappear; keep focus on the filter rather than the page.
    triggerRef.current?.focus();
  }

  function prefetch() {
    // The same chunk `dynamic` loads; the bundler fetches it once.
    void import("./after-picker-dialog");
  }

  return (
    <div className="inline-flex max-w-full items-stretch">
      <button
        ref={triggerRef}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
        onPointerEnter={prefetch}
        onFocus={prefetch}
        title={
          boundInstant && (rolling || timeZone !== UTC)
            ? `After ${formatExactUtc(boundInstant)}${rolling ? ", moving with the clock" : ""}`
            : undefined
        }
        className={bound ? boundChipClass : triggerClass}
      >
        <ClockIcon className="size-4 shrink-0" />
        {rolling ? (
          <span className="whitespace-nowrap">In {rolling}</span>
        ) : bound ? (
          <span>
            <span className="whitespace-nowrap">After {formatBoundDateTime(bound, timeZone)}</span>{" "}
            <span className="whitespace-nowrap text-sky-800 dark:text-sky-200">
              {formatZoneOffset(bound, timeZone)}
            </span>
          </span>
        ) : (
          "After: any time"
        )}
      </button>
      {bound ? (
        <button
          type="button"
          aria-label="Clear the after filter"
          onClick={clear}
          className={boundChipClearClass}
        >
          <CloseIcon />
        </button>
      ) : null}
      {open ? <AfterPickerDialog value={bound} onChange={onChange} onClose={close} /> : null}
    </div>
  );
}
