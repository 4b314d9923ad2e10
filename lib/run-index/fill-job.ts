import type { StatusKey } from "./coverage";
import { afterParam, RUNS_PER_CALL } from "./fetch-logs-page";
import type { FetchLogsPage } from "./fetch-logs-page";
import type { RunIndex } from "./run-index";

/**
 * Pages one workflow's runs, newest first, from `startPage` down to the end of the listing for
 * one status and `after`, holding every run as it comes and vouching for the lot once the end is
 * reached. Syncs and backfills are both made of these.
 *
 * Why no run is lost while runs keep arriving: LeadLex writes a run once and never removes it, so
 * a run's position in the newest-first listing can only grow as runs join above it. A run visible
 * when the first page was asked for is therefore never jumped over by later pages (it can only be
 * seen twice, and the copy is dropped), and every such run is held once a page comes back short or
 * reaches `meta.total`. Runs that join later, above the pages already read, are the next sync's.
 */
export interface FillTarget {
  workflowId: string;
  status: StatusKey;
  afterMs: number | null;
  /** 1 reads from the top; more skips pages whose runs the index already vouches for. */
  startPage: number;
}

export interface FillDeps {
  fetchLogsPage: FetchLogsPage;
  now: () => number;
}

export class FillJob {
  private nextPage: number;
  private pagesRead = 0;
  private listingTotal: number | null = null;
  private firstPageAtMs: number | null = null;
  private newestMs: number | null = null;
  private finished = false;
  private runsAdded = 0;
  private cutShort = false;

  constructor(
    private readonly index: RunIndex,
    readonly target: FillTarget,
    private readonly deps: FillDeps,
  ) {
    this.nextPage = target.startPage;
  }

  get done(): boolean {
    return this.finished;
  }

  get calls(): number {
    return this.pagesRead;
  }

  get added(): number {
    return this.runsAdded;
  }

  /** The listing's size at the last page read; null before the first. */
  get total(): number | null {
    return this.listingTotal;
  }

  /** True when the byte bound dropped what this fill reached, so it stopped at the bound. */
  get stoppedAtBound(): boolean {
    return this.cutShort;
  }

  /** Calls still to make, from the last `meta.total` (runs arriving may add one or two). */
  get callsLeft(): number | null {
    if (this.finished) return 0;
    if (this.listingTotal === null) return null;
    return Math.max(0, Math.ceil(this.listingTotal / RUNS_PER_CALL) - (this.nextPage - 1));
  }

  /**
   * Reads the next page. A failure (a 429 included) is thrown as the fetch threw it and leaves
   * the job where it was, so it can be stepped again later from the same page.
   */
  async step(signal?: AbortSignal): Promise<void> {
    if (this.finished) return;
    const { workflowId, status, afterMs } = this.target;
    // Taken before asking: every run LeadLex shows by now is in the answer.
    const askedAtMs = this.deps.now();
    const page = this.nextPage;
    const result = await this.deps.fetchLogsPage(
      workflowId,
      {
        page,
        perPage: RUNS_PER_CALL,
        status: status === "all" ? null : status,
        after: afterParam(afterMs),
      },
      signal,
    );
    this.firstPageAtMs ??= askedAtMs;
    this.pagesRead += 1;
    this.nextPage = page + 1;
    this.listingTotal = result.total;
    const { added } = this.index.add(workflowId, result.runs);
    this.runsAdded += added.length;
    let oldestMs = Number.POSITIVE_INFINITY;
    for (const run of result.runs) {
      const atMs = Date.parse(run.triggeredAt);
      if (Number.isNaN(atMs)) continue;
      this.newestMs = Math.max(this.newestMs ?? atMs, atMs);
      oldestMs = Math.min(oldestMs, atMs);
    }
    const dropped = this.index.droppedBeforeMs;
    this.cutShort = dropped !== null && oldestMs < dropped;
    this.finished =
      this.cutShort || result.runs.length < RUNS_PER_CALL || page * RUNS_PER_CALL >= result.total;
    if (this.finished) {
      this.index.commit(workflowId, status, {
        afterMs: this.cutShort ? dropped : afterMs,
        syncedAtMs: this.firstPageAtMs,
        newestMs: this.newestMs,
        coveredTop: this.target.startPage === 1,
      });
    }
  }
}
