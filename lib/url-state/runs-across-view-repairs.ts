import { findLinkRepairs, pagingRepairWords, quoteGiven, type LinkRepair } from "./link-repairs";
import { openRunRepairWords } from "./runs-view-repairs";
import {
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

function readable(given: string): boolean {
  return /success|failed|skipped|all/i.test(given);
}
