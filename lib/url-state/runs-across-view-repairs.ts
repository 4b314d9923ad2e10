import { findLinkRepairs, pagingRepairWords, quoteGiven, type LinkRepair } from "./link-repairs";
import { openRunRepairWords } from "./runs-view-repairs";
import {
  absoluteRange,
  MAX_WORKFLOW_FILTER,
  runsAcrossViewParsers,
  type RunsAcrossViewState,
} from "./runs-across-view-state";
import type { SearchParamsRecord } from "./url-params";

/** What the workspace-wide runs view says about each value of a link it repaired. */
export function findRunsAcrossViewRepairs(
  raw: SearchParamsRecord,
  state: RunsAcrossViewState,
): LinkRepair[] {
  return [...findParameterRepairs(raw, state), ...findRangeRepairs(raw, state)];
}

function findParameterRepairs(raw: SearchParamsRecord, state: RunsAcrossViewState): LinkRepair[] {
  return findLinkRepairs(
    runsAcrossViewParsers,
    {
      status: (given, shown) => {
        const tidy = given.trim().toLowerCase();
        if (
          tidy === shown ||
          tidy.split(",").sort().join(",") === shown.split(",").sort().join(",")
        )
          return null;
        return readable(given)
          ? `Status “${quoteGiven(given)}” was read as “${shown}”.`
          : `“${quoteGiven(given)}” is not a run status (success, failed, skipped or all); showing failed runs.`;
      },
      window: (given, shown) =>
        given.trim().toLowerCase() === shown
          ? null
          : `“${quoteGiven(given)}” is not a time window (1h, 24h or 7d); showing the last ${shown}.`,
      after: (given, shown) => instantWords("after", given, shown),
      before: (given, shown) => instantWords("before", given, shown),
      workflow: (given, shown) => {
        if (given === (shown ?? "")) return null;
        if (shown === null) {
          return `“${quoteGiven(given)}” holds no workflow id; showing every workflow.`;
        }
        return `Only valid workflow ids were kept (at most ${MAX_WORKFLOW_FILTER}): ${quoteGiven(shown)}.`;
      },
      entity: (given, shown) =>
        given.trim().toLowerCase() === (shown ?? "")
          ? null
          : `“${quoteGiven(given)}” is not an entity type; showing every entity type.`,
      reason: (given, shown) =>
        given.trim().toLowerCase() === (shown ?? "")
          ? null
          : `“${quoteGiven(given)}” is not an error code or skip reason; that filter was removed.`,
      still_failing: (given, shown) =>
        ["1", "true", "0", "false"].includes(given.trim().toLowerCase())
          ? null
          : `“${quoteGiven(given)}” is not 1 or 0; showing ${shown ? "only still failing" : "every"} failure.`,
      ...pagingRepairWords,
      open: openRunRepairWords,
    },
    raw,
    state,
  );
}

function instantWords(name: string, given: string, shown: string | null): string | null {
  if (given === (shown ?? "")) return null;
  if (shown === null) {
    return `“${quoteGiven(given)}” is not a date and time (expected ISO 8601, e.g. 2026-04-17T09:31:00Z); the “${name}” bound was removed.`;
  }
  return `The “${name}” time was read as ${shown}.`;
}

/** What the absolute window's bounds mean together, once each was read on its own. */
function findRangeRepairs(raw: SearchParamsRecord, state: RunsAcrossViewState): LinkRepair[] {
  const given = (name: string) => [raw[name]].flat()[0];
  const range = absoluteRange(state);
  const repairs: LinkRepair[] = [];
  if (state.before !== null && range === null) {
    repairs.push({
      parameter: "before",
      given: given("before") ?? state.before,
      message: `A “before” bound needs an “after” bound; showing the last ${state.window}.`,
    });
  } else if (state.before !== null && range?.before === null) {
    repairs.push({
      parameter: "before",
      given: given("before") ?? state.before,
      message: `“before” (${state.before}) is not later than “after” (${state.after}); showing runs from ${state.after} up to now.`,
    });
  }
  if (range !== null && given("window") !== undefined) {
    repairs.push({
      parameter: "window",
      given: given("window") ?? "",
      message: "An absolute “after” replaces the rolling window; the window was dropped.",
    });
  }
  return repairs;
}

function readable(given: string): boolean {
  return /success|failed|skipped|all/i.test(given);
}
