import type { PageMeta, RateLimitStatus } from "./page-meta";

/** Runboard's own shape of a LeadLex workflow, independent of the wire format. */
export const entityTypes = ["contact", "deal", "task", "email", "meeting"] as const;
export type EntityType = (typeof entityTypes)[number];

export const conditionOperators = [
  "equals",
  "not_equals",
  "contains",
  "changed",
  "changed_to",
  "greater_than",
  "less_than",
] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

export const actionTypes = [
  "send_email",
  "create_task",
  "send_channel_message",
  "webhook",
  "update_field",
] as const;
export type ActionType = (typeof actionTypes)[number];

export interface WorkflowSummary {
  id: string;
  name: string;
  enabled: boolean;
  /** Entity type as sent; an unknown future value is kept as a string rather than rejected. */
  conditionEntity: string;
  conditionField: string;
  conditionOperator: string;
  conditionValue: string | null;
  actionType: string;
  actionConfig: Record<string, unknown>;
  maxTriggersPerDay: number;
  lastTriggeredAt: string | null;
  createdAt: string;
}

/** The single-workflow endpoint adds three fields the list items do not carry. */
export interface WorkflowDetail extends WorkflowSummary {
  triggersToday: number;
  autoDisabledReason: string | null;
  updatedAt: string | null;
}

export interface WorkflowsPage {
  workflows: WorkflowSummary[];
  meta: PageMeta;
  rateLimit: RateLimitStatus | null;
  requestId: string | null;
}
