import "server-only";
import type { Traced } from "@/lib/leadlex";
import { toAppError, type AppError } from "@/lib/model/app-error";
import type { AsOf, PrefetchAdvice } from "@/lib/model/freshness";
import type { LogsQuery } from "@/lib/model/queries";
import type { RunsPage } from "@/lib/model/run";
import type { WorkflowDetail } from "@/lib/model/workflow";
import type { QuotaLayer } from "@/lib/quota-layer";

export type Loaded<T> = { ok: true; value: T } | { ok: false; error: AppError };

export interface WorkflowRuns {
  workflow: Loaded<WorkflowDetail & Traced & AsOf>;
  runs: Loaded<RunsPage & AsOf & PrefetchAdvice>;
}

/**
 * The runs page's two LeadLex calls, made together (a page view costs one round trip, not two).
 * Never rejects: each call's failure is part of the answer, for the page to show.
 */
export async function loadWorkflowRuns(
  client: Pick<QuotaLayer, "getWorkflow" | "listWorkflowLogs">,
  apiKey: string,
  id: string,
  query: LogsQuery,
): Promise<WorkflowRuns> {
  const [workflow, runs] = await Promise.all([
    settle(client.getWorkflow(apiKey, id)),
    settle(client.listWorkflowLogs(apiKey, id, query)),
  ]);
  return { workflow, runs };
}

async function settle<T>(promise: Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}
