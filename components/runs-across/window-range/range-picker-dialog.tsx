"use client";

/**
 * The custom window picker of `/runs`, loaded on demand by `time-window-filter.tsx` (keep it out
 * of static imports). A native modal `<dialog>`, as the "After" picker is: a start and an
 * optional end, each a day and a time of day, in the zone the toggle shows.
 */
import { useId, useState } from "react";
import { useModalDialog } from "@/components/runs/after-filter/use-modal-dialog";
import { useTime } from "@/components/time/time-provider";
import { TimeZoneToggle } from "@/components/time/time-zone-toggle";
import { Button } from "@/components/ui/button";
import { fieldClass } from "@/components/ui/field-class";
import { CloseIcon } from "@/components/ui/icons/close-icon";
import { formatExactUtc, timesInZoneLine } from "@/lib/format/date-time";
import {
  initialRangeDraft,
  rangeInZone,
  rangeResult,
  type BoundDraft,
  type RangeDraft,
} from "./range-draft";
import { pickerSheetClass } from "@/components/ui/picker-sheet-class";

export interface AbsoluteRange {
  after: string;
  before: string | null;
}

export interface RangePickerDialogProps {
  /** The applied absolute window; null while the view is on a rolling one. */
  value: AbsoluteRange | null;
  onChange: (next: AbsoluteRange) => void;
  /** Called for every way of closing; the opener unmounts the dialog and takes focus back. */
  onClose: () => void;
}

export function RangePickerDialog({ value, onChange, onClose }: RangePickerDialogProps) {
  const { timeZone, now } = useTime();
  const headingId = useId();
  const statusId = useId();
  const dialog = useModalDialog(onClose);
  const [draft, setDraft] = useState<RangeDraft>(() => initialRangeDraft(value, timeZone, now));
  const current = rangeInZone(draft, timeZone);
  const result = rangeResult(current);

  const edit = (bound: "from" | "to", change: Partial<BoundDraft>) =>
    setDraft({ ...current, [bound]: { ...current[bound], ...change } });

  const zoneLine = timesInZoneLine(timeZone, result.ok ? result.after : now);

  return (
    <dialog
      {...dialog.props}
      aria-modal="true"
      aria-labelledby={headingId}
      className={`${pickerSheetClass} sm:w-[24rem]`}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!result.ok) return;
          onChange({ after: result.after, before: result.before });
          onClose();
        }}
        noValidate
        className="flex flex-col"
      >
        <div className="flex items-center justify-between gap-2 px-4 pt-3 pb-2">
          <h2 id={headingId} className="text-base font-semibold">
            Show runs triggered between
          </h2>
          <Button variant="ghost" size="icon" onClick={onClose} aria-label="Close">
            <CloseIcon />
          </Button>
        </div>
        <div className="flex flex-col gap-3 px-4 pb-4">
          <BoundFields
            legend="From"
            bound={current.from}
            describedBy={statusId}
            onChange={(change) => edit("from", change)}
          />
          <BoundFields
            legend="To (empty: up to now)"
            bound={current.to}
            describedBy={statusId}
            onChange={(change) => edit("to", change)}
          />
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-slate-600 dark:text-slate-400">{zoneLine}</p>
            <TimeZoneToggle />
          </div>
          <p id={statusId} aria-live="polite" className="min-h-5 text-sm tabular-nums">
            {result.ok
              ? `${formatExactUtc(result.after)} to ${result.before ? formatExactUtc(result.before) : "now"}`
              : result.problem}
          </p>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            LeadLex filters runs by their start only: a window is synced from its start up to now,
            and its cost is shown before it is spent.
          </p>
        </div>
        <div className="flex items-center justify-end gap-2 border-t border-slate-200 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] dark:border-slate-800">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!result.ok}>
            Apply
          </Button>
        </div>
      </form>
    </dialog>
  );
}

function BoundFields({
  legend,
  bound,
  describedBy,
  onChange,
}: {
  legend: string;
  bound: BoundDraft;
  describedBy: string;
  onChange: (change: Partial<BoundDraft>) => void;
}) {
  return (
    <fieldset className="flex flex-wrap items-center gap-2">
      <legend className="mb-1 text-sm font-medium text-slate-700 dark:text-slate-300">
        {legend}
      </legend>
      <input
        type="date"
        aria-label={`${legend}: day`}
        aria-describedby={describedBy}
        value={bound.date}
        min="2000-01-01"
        max="2200-12-31"
        onChange={(event) => onChange({ date: event.target.value })}
        className={`${fieldClass} px-2 tabular-nums`}
      />
      <input
        type="time"
        step={60}
        aria-label={`${legend}: time of day`}
        aria-describedby={describedBy}
        value={bound.time}
        onChange={(event) => onChange({ time: event.target.value })}
        className={`${fieldClass} px-2 tabular-nums`}
      />
    </fieldset>
  );
}
