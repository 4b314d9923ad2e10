import "server-only";
import { AppError, type AppErrorBody } from "@/lib/model/app-error";
import type { WorkflowsQuery } from "@/lib/model/queries";
import type { QuotaLayer } from "@/lib/quota-layer";
import { listWorkflowsWithDisabledReasons } from "./with-disabled-reasons";
import type { WorkflowListPage } from "./workflow-list";

export type FirstWorkflowsPage =
  { ok: true; page: WorkflowListPage } | { ok: false; error: AppErrorBody };

/** The home page's LeadLex calls, through the quota layer. An AppError is a designed state of the page; anything else is a bug. */
export async function loadWorkflowList(
  client: Pick<QuotaLayer, "listWorkflows" | "getWorkflow">,
  apiKey: string,
  query: WorkflowsQuery,
): Promise<FirstWorkflowsPage> {
  try {
    return { ok: true, page: await listWorkflowsWithDisabledReasons(client, apiKey, query) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toBody() };
    throw error;
  }
}
