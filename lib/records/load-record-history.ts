import "server-only";
import { AppError, type AppErrorBody } from "@/lib/model/app-error";
import { isEntityId } from "@/lib/model/entity-id";
import { notARecordId } from "@/lib/model/not-a-record-id";
import type { RecordHistoryPage } from "@/lib/model/record-history-page";
import type { QuotaLayer } from "@/lib/quota-layer";
import { listWorkspaceWorkflows } from "@/lib/runs/list-workspace-workflows";
import type { AnswerOptions, RunIndexService } from "@/lib/run-index/index-service";
import { RECORD_WINDOW_MS, type RecordHistoryQuery } from "@/lib/url-state/record-view-state";

export type FirstRecordHistoryPage =
  { ok: true; page: RecordHistoryPage } | { ok: false; error: AppErrorBody };

/**
 * One CRM record's history, from the run index. Every workflow of the record's type is scanned,
 * disabled ones too: a workflow turned off last week still holds the record's runs before that.
 * Cost: the workflow list (cached), then for each such workflow one incremental call, or while
 * its window is not synced, one estimate and the fill (100 runs a call).
 */
export async function loadRecordHistory(
  layer: Pick<QuotaLayer, "listWorkflows" | "readLedger">,
  service: RunIndexService,
  apiKey: string,
  query: RecordHistoryQuery,
  options: AnswerOptions = {},
): Promise<RecordHistoryPage> {
  if (!isEntityId(query.entityId)) throw notARecordId();
  const list = await listWorkspaceWorkflows(layer, apiKey, options.signal);
  const answer = await service.answerRecord(
    apiKey,
    {
      entityId: query.entityId,
      workflows: list.workflows,
      windowMs: RECORD_WINDOW_MS[query.window],
    },
    { page: query.page, perPage: query.perPage },
    options,
  );
  const scanned = new Set(answer.workflowIds);
  const ledger = await layer.readLedger(apiKey);
  return {
    entityId: query.entityId,
    entityType: answer.entityType,
    runs: answer.runs,
    meta: { page: answer.page, perPage: answer.perPage, total: answer.total },
    summary: {
      lastSuccess: answer.lastSuccess,
      lastFailure: answer.lastFailure,
      stillFailing: answer.stillFailing,
    },
    latestPerWorkflow: answer.latestPerWorkflow,
    coverage: {
      complete: answer.coverage.complete,
      windowFromMs: answer.nowMs - RECORD_WINDOW_MS[query.window],
      windowToMs: null,
      syncedAsOfMs: answer.coverage.syncedAsOfMs,
      gapWorkflows: [...new Set(answer.coverage.gaps.map((gap) => gap.workflowId))],
      droppedBeforeMs: answer.coverage.droppedBeforeMs,
    },
    fill: answer.fill,
    callsSpent: answer.callsSpent,
    workflows: list.workflows
      .filter((workflow) => scanned.has(workflow.id))
      .map(({ id, name, enabled }) => ({ id, name, enabled })),
    syncedElsewhere: answer.syncedElsewhere,
    rateLimit: ledger.daily ?? list.rateLimit,
    fetchedAt: new Date(answer.coverage.syncedAsOfMs ?? answer.nowMs).toISOString(),
  };
}

/** For the server page: an AppError is a designed state of the page; anything else is a bug. */
export async function loadFirstRecordHistory(
  ...args: Parameters<typeof loadRecordHistory>
): Promise<FirstRecordHistoryPage> {
  try {
    return { ok: true, page: await loadRecordHistory(...args) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toBody() };
    throw error;
  }
}
