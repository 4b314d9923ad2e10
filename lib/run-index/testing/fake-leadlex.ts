import { AppError } from "@/lib/model/app-error";
import type { Run, RunStatus } from "@/lib/model/run";
import type { FetchLogsPage, LogsPageRequest } from "../fetch-logs-page";

/**
 * A stand-in for LeadLex's logs endpoint in the index's unit tests: newest first (ties by id
 * descending), `after` inclusive, `meta.total`, and each run visible from the instant it
 * completed, on a clock the test moves. `beforeCall` runs before each answer, so a test can make
 * runs arrive between the pages of one sync. The emulator test does the same against the real
 * emulator; this one is small enough to reason about run by run.
 */

export interface FakeRun {
  run: Run;
  visibleFromMs: number;
}

export interface RecordedCall {
  workflowId: string;
  request: LogsPageRequest;
  atMs: number;
}

export class FakeLeadlex {
  nowMs: number;
  readonly calls: RecordedCall[] = [];
  /** Calls left today, sent as X-RateLimit-Remaining. */
  remaining = 10_000;
  /** The next calls answer 429 with this Retry-After while > 0. */
  refuseNext = 0;
  retryAfterSeconds: number | null = 30;
  beforeCall: ((call: RecordedCall) => void) | null = null;
  private readonly runs: FakeRun[] = [];
  private sequence = 0;

  constructor(startMs: number) {
    this.nowMs = startMs;
  }

  /** A run of `workflowId` triggered at `atMs`, visible `lateByMs` after (its duration). */
  add(workflowId: string, atMs: number, fields: Partial<Run> = {}, lateByMs = 0): Run {
    this.sequence += 1;
    const run: Run = {
      id: `wfl_${String(atMs).padStart(14, "0")}_${String(this.sequence).padStart(6, "0")}`,
      workflowId,
      triggeredAt: new Date(Math.floor(atMs / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
      entityType: "deal",
      entityId: `deal_${this.sequence % 7}`,
      status: "success",
      skipReason: null,
      actionResult: null,
      error: null,
      durationMs: lateByMs,
      ...fields,
    };
    this.runs.push({ run, visibleFromMs: Math.floor(atMs / 1000) * 1000 + lateByMs });
    return run;
  }

  /** What LeadLex shows now for one workflow and status, newest first. */
  visible(workflowId: string, status: RunStatus | null = null, afterMs: number | null = null) {
    return this.runs
      .filter(
        ({ run, visibleFromMs }) =>
          run.workflowId === workflowId &&
          visibleFromMs <= this.nowMs &&
          (status === null || run.status === status) &&
          (afterMs === null || Date.parse(run.triggeredAt) >= afterMs),
      )
      .map(({ run }) => run)
      .sort(
        (a, b) =>
          Date.parse(b.triggeredAt) - Date.parse(a.triggeredAt) ||
          (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
      );
  }

  readonly fetchLogsPage: FetchLogsPage = async (workflowId, request) => {
    const call = { workflowId, request, atMs: this.nowMs };
    this.calls.push(call);
    this.beforeCall?.(call);
    if (this.refuseNext > 0) {
      this.refuseNext -= 1;
      throw new AppError("rate_limited", { retryAfterSeconds: this.retryAfterSeconds });
    }
    this.remaining = Math.max(0, this.remaining - 1);
    const afterMs = request.after === null ? null : Date.parse(request.after);
    const all = this.visible(workflowId, request.status, afterMs);
    const offset = (request.page - 1) * request.perPage;
    return {
      runs: all.slice(offset, offset + request.perPage),
      total: all.length,
      rateLimit: { limit: 10_000, remaining: this.remaining, resetAt: null },
    };
  };

  callsFor(workflowId: string): RecordedCall[] {
    return this.calls.filter((call) => call.workflowId === workflowId);
  }
}
