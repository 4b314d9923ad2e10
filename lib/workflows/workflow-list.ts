import type { AsOf } from "@/lib/model/freshness";
import type { WorkflowsQuery } from "@/lib/model/queries";
import type { WorkflowSummary, WorkflowsPage } from "@/lib/model/workflow";
import type { WorkflowHealthReport } from "./workflow-health";

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

/** The list's orders: LeadLex's own (newest created first), or "needs attention" first. */
export const workflowSorts = ["attention"] as const;
export type WorkflowSort = (typeof workflowSorts)[number];

/** What the list view asks for: LeadLex's query, and the order Runboard puts its answer in. */
export interface WorkflowListQuery extends WorkflowsQuery {
  sort: WorkflowSort | null;
}

/**
 * Ranking needs every workflow's health at once, so a sorted list asks LeadLex for its largest
 * page of the filtered workflows (cached like any list) and pages through the ranking itself.
 */
export const RANKED_AT_MOST = 100;

/** The LeadLex list call behind a view: a sorted view ranks the first `RANKED_AT_MOST`. */
export function upstreamListQuery(query: WorkflowListQuery): WorkflowsQuery {
  const { sort, ...upstream } = query;
  return sort === null ? upstream : { ...upstream, page: 1, perPage: RANKED_AT_MOST };
}

/** The list with each workflow's health, as the home page and `/api/workflows` serve it. */
export interface WorkflowListWithHealth extends WorkflowListPage {
  health: WorkflowHealthReport;
  /** Sorted by attention: how many workflows the ranking covers, of how many that match. */
  ranking: { ranked: number; total: number } | null;
}
