"use client";

/**
 * The "After" picker, loaded on demand by `after-filter.tsx` (keep it out of static imports).
 *
 * A native modal `<dialog>` opened with `showModal()`: the browser puts it in the top layer and
 * makes the page behind it inert, which is what keeps focus inside, and turns Escape into a `close`
 * event. On phones it is a full-width bottom sheet, from `sm` up a centred panel.
 *
 * The draft remembers the zone it was entered in. When the viewer flips the zone toggle here, the
 * fields are re-read in the new zone so they still name the same instant: switching how times are
 * shown never changes what the filter would apply.
 */
import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type SyntheticEvent,
} from "react";
import { useTime } from "@/components/time/time-provider";
import { TimeZoneToggle } from "@/components/time/time-zone-toggle";
import { ChevronIcon, CloseIcon } from "@/components/ui/icons";
import { formatExactUtc, formatZoneOffset, UTC } from "@/lib/format/date-time";
import {
  addCalendarDays,
  addCalendarMonths,
  dayOfWeek,
  endOfCalendarWeek,
  isoToWallTime,
  monthGrid,
  presetAfter,
  startOfCalendarWeek,
  wallTimeToIso,
  yearMonthOf,
  type AfterPreset,
} from "@/lib/format/zoned-wall-time";

export interface AfterPickerDialogProps {
  /** The applied bound, to start from; null when the filter is off. */
  value: string | null;
  onChange: (next: string | null) => void;
  /** Called for every way of closing; the opener unmounts the dialog and takes focus back. */
  onClose: () => void;
}

interface Draft {
  date: string | null;
  /** `HH:mm`, or "" while the time input holds an unfinished time. */
  time: string;
  /** The zone `date` and `time` were entered in. */
  zone: string;
  /** False until the viewer changes something: Apply then keeps `value` to the second. */
  edited: boolean;
}

const PRESETS: ReadonlyArray<{ preset: AfterPreset; label: string }> = [
  { preset: "1h", label: "Last hour" },
  { preset: "24h", label: "Last 24 hours" },
  { preset: "7d", label: "Last 7 days" },
  { preset: "30d", label: "Last 30 days" },
];

const DEFAULT_TIME = "00:00";

// `parseIsoInstant` only lets 2000–2200 through, so the calendar does not page beyond it.
const FIRST_DAY = "2000-01-01";
const LAST_DAY = "2200-12-31";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
const WEEKDAYS_FROM_SUNDAY = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
] as const;
/** Monday first, matching `monthGrid`'s default. */
const WEEKDAY_COLUMNS = [1, 2, 3, 4, 5, 6, 0].map((day) => WEEKDAYS_FROM_SUNDAY[day] ?? "");

const buttonClass =
  "inline-flex h-9 items-center justify-center rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-100 disabled:pointer-events-none disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800";
const iconButtonClass =
  "inline-flex size-9 items-center justify-center rounded-md hover:bg-slate-100 disabled:pointer-events-none disabled:opacity-40 dark:hover:bg-slate-800";
const primaryButtonClass =
  "inline-flex h-9 items-center justify-center rounded-md bg-sky-700 px-4 text-sm font-medium text-white hover:bg-sky-800 disabled:pointer-events-none disabled:opacity-40 dark:bg-sky-400 dark:text-slate-950 dark:hover:bg-sky-300";

