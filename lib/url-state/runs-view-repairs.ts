import { describeRollingWindow } from "@/lib/format/rolling-window";
import { findLinkRepairs, pagingRepairWords, quoteGiven, type LinkRepair } from "./link-repairs";
import { runsLinkParsers, type RunsLinkState } from "./runs-link-state";
import { MAX_OPEN_RUNS, readRunIds } from "./shared-readers";
import type { SearchParamsRecord } from "./url-params";

/** What the runs view says about each value of a link it repaired. */
export function findRunsViewRepairs(raw: SearchParamsRecord, state: RunsLinkState): LinkRepair[] {
  return findLinkRepairs(
    runsLinkParsers,
    {
      status: (given, shown) => {
        if (given === (shown ?? "")) return null;
        return shown
          ? `Status “${quoteGiven(given)}” was read as “${shown}”.`
          : `“${quoteGiven(given)}” is not a run status (success, failed or skipped); showing all statuses.`;
      },
      after: (given, shown) => {
        if (given === (shown ?? "")) return null;
        if (!shown) {
          return `“${quoteGiven(given)}” is not a date and time (expected ISO 8601, e.g. 2026-04-17T09:31:00Z, or a rolling window such as -24h); the time filter was removed.`;
        }
        const rolling = describeRollingWindow(shown);
        return rolling
          ? `The “after” window was read as ${shown} (${rolling}).`
          : `The “after” time was read as ${shown}.`;
      },
      ...pagingRepairWords,
      open: openRunRepairWords,
      live: (given, shown) =>
        shown
          ? null
          : `“${quoteGiven(given)}” is not a Live setting (live=1 turns it on); Live is off.`,
    },
    raw,
    state,
  );
}

/** `open` (one run id or several), repaired alike in every view of runs. */
export function openRunRepairWords(given: string, shown: string[] | null): string | null {
  const opened = shown ?? [];
  if (opened.length === 0) return `“${quoteGiven(given)}” is not a run id; no run was opened.`;
  const dropped = given
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "" && !opened.includes(id));
  if (dropped.length === 0) return null;
  const unreadable = dropped.filter((id) => readRunIds(id) === null);
  if (unreadable.length === 0) {
    return `At most ${MAX_OPEN_RUNS} runs open at once; the first ${MAX_OPEN_RUNS} were opened.`;
  }
  const names = unreadable.map((id) => `“${quoteGiven(id)}”`).join(", ");
  const others = opened.length === 1 ? "the other run was" : `the other ${opened.length} runs were`;
  return `${names} ${unreadable.length === 1 ? "is not a run id" : "are not run ids"}; ${others} opened.`;
}
