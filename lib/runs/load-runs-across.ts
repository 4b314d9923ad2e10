import "server-only";
import { AppError, type AppErrorBody } from "@/lib/model/app-error";
import type { RunsAcrossPage } from "@/lib/model/runs-across-page";
import type { QuotaLayer } from "@/lib/quota-layer";
import { listWorkspaceWorkflows } from "@/lib/runs/list-workspace-workflows";
import type { AnswerWindow, RunIndexService } from "@/lib/run-index/index-service";
import {
  ROLLING_WINDOW_MS,
  statusesOf,
  workflowIdsOf,
  type RunsAcrossQuery,
} from "@/lib/url-state/runs-across-view-state";

export type FirstRunsAcrossPage =
  { ok: true; page: RunsAcrossPage } | { ok: false; error: AppErrorBody };

/**
 * Runs across the workspace, from the run index. The workflows in scope are the ones asked for,
 * else every enabled one (disabled workflows gain no runs); with an entity type, only those whose
 * trigger is that entity, since no other workflow can hold such a run.
 */
export async function loadRunsAcross(
  layer: Pick<QuotaLayer, "listWorkflows" | "readLedger">,
  service: RunIndexService,
  apiKey: string,
  query: RunsAcrossQuery,
  options: { confirmFill?: boolean; signal?: AbortSignal } = {},
): Promise<RunsAcrossPage> {
  const list = await listWorkspaceWorkflows(layer, apiKey, options.signal);
  const asked = new Set(workflowIdsOf(query.workflow));
  const inScope = list.workflows.filter(
    (workflow) =>
      (asked.size > 0 ? asked.has(workflow.id) : workflow.enabled) &&
      (query.entity === null || workflow.conditionEntity === query.entity),
  );
  const answer = await service.answerRuns(
    apiKey,
    {
      workflowIds: inScope.map((workflow) => workflow.id),
      statuses: statusesOf(query.status),
      window: answerWindowOf(query),
      entityType: query.entity ?? undefined,
      reason: query.reason ?? undefined,
      stillFailingOnly: query.stillFailing,
    },
    { page: query.page, perPage: query.perPage },
    options,
  );
  const ledger = await layer.readLedger(apiKey);
  return {
    runs: answer.runs,
    meta: { page: answer.page, perPage: answer.perPage, total: answer.total },
    facets: {
      byStatus: {
        success: answer.statusesCovered.success ? answer.facets.byStatus.success : null,
        failed: answer.statusesCovered.failed ? answer.facets.byStatus.failed : null,
        skipped: answer.statusesCovered.skipped ? answer.facets.byStatus.skipped : null,
      },
      errorCodes: answer.facets.errorCodes,
      skipReasons: answer.facets.skipReasons,
    },
    overTime: answer.overTime,
    coverage: {
      complete: answer.coverage.complete,
      windowFromMs: answer.coverage.window.fromMs ?? answer.nowMs,
      windowToMs: answer.coverage.window.toMs,
      syncedAsOfMs: answer.coverage.syncedAsOfMs,
      gapWorkflows: [...new Set(answer.coverage.gaps.map((gap) => gap.workflowId))],
      droppedBeforeMs: answer.coverage.droppedBeforeMs,
    },
    fill: answer.fill,
    callsSpent: answer.callsSpent,
    workflows: inScope.map(({ id, name }) => ({ id, name })),
    allWorkflows: list.workflows.map(({ id, name, enabled }) => ({ id, name, enabled })),
    syncedElsewhere: answer.syncedElsewhere,
    rateLimit: ledger.daily ?? list.rateLimit,
    fetchedAt: new Date(answer.coverage.syncedAsOfMs ?? answer.nowMs).toISOString(),
  };
}

/** The question's window: the rolling one, or the absolute one the query names. */
function answerWindowOf(query: RunsAcrossQuery): AnswerWindow {
  if (query.after === null) return { rollingMs: ROLLING_WINDOW_MS[query.window] };
  return {
    fromMs: Date.parse(query.after),
    toMs: query.before === null ? null : Date.parse(query.before),
  };
}

/** For the server page: an AppError is a designed state of the page; anything else is a bug. */
export async function loadFirstRunsAcross(
  ...args: Parameters<typeof loadRunsAcross>
): Promise<FirstRunsAcrossPage> {
  try {
    return { ok: true, page: await loadRunsAcross(...args) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toBody() };
    throw error;
  }
}
