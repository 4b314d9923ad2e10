import "server-only";
import type { LeadlexClient } from "@/lib/leadlex";
import { AppError, type AppErrorBody } from "@/lib/model/app-error";
import type { WorkflowsQuery } from "@/lib/model/queries";
import { listWorkflowsWithDisabledReasons } from "./with-disabled-reasons";
import type { WorkflowListPage } from "./workflow-list";

export type FirstWorkflowsPage =
  { ok: true; page: WorkflowListPage } | { ok: false; error: AppErrorBody };

/** The home page's LeadLex calls. An AppError is a designed state of the page; anything else is a bug. */
export async function loadWorkflowList(
  client: LeadlexClient,
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
