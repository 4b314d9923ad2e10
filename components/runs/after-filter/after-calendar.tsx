"use client";

import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { DayButton, DayPicker, type DayButtonProps } from "react-day-picker";
import { enGB } from "react-day-picker/locale";

export interface AfterCalendarProps {
  /** `YYYY-MM-DD`, or null before a day is chosen. */
  selected: string | null;
  /** Today in the viewer's zone, `YYYY-MM-DD`. */
  today: string;
  onSelect: (date: string) => void;
}

/**
 * The month calendar of the "After" picker, from react-day-picker (grid semantics and keyboard:
 * arrows, Home/End, PageUp/PageDown, Shift for years). Days here are plain dates, so the calendar
 * runs in UTC whatever the zone of the machine or the viewer: `today` is already the viewer's day,
 * and the picker turns the chosen day and time into an instant in the viewer's zone.
 */
export function AfterCalendar({ selected, today, onSelect }: AfterCalendarProps) {
  const selectedDay = selected ? toPickerDay(selected) : undefined;
  return (
    <DayPicker
      mode="single"
      required
      selected={selectedDay}
      onSelect={(day) => onSelect(fromPickerDay(day))}
      timeZone="UTC"
      locale={enGB}
      weekStartsOn={1}
      today={toPickerDay(today)}
      defaultMonth={selectedDay ?? toPickerDay(today)}
      // `parseIsoInstant` only lets 2000–2200 through, so the calendar does not page beyond it.
      startMonth={toPickerDay(FIRST_DAY)}
      endMonth={toPickerDay(LAST_DAY)}
      navLayout="around"
      fixedWeeks
      showOutsideDays
      labels={{ labelPrevious: () => "Previous month", labelNext: () => "Next month" }}
      components={{ DayButton: TodayMarkingDayButton }}
      classNames={CLASS_NAMES}
    />
  );
}

const FIRST_DAY = "2000-01-01";
const LAST_DAY = "2200-12-31";

function toPickerDay(date: string): Date {
  return new TZDate(`${date}T00:00:00Z`, "UTC");
}

function fromPickerDay(day: Date): string {
  return format(new TZDate(day, "UTC"), "yyyy-MM-dd");
}

/** Screen readers also hear which day is today, as a `date` current item. */
function TodayMarkingDayButton(props: DayButtonProps) {
  return <DayButton {...props} aria-current={props.modifiers.today ? "date" : undefined} />;
}

const navButton =
  "absolute top-0 inline-flex size-9 items-center justify-center rounded-md hover:bg-slate-100 aria-disabled:pointer-events-none aria-disabled:opacity-40 dark:hover:bg-slate-800";

const CLASS_NAMES = {
  root: "text-sm",
  months: "flex justify-center",
  month: "relative flex flex-col gap-2",
  month_caption: "flex h-9 items-center justify-center",
  caption_label: "text-sm font-semibold",
  button_previous: `${navButton} left-0`,
  button_next: `${navButton} right-0`,
  chevron: "size-4 fill-current",
  month_grid: "mx-auto border-collapse text-center",
  weekdays: "",
  weekday: "size-9 p-0 text-xs font-medium text-slate-600 sm:size-10 dark:text-slate-400",
  week: "",
  day: "size-9 p-0 sm:size-10",
  day_button:
    "mx-auto flex size-8 cursor-pointer items-center justify-center rounded-full tabular-nums select-none hover:bg-slate-100 dark:hover:bg-slate-800",
  selected:
    "[&>button]:bg-sky-700 [&>button]:font-semibold [&>button]:text-white [&>button]:hover:bg-sky-700 dark:[&>button]:bg-sky-400 dark:[&>button]:text-slate-950",
  today:
    "[&>button]:ring-1 [&>button]:ring-sky-700 [&>button]:ring-inset dark:[&>button]:ring-sky-400",
  outside: "text-slate-500 dark:text-slate-400",
  disabled: "opacity-40",
  hidden: "invisible",
};
