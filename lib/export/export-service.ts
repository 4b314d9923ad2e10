import "server-only";
import { sleepUnlessAborted } from "@/lib/leadlex/transport";
import { AppError } from "@/lib/model/app-error";
import type { RunStatus } from "@/lib/model/run";
import type { QuotaLayer } from "@/lib/quota-layer";
import { UNCONFIRMED_QUOTA_SHARE } from "@/lib/run-index/backfill";
import { csvHeader, formatRuns, type ExportFormat } from "./export-format";
import { EXPORT_PAGE_SIZE, EXPORT_ROW_CAP, exportCost, exportRuns } from "./export-runs";

/**
 * An export of one workflow's runs for a filter, through the quota layer: its cost first (the
 * filter's first page of 100, which the export then reuses from the cache), then the file as a
 * stream the browser reads page by page. Pages after the first go at background priority, so an
 * export on a Starter key waits rather than take the calls people's clicks need.
 */

export interface ExportFilter {
  status: RunStatus | null;
  after: string | null;
}

export interface ExportEstimate {
  /** Runs the filter has now, and the rows the file will hold (the newest, up to the cap). */
  total: number;
  rows: number;
  capped: boolean;
  rowCap: number;
  calls: number;
  remainingToday: number | null;
  /** Above 20 % of the calls left today: the person confirms the cost first. */
  needsConfirmation: boolean;
}

function pageQuery(filter: ExportFilter, page: number) {
  return { page, perPage: EXPORT_PAGE_SIZE, status: filter.status, after: filter.after };
}

export async function estimateExport(
  layer: QuotaLayer,
  apiKey: string,
  workflowId: string,
  filter: ExportFilter,
  signal?: AbortSignal,
): Promise<ExportEstimate> {
  const first = await layer.listWorkflowLogs(apiKey, workflowId, pageQuery(filter, 1), { signal });
  const cost = exportCost(first.meta.total);
  const remainingToday = (await layer.readLedger(apiKey)).daily?.remaining ?? null;
  return {
    total: first.meta.total,
    rows: cost.rows,
    capped: cost.capped,
    rowCap: EXPORT_ROW_CAP,
    calls: cost.calls,
    remainingToday,
    needsConfirmation:
      remainingToday !== null && cost.calls > UNCONFIRMED_QUOTA_SHARE * remainingToday,
  };
}

/**
 * The file, after checking its cost was confirmed where the 20 % rule asks it. The stream ends
 * with an error (the download fails, it is not cut short silently) when LeadLex fails for good.
 */
export async function startExport(
  layer: QuotaLayer,
  apiKey: string,
  workflowId: string,
  filter: ExportFilter,
  format: ExportFormat,
  options: { confirmed: boolean; signal: AbortSignal },
): Promise<{ estimate: ExportEstimate; body: ReadableStream<Uint8Array> }> {
  const estimate = await estimateExport(layer, apiKey, workflowId, filter, options.signal);
  if (estimate.needsConfirmation && !options.confirmed) {
    throw new AppError("confirmation_required", {
      message: `This export costs ${estimate.calls} LeadLex calls, more than 20 % of the ${estimate.remainingToday} left today. Confirm its cost first.`,
    });
  }
  const encoder = new TextEncoder();
  const cancel = new AbortController();
  options.signal.addEventListener("abort", () => cancel.abort(options.signal.reason), {
    once: true,
  });
  const batches = exportRuns({
    signal: cancel.signal,
    sleep: sleepUnlessAborted,
    fetchPage: async (page, signal) => {
      const answer = await layer.listWorkflowLogs(apiKey, workflowId, pageQuery(filter, page), {
        signal,
        priority: page === 1 ? "user" : "background",
      });
      return { runs: answer.runs, total: answer.meta.total };
    },
  });
  let headerSent = format !== "csv";
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvHeader()));
        return;
      }
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(formatRuns(next.value, format)));
    },
    async cancel(reason) {
      cancel.abort(reason);
      await batches.return(undefined);
    },
  });
  return { estimate, body };
}
