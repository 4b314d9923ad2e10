/**
 * How many runs a Live poll of page 1 found above the newest run on screen. Exact up to a page:
 * runs are listed newest first, so the new ones are those above the shown run in the poll's page.
 * When the shown run is no longer on it, at least the whole page is new ("25+ new runs"); counting
 * further would cost a call per page, and `meta.total` differences are not counts of new runs (a
 * rolling window loses its oldest runs as it moves).
 */
export interface NewRunsCount {
  count: number;
  /** More may have arrived than the page holds. */
  atLeast: boolean;
}

interface RunLike {
  id: string;
  triggeredAt: string;
}

export function countNewRuns(
  newestShown: RunLike | null,
  polled: readonly RunLike[],
  polledTotal: number,
): NewRunsCount {
  if (newestShown === null) {
    return { count: polled.length, atLeast: polledTotal > polled.length };
  }
  const position = polled.findIndex((run) => run.id === newestShown.id);
  if (position >= 0) return { count: position, atLeast: false };
  // Gone from the page (pushed off it, or deleted): what is newer than it is new.
  const shownMs = Date.parse(newestShown.triggeredAt);
  const newer = polled.filter((run) => Date.parse(run.triggeredAt) > shownMs).length;
  return { count: newer, atLeast: newer === polled.length && newer > 0 };
}

/** "1 new run", "3 new runs", "25+ new runs". */
export function describeNewRuns({ count, atLeast }: NewRunsCount): string {
  return `${count}${atLeast ? "+" : ""} new ${count === 1 && !atLeast ? "run" : "runs"}`;
}
