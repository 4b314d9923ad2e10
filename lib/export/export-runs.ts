/**
 * Every run of a filter, page after page, newest first, for an export: each run once, in constant
 * memory, while new runs keep arriving. LeadLex pages by number, so a run that arrives during the
 * export pushes the older ones down and the next page starts with rows already written. A cursor
 * on `triggered_at` (with the ids written at its exact instant) lets through only runs older than
 * the last one written: the shifted rows and the runs that arrived after the first page are
 * dropped, nothing is lost, and the rows written are exactly the filter's `meta.total` as the
 * first page counted it (up to the row cap).
 */
import { AppError } from "@/lib/model/app-error";
import type { Run } from "@/lib/model/run";

/** LeadLex's largest page: the fewest calls per row. */
export const EXPORT_PAGE_SIZE = 100;
/**
 * At most this many rows per export: 1,000 calls, a tenth of an Org key's day and all of a Pro
 * key's. The 1,000,000-run workflow would take 10,000 calls, a whole Org day, for a file no
 * spreadsheet opens; the export says so and a status or After filter narrows it.
 */
export const EXPORT_ROW_CAP = 100_000;
/** A 429 that asks for longer than this (the day's quota is gone) ends the export instead. */
const LONGEST_WAIT_MS = 5 * 60_000;

export interface ExportPage {
  runs: Run[];
  total: number;
}

export interface ExportRunsOptions {
  fetchPage: (page: number, signal: AbortSignal) => Promise<ExportPage>;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  signal: AbortSignal;
  maxRows?: number;
  /** Called after each page with the rows written so far and the rows the export will write. */
  onProgress?: (written: number, expected: number) => void;
}

/** How many calls and rows an export of a filter with `total` runs costs. */
export function exportCost(total: number, maxRows = EXPORT_ROW_CAP) {
  const rows = Math.min(total, maxRows);
  return { rows, calls: Math.max(1, Math.ceil(rows / EXPORT_PAGE_SIZE)), capped: total > maxRows };
}

/** Yields the runs page by page (each batch possibly shorter than a page, never empty). */
export async function* exportRuns(options: ExportRunsOptions): AsyncGenerator<Run[]> {
  const maxRows = options.maxRows ?? EXPORT_ROW_CAP;
  const admit = olderThanWritten();
  let written = 0;
  let expected: number | null = null;
  for (let page = 1; ; page += 1) {
    const answer = await fetchWithWaits(options, page);
    expected ??= Math.min(answer.total, maxRows);
    const batch = answer.runs.filter(admit).slice(0, expected - written);
    written += batch.length;
    options.onProgress?.(written, expected);
    if (batch.length > 0) yield batch;
    if (written >= expected || answer.runs.length < EXPORT_PAGE_SIZE) return;
  }
}

/** Asks for one page, waiting out a 429 (LeadLex's or the quota layer's) and asking again. */
async function fetchWithWaits(options: ExportRunsOptions, page: number): Promise<ExportPage> {
  for (;;) {
    try {
      return await options.fetchPage(page, options.signal);
    } catch (error) {
      const waitMs = rateLimitWaitMs(error);
      if (waitMs === null || waitMs > LONGEST_WAIT_MS) throw error;
      await options.sleep(waitMs, options.signal);
    }
  }
}

function rateLimitWaitMs(error: unknown): number | null {
  if (!(error instanceof AppError) || error.code !== "rate_limited") return null;
  return Math.max(1, error.retryAfterSeconds ?? 1) * 1000;
}

/** True for a run older than every run admitted so far (or at the same instant, not yet seen). */
function olderThanWritten(): (run: Run) => boolean {
  let cursorMs = Number.POSITIVE_INFINITY;
  let idsAtCursor = new Set<string>();
  return (run) => {
    const atMs = Date.parse(run.triggeredAt);
    if (atMs > cursorMs) return false;
    if (atMs === cursorMs) {
      if (idsAtCursor.has(run.id)) return false;
      idsAtCursor.add(run.id);
      return true;
    }
    cursorMs = atMs;
    idsAtCursor = new Set([run.id]);
    return true;
  };
}
