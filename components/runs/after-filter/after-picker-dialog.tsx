"use client";

/**
 * The "After" picker, loaded on demand by `after-filter.tsx` (keep it out of static imports).
 *
 * A native modal `<dialog>` opened with `showModal()`: the browser puts it in the top layer and
 * makes the page behind it inert, which is what keeps focus inside, and turns Escape into a `close`
 * event. On phones it is a full-width bottom sheet, from `sm` up a centred panel.
 */
import { useEffect, useId, useRef, useState } from "react";
import { useTime } from "@/components/time/time-provider";
import { TimeZoneToggle } from "@/components/time/time-zone-toggle";
import { Button } from "@/components/ui/button";
import { fieldClass } from "@/components/ui/field-class";
import { CloseIcon } from "@/components/ui/icons/close-icon";
import { timesInZoneLine } from "@/lib/format/date-time";
import { ROLLING_PRESETS, resolveAfter } from "@/lib/format/rolling-window";
import { isoToWallTime } from "@/lib/format/zoned-wall-time";
import { AfterCalendar } from "./after-calendar";
import { draftResult, draftStatus, initialDraft, readInZone, type Draft } from "./after-draft";
import { useModalDialog } from "./use-modal-dialog";
import { pickerSheetClass } from "@/components/ui/picker-sheet-class";

export interface AfterPickerDialogProps {
  /** The applied bound (an instant or a rolling window), to start from; null when it is off. */
  value: string | null;
  onChange: (next: string | null) => void;
  /** Called for every way of closing; the opener unmounts the dialog and takes focus back. */
  onClose: () => void;
}

const PRESET_LABELS: Record<(typeof ROLLING_PRESETS)[number], string> = {
  "-1h": "Last hour",
  "-24h": "Last 24 hours",
  "-7d": "Last 7 days",
  "-30d": "Last 30 days",
};

/** Presets, a month calendar, a time of day and the zone they are read in; Apply or Clear. */
export function AfterPickerDialog({ value, onChange, onClose }: AfterPickerDialogProps) {
  const { timeZone, now } = useTime();
  const headingId = useId();
  const timeId = useId();
  const zoneId = useId();
  const dialog = useModalDialog(onClose);

  const today = isoToWallTime(now, timeZone)?.date ?? now.slice(0, 10);
  // A rolling window starts the calendar at the instant it names now; Apply keeps it rolling
  // until the reader edits the day or time.
  const [draft, setDraft] = useState<Draft>(() =>
    initialDraft(value === null ? null : resolveAfter(value, Date.parse(now)), timeZone),
  );
  const current = readInZone(draft, timeZone);
  const result = draftResult(current, value);
  const resultInstant = result === null ? null : resolveAfter(result, Date.parse(now));

  // The presets come first: most picks are one of them, and Tab then goes on to the calendar,
  // the time and the buttons, in the order they are drawn.
  const presetsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    presetsRef.current?.querySelector("button")?.focus();
  }, []);

  function commit(next: string | null) {
    if (next !== value) onChange(next);
    onClose();
  }

  const zoneLine = timesInZoneLine(timeZone, resultInstant ?? now);

  return (
    <dialog
      {...dialog.props}
      aria-modal="true"
      aria-labelledby={headingId}
      className={`${pickerSheetClass} sm:max-h-[calc(100dvh-2rem)] sm:w-[23rem]`}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (result !== null) commit(result);
        }}
        noValidate
        className="flex max-h-[inherit] flex-col"
      >
        <div className="flex items-center justify-between gap-2 px-4 pt-3 pb-2">
          <h2 id={headingId} className="text-base font-semibold">
            Show runs triggered after
          </h2>
          <Button variant="ghost" size="icon" onClick={onClose} aria-label="Close">
            <CloseIcon />
          </Button>
        </div>

        {/* Only the middle scrolls, so Apply stays in reach on a short phone screen. */}
        <div className="flex min-h-0 flex-1 flex-col gap-4 overflow-y-auto px-4 pb-4">
          <div
            ref={presetsRef}
            role="group"
            aria-label="Presets"
            className="grid grid-cols-2 gap-2"
          >
            {ROLLING_PRESETS.map((preset) => (
              <Button
                key={preset}
                onClick={() => commit(preset)}
                aria-pressed={value === preset}
                className={value === preset ? "ring-2 ring-sky-600" : undefined}
              >
                {PRESET_LABELS[preset]}
              </Button>
            ))}
          </div>

          <div className="border-t border-slate-200 pt-4 dark:border-slate-800">
            <AfterCalendar
              selected={current.date}
              today={today}
              onSelect={(date) => setDraft({ ...current, date, edited: true })}
            />
          </div>

          <div className="flex flex-col gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
            <div className="flex items-center gap-3">
              <label htmlFor={timeId} className="text-sm text-slate-700 dark:text-slate-300">
                Time of day
              </label>
              <input
                id={timeId}
                type="time"
                step={60}
                value={current.time}
                onChange={(event) =>
                  setDraft({ ...current, time: event.target.value, edited: true })
                }
                aria-describedby={zoneId}
                className={`${fieldClass} px-2 tabular-nums`}
              />
            </div>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p id={zoneId} className="text-sm text-slate-600 dark:text-slate-400">
                {zoneLine}
              </p>
              <TimeZoneToggle />
            </div>
            <p aria-live="polite" className="min-h-5 text-sm tabular-nums">
              {draftStatus(current, resultInstant)}
            </p>
          </div>
        </div>

        <div className="flex items-center justify-between gap-2 border-t border-slate-200 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] dark:border-slate-800">
          <Button onClick={() => commit(null)}>Clear</Button>
          <Button type="submit" variant="primary" disabled={result === null}>
            Apply
          </Button>
        </div>
      </form>
    </dialog>
  );
}
