import { findLinkRepairs, pagingRepairWords, quoteGiven, type LinkRepair } from "./link-repairs";
import { recordViewParsers, type RecordViewState } from "./record-view-state";
import { openRunRepairWords } from "./runs-view-repairs";
import type { SearchParamsRecord } from "./url-params";

/** What a record's history says about each value of a link it repaired. */
export function findRecordViewRepairs(
  raw: SearchParamsRecord,
  state: RecordViewState,
): LinkRepair[] {
  return findLinkRepairs(
    recordViewParsers,
    {
      window: (given, shown) =>
        given.trim().toLowerCase() === shown
          ? null
          : `“${quoteGiven(given)}” is not a time window (7d, 30d or 90d); showing the last ${shown}.`,
      ...pagingRepairWords,
      open: openRunRepairWords,
    },
    raw,
    state,
  );
}
