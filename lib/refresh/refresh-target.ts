import type { LogsQuery, WorkflowsQuery } from "@/lib/model/queries";

/**
 * What a Refresh button asks the server to fetch again: exactly the LeadLex answers one view
 * shows. Browser-safe (types only); the server action checks every field before use.
 */
export type RefreshTarget =
  | { view: "runs"; workflowId: string; query: LogsQuery }
  | { view: "workflows"; query: WorkflowsQuery };

export interface RefreshResult {
  /** Why the view could not be refreshed; null when it was. */
  message: string | null;
}
