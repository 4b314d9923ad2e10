import { readFileSync } from "node:fs";

/** The fields of a Runboard run that the floors' tables show. */
export interface FloorRun {
  id: string;
  triggeredAt: string;
  entityType: string;
  entityId: string;
  status: "success" | "failed" | "skipped";
  skipReason: string | null;
  error: { code: string; message: string } | null;
  durationMs: number | null;
}

export interface FloorRunsPage {
  runs: FloorRun[];
  meta: { total: number };
}

/** How the bench names a page of runs in the data file it writes. */
export function floorPageKey(workflowId: string, page: number, status: string | null): string {
  return `${workflowId}|${page}|${status ?? ""}`;
}

let pages: Map<string, FloorRunsPage> | undefined;

/**
 * Pages of runs the bench copied from Runboard's own API before starting this app, so the floors
 * show exactly the rows Runboard shows. Read once: after that, serving a page is a map lookup.
 */
export function findFloorPage(
  workflowId: string,
  page: number,
  status: string | null,
): FloorRunsPage | undefined {
  if (!pages) {
    const file = process.env.BENCH_FLOOR_DATA;
    if (!file) throw new Error("BENCH_FLOOR_DATA names no data file.");
    pages = new Map(Object.entries(JSON.parse(readFileSync(file, "utf8"))));
  }
  return pages.get(floorPageKey(workflowId, page, status));
}
