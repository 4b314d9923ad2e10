import "server-only";
import { AppError, type AppErrorBody } from "@/lib/model/app-error";
import { quotaLayer } from "@/lib/quota-layer";
import { runIndexService } from "@/lib/run-index/server";
import { listWorkflowsWithHealth, type ListWithHealthOptions } from "./list-workflows-with-health";
import type { WorkflowListQuery, WorkflowListWithHealth } from "./workflow-list";

export type FirstWorkflowsPage =
  { ok: true; page: WorkflowListWithHealth } | { ok: false; error: AppErrorBody };

/** The list, its disabled rows' reasons and its health, through the quota layer and the run index. */
export function listWorkflowsForKey(
  apiKey: string,
  query: WorkflowListQuery,
  options?: ListWithHealthOptions,
): Promise<WorkflowListWithHealth> {
  return listWorkflowsWithHealth(
    { layer: quotaLayer(), readIndex: (key) => runIndexService().readHeld(key) },
    apiKey,
    query,
    options,
  );
}

/** The home page's LeadLex calls. An AppError is a designed state of the page; anything else is a bug. */
export async function loadWorkflowList(
  apiKey: string,
  query: WorkflowListQuery,
): Promise<FirstWorkflowsPage> {
  try {
    return { ok: true, page: await listWorkflowsForKey(apiKey, query) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toBody() };
    throw error;
  }
}