/** Presets, a month calendar, a time of day and the zone they are read in; Apply or Clear. */
export function AfterPickerDialog({ value, onChange, onClose }: AfterPickerDialogProps) {
  const { timeZone, now } = useTime();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const gridRef = useRef<HTMLTableElement>(null);
  const focusActiveDay = useRef(false);
  const pointerDownOnBackdrop = useRef(false);
  const headingId = useId();
  const monthId = useId();
  const timeId = useId();
  const zoneId = useId();

  const today = isoToWallTime(now, timeZone)?.date ?? now.slice(0, 10);
  const [draft, setDraft] = useState<Draft>(() => initialDraft(value, timeZone));
  const current = readInZone(draft, timeZone);
  const [activeDate, setActiveDate] = useState(() => current.date ?? clampDay(today));

  const computed = current.date
    ? wallTimeToIso({ date: current.date, time: current.time }, timeZone)
    : null;
  const result = !draft.edited && value ? value : computed;
  const shifted =
    result !== null && current.date !== null ? shiftedByGap(result, current, timeZone) : null;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    gridRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  }, []);

  useEffect(() => {
    if (!focusActiveDay.current) return;
    focusActiveDay.current = false;
    gridRef.current?.querySelector<HTMLElement>(`[data-date="${activeDate}"]`)?.focus();
  }, [activeDate]);

  function commit(next: string | null) {
    if (next !== value) onChange(next);
    onClose();
  }

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (result !== null) commit(result);
  }

  function moveTo(date: string, focus: boolean) {
    focusActiveDay.current = focus;
    setActiveDate(clampDay(date));
  }

  function selectDay(date: string) {
    setDraft({ ...current, date, edited: true });
    moveTo(date, true);
  }

  function onGridKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      selectDay(activeDate);
      return;
    }
    const next = keyTarget(event.key, event.shiftKey, activeDate);
    if (next === null) return;
    event.preventDefault();
    moveTo(next, true);
  }

  // Escape: close through the opener at once. Left to the browser, the dialog would hide now but
  // report `close` a task later, and a quick reopen in between would be undone by that late event.
  function closeOnEscape(event: SyntheticEvent<HTMLDialogElement>) {
    event.preventDefault();
    onClose();
  }

  // The page behind a modal dialog is inert, but Chrome still lets Tab leave for the browser's own
  // controls; wrapping keeps keyboard users in the dialog's cycle, as the ARIA dialog pattern asks.
  function keepTabInside(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== "Tab" || !dialogRef.current) return;
    const tabbable = [
      ...dialogRef.current.querySelectorAll<HTMLElement>("button, input, [tabindex]"),
    ].filter((element) => element.tabIndex >= 0 && !element.matches(":disabled"));
    const edge = event.shiftKey ? tabbable[0] : tabbable.at(-1);
    const wrapTo = event.shiftKey ? tabbable.at(-1) : tabbable[0];
    if (document.activeElement !== edge || !wrapTo) return;
    event.preventDefault();
    wrapTo.focus();
  }

  // A click whose press and release both land outside the panel (on the backdrop, which is the
  // dialog element itself), so a text selection dragged out of the panel does not close it.
  function onPointerDown(event: PointerEvent<HTMLDialogElement>) {
    pointerDownOnBackdrop.current = event.target === event.currentTarget;
  }
  function onBackdropClick(event: MouseEvent<HTMLDialogElement>) {
    if (pointerDownOnBackdrop.current && event.target === event.currentTarget) onClose();
    pointerDownOnBackdrop.current = false;
  }

  const view = yearMonthOf(activeDate);
  const weeks = monthGrid(view.year, view.month, 1);
  const previousMonth = clampDay(addCalendarMonths(activeDate, -1));
  const nextMonth = clampDay(addCalendarMonths(activeDate, 1));
  const zoneLine =
    timeZone === UTC
      ? "Times in UTC"
      : `Times in ${timeZone} (${formatZoneOffset(result ?? now, timeZone)})`;

  return (
    <dialog
      ref={dialogRef}
      aria-modal="true"
      aria-labelledby={headingId}
      onCancel={closeOnEscape}
      onClose={onClose}
      onKeyDown={keepTabInside}
      onPointerDown={onPointerDown}
      onClick={onBackdropClick}
      className="mx-0 mt-auto mb-0 max-h-[calc(100dvh-1rem)] w-full max-w-none overflow-hidden rounded-t-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 sm:m-auto sm:max-h-[calc(100dvh-2rem)] sm:w-[23rem] sm:max-w-[calc(100vw-2rem)] sm:rounded-xl dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100"
    >
      <form onSubmit={apply} noValidate className="flex max-h-[inherit] flex-col">
        <div className="flex items-center justify-between gap-2 px-4 pt-3 pb-2">
          <h2 id={headingId} className="text-base font-semibold">
            Show runs triggered after
          </h2>
          <button type="button" onClick={onClose} aria-label="Close" className={iconButtonClass}>
            <CloseIcon />
          </button>
        </div>

        {/* Only the middle scrolls, so Apply stays in reach on a short phone screen. */}
        <div className="flex min-h-0 flex-1 flex-col gap-4 overflow-y-auto px-4 pb-4">
          <div role="group" aria-label="Presets" className="grid grid-cols-2 gap-2">
            {PRESETS.map(({ preset, label }) => (
              <button
                key={preset}
                type="button"
                onClick={() => commit(presetAfter(preset, Date.now()))}
                className={buttonClass}
              >
                {label}
              </button>
            ))}
          </div>

          <div className="flex flex-col gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
            <div className="flex items-center justify-between">
              <button
                type="button"
                onClick={() => moveTo(previousMonth, false)}
                disabled={sameMonth(activeDate, FIRST_DAY)}
                aria-label="Previous month"
                className={iconButtonClass}
              >
                <ChevronIcon className="size-4 rotate-180" />
              </button>
              <h3 id={monthId} aria-live="polite" className="text-sm font-semibold">
                {MONTHS[view.month - 1]} {view.year}
              </h3>
              <button
                type="button"
                onClick={() => moveTo(nextMonth, false)}
                disabled={sameMonth(activeDate, LAST_DAY)}
                aria-label="Next month"
                className={iconButtonClass}
              >
                <ChevronIcon />
              </button>
            </div>

            <table
              ref={gridRef}
              role="grid"
              aria-labelledby={monthId}
              onKeyDown={onGridKeyDown}
              className="mx-auto border-collapse text-center text-sm"
            >
              <thead>
                <tr>
                  {WEEKDAY_COLUMNS.map((name) => (
                    <th
                      key={name}
                      scope="col"
                      abbr={name}
                      className="size-9 p-0 text-xs font-medium text-slate-600 sm:size-10 dark:text-slate-400"
                    >
                      {name.slice(0, 2)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {weeks.map((week) => (
                  <tr key={week[0]?.date}>
                    {week.map((day) => (
                      <DayCell
                        key={day.date}
                        date={day.date}
                        inMonth={day.inMonth}
                        active={day.date === activeDate}
                        selected={day.date === current.date}
                        today={day.date === today}
                        onSelect={selectDay}
                      />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
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
                className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm tabular-nums dark:border-slate-700 dark:bg-slate-900"
              />
            </div>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p id={zoneId} className="text-sm text-slate-600 dark:text-slate-400">
                {zoneLine}
              </p>
              <TimeZoneToggle />
            </div>
            <p aria-live="polite" className="min-h-5 text-sm tabular-nums">
              {draftStatus(current, result, timeZone, shifted)}
            </p>
          </div>
        </div>

        <div className="flex items-center justify-between gap-2 border-t border-slate-200 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] dark:border-slate-800">
          <button type="button" onClick={() => commit(null)} className={buttonClass}>
            Clear
          </button>
          <button type="submit" disabled={result === null} className={primaryButtonClass}>
            Apply
          </button>
        </div>
      </form>
    </dialog>
  );
}

interface DayCellProps {
  date: string;
  inMonth: boolean;
  /** The calendar's one tab stop, where arrow keys start from. */
  active: boolean;
  selected: boolean;
  today: boolean;
  onSelect: (date: string) => void;
}

function DayCell({ date, inMonth, active, selected, today, onSelect }: DayCellProps) {
  const { year, month } = yearMonthOf(date);
  const day = Number(date.slice(8));
  const tone = selected
    ? "bg-sky-700 font-semibold text-white dark:bg-sky-400 dark:text-slate-950"
    : inMonth
      ? "hover:bg-slate-100 dark:hover:bg-slate-800"
      : "text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800";
  return (
    <td
      role="gridcell"
      data-date={date}
      tabIndex={active ? 0 : -1}
      aria-selected={selected}
      aria-current={today ? "date" : undefined}
      aria-label={`${WEEKDAYS_FROM_SUNDAY[dayOfWeek(date)]}, ${day} ${MONTHS[month - 1]} ${year}`}
      onClick={() => onSelect(date)}
      className="size-9 cursor-pointer rounded-full p-0 select-none sm:size-10"
    >
      <span
        className={`mx-auto flex size-8 items-center justify-center rounded-full tabular-nums ${tone} ${
          today && !selected ? "ring-1 ring-sky-700 ring-inset dark:ring-sky-400" : ""
        }`}
      >
        {day}
      </span>
    </td>
  );
}

function initialDraft(value: string | null, timeZone: string): Draft {
  const wall = value ? isoToWallTime(value, timeZone) : null;
  return wall
    ? { ...wall, zone: timeZone, edited: false }
    : { date: null, time: DEFAULT_TIME, zone: timeZone, edited: false };
}

/** The draft as it reads in `timeZone`: the same instant, when the draft names one. */
function readInZone(draft: Draft, timeZone: string): Draft {
  if (draft.zone === timeZone || draft.date === null) return { ...draft, zone: timeZone };
  const iso = wallTimeToIso({ date: draft.date, time: draft.time }, draft.zone);
  const wall = iso ? isoToWallTime(iso, timeZone) : null;
  return wall ? { ...draft, ...wall, zone: timeZone } : { ...draft, zone: timeZone };
}

/** The wall time `result` really shows, when the entered one fell in a spring-forward gap. */
function shiftedByGap(result: string, draft: Draft, timeZone: string): string | null {
  const wall = isoToWallTime(result, timeZone);
  if (!wall || (wall.date === draft.date && wall.time === draft.time)) return null;
  return wall.time;
}

function draftStatus(
  draft: Draft,
  result: string | null,
  timeZone: string,
  shifted: string | null,
): string {
  if (draft.date === null) return "Choose a day, or a preset above.";
  if (!/^\d{2}:\d{2}$/.test(draft.time)) return "Enter a time of day.";
  if (result === null) return "Choose a day from 2000 to 2200.";
  const gap = shifted
    ? `${draft.time} does not exist that day in ${timeZone} (clocks go forward); using ${shifted}. `
    : "";
  return timeZone === UTC ? gap : `${gap}= ${formatExactUtc(result)}`;
}

function keyTarget(key: string, shiftKey: boolean, date: string): string | null {
  switch (key) {
    case "ArrowLeft":
      return addCalendarDays(date, -1);
    case "ArrowRight":
      return addCalendarDays(date, 1);
    case "ArrowUp":
      return addCalendarDays(date, -7);
    case "ArrowDown":
      return addCalendarDays(date, 7);
    case "Home":
      return startOfCalendarWeek(date, 1);
    case "End":
      return endOfCalendarWeek(date, 1);
    case "PageUp":
      return addCalendarMonths(date, shiftKey ? -12 : -1);
    case "PageDown":
      return addCalendarMonths(date, shiftKey ? 12 : 1);
    default:
      return null;
  }
}

function sameMonth(a: string, b: string): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}

function clampDay(date: string): string {
  if (date < FIRST_DAY) return FIRST_DAY;
  if (date > LAST_DAY) return LAST_DAY;
  return date;
}
