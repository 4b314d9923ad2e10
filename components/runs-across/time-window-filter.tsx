"use client";

/**
 * `/runs`'s time window: a rolling one (last hour, 24 h, 7 days), which stays rolling in a link,
 * or a custom absolute one ("17 Apr, 09:00 to 18 Apr, 09:00"), shown as a chip that reopens the
 * picker and clears back to the last 24 hours. The picker is fetched on first use.
 */
import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import { useTime } from "@/components/time/time-provider";
import { buttonVariants } from "@/components/ui/button";
import { boundChipClass, boundChipClearClass } from "@/components/ui/bound-chip-class";
import { ClockIcon } from "@/components/ui/icons/clock-icon";
import { CloseIcon } from "@/components/ui/icons/close-icon";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { formatBoundDateTime, formatZoneOffset } from "@/lib/format/date-time";
import { ROLLING_WINDOWS, type RollingWindow } from "@/lib/url-state/runs-across-view-state";
import type { AbsoluteRange } from "./window-range/range-picker-dialog";

const RangePickerDialog = dynamic(
  () => import("./window-range/range-picker-dialog").then((m) => m.RangePickerDialog),
  { ssr: false },
);

const WINDOW_LABELS: Record<RollingWindow, string> = {
  "1h": "Last hour",
  "24h": "Last 24 h",
  "7d": "Last 7 days",
};

export interface TimeWindowFilterProps {
  window: RollingWindow;
  /** The absolute window in force, which replaces the rolling one; null when rolling. */
  range: AbsoluteRange | null;
  onWindowChange: (window: RollingWindow) => void;
  onRangeChange: (range: AbsoluteRange | null) => void;
}

export function TimeWindowFilter({
  window,
  range,
  onWindowChange,
  onRangeChange,
}: TimeWindowFilterProps) {
  const { timeZone } = useTime();
  const [open, setOpen] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const restoreFocus = useRef(false);

  useEffect(() => {
    // Once the dialog has left the DOM (while it is open, the page behind it is inert), and once
    // a cleared chip has given way to the rolling choices.
    if (open || !restoreFocus.current) return;
    restoreFocus.current = false;
    openerRef.current?.focus();
  }, [open, range]);

  const opener = {
    ref: openerRef,
    type: "button" as const,
    "aria-haspopup": "dialog" as const,
    "aria-expanded": open,
    onClick: () => setOpen(true),
    // The same chunk `dynamic` loads; the bundler fetches it once.
    onPointerEnter: () => void import("./window-range/range-picker-dialog"),
  };
  const bound = (iso: string) => formatBoundDateTime(iso, timeZone);

  return (
    <div className="flex flex-wrap items-end gap-2">
      {range === null ? (
        <>
          <SegmentedControl<RollingWindow>
            label="Time window"
            showLabel
            options={ROLLING_WINDOWS.map((value) => ({ value, label: WINDOW_LABELS[value] }))}
            value={window}
            onChange={onWindowChange}
          />
          <button {...opener} className={buttonVariants({ variant: "secondary" })}>
            <ClockIcon className="size-4 shrink-0" />
            Custom…
          </button>
        </>
      ) : (
        <div className="inline-flex max-w-full items-stretch">
          <button {...opener} className={boundChipClass}>
            <ClockIcon className="size-4 shrink-0" />
            <span>
              <span className="whitespace-nowrap">From {bound(range.after)}</span>{" "}
              <span className="whitespace-nowrap">
                to {range.before ? bound(range.before) : "now"}
              </span>{" "}
              <span className="whitespace-nowrap text-sky-800 dark:text-sky-200">
                {formatZoneOffset(range.after, timeZone)}
              </span>
            </span>
          </button>
          <button
            type="button"
            aria-label="Clear the custom window"
            onClick={() => {
              restoreFocus.current = true;
              onRangeChange(null);
            }}
            className={boundChipClearClass}
          >
            <CloseIcon />
          </button>
        </div>
      )}
      {open ? (
        <RangePickerDialog
          value={range}
          onChange={onRangeChange}
          onClose={() => {
            restoreFocus.current = true;
            setOpen(false);
          }}
        />
      ) : null}
    </div>
  );
}
