import { formatDateTime, formatZoneOffset } from "@/lib/format/date-time";
import { formatCount } from "@/lib/format/numbers";
import { describeRollingWindow } from "@/lib/format/rolling-window";
import type { RunsViewState } from "@/lib/url-state/runs-view-state";
import { runStatusLook } from "./run-status";

/** "failed runs", "runs": the status filter in words. */
export function runsNoun(state: RunsViewState): string {
  return state.status ? `${runStatusLook[state.status].label.toLowerCase()} runs` : "runs";
}

/**
 * " triggered after 17 Apr 2026, 09:31:00 UTC+02:00", " triggered in the last 24 hours", or ""
 * without a time filter.
 */
export function runsTimeBound(state: RunsViewState, timeZone: string): string {
  if (!state.after) return "";
  const rolling = describeRollingWindow(state.after);
  return rolling
    ? ` triggered in ${rolling}`
    : ` triggered after ${formatDateTime(state.after, timeZone)} ${formatZoneOffset(state.after, timeZone)}`;
}

/** "12 failed runs; page 1 of 3." */
export function describeRunsPage(state: RunsViewState, total: number, pageCount: number): string {
  return `${formatCount(total)} ${runsNoun(state)}; page ${formatCount(state.page)} of ${formatCount(pageCount)}.`;
}

/** "3 failed runs triggered after …": a count of the filtered runs, for the empty state. */
export function describeRunsCount(state: RunsViewState, timeZone: string, count: number): string {
  return `${formatCount(count)} ${runsNoun(state)}${runsTimeBound(state, timeZone)}`;
}
