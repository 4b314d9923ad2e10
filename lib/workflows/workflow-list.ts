import type { AsOf } from "@/lib/model/freshness";
import type { WorkflowSummary, WorkflowsPage } from "@/lib/model/workflow";

/**
 * The workflow list as our pages and `/api/workflows` serve it: LeadLex's list, plus the reason
 * LeadLex switched a disabled workflow off, which list items do not carry. Shared by the server
 * and the browser (types only).
 */
export interface WorkflowListItem extends WorkflowSummary {
  /**
   * From the single-workflow call, made only for disabled workflows. Absent when it was not
   * looked up or the lookup failed; null when LeadLex gave no reason (switched off by a person).
   */
  autoDisabledReason?: string | null;
}

export interface WorkflowListPage extends Omit<WorkflowsPage, "workflows">, AsOf {
  workflows: WorkflowListItem[];
}
