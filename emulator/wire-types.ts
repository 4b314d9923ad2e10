// The JSON shapes LeadLex puts on the wire (see docs/leadlex-api.md), snake_case as sent. The one
// description of them outside the gateway's own schemas: the emulator, the tests and the scripts
// import it.

export const ENTITY_TYPES = ["contact", "deal", "task", "email", "meeting"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ACTION_TYPES = [
  "send_email",
  "create_task",
  "send_channel_message",
  "webhook",
  "update_field",
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export type ConditionOperator =
  "equals" | "not_equals" | "contains" | "changed" | "changed_to" | "greater_than" | "less_than";

export const RUN_STATUSES = ["success", "failed", "skipped"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export type SkipReason =
  "condition_not_met" | "duplicate_event" | "daily_cap_reached" | "workflow_disabled";

export interface RunError {
  code: string;
  message: string;
}

export interface LogEntry {
  id: string;
  workflow_id: string;
  triggered_at: string;
  entity_type: EntityType;
  entity_id: string;
  status: RunStatus;
  skip_reason: SkipReason | null;
  action_result: Record<string, unknown> | null;
  error: RunError | null;
  duration_ms: number;
}

export interface WorkflowListItem {
  id: string;
  name: string;
  enabled: boolean;
  condition_entity: EntityType;
  condition_field: string;
  condition_operator: ConditionOperator;
  condition_value: string;
  action_type: ActionType;
  action_config: Record<string, unknown>;
  max_triggers_per_day: number;
  last_triggered_at: string | null;
  created_at: string;
}

export interface WorkflowDetail extends WorkflowListItem {
  triggers_today: number;
  auto_disabled_reason: string | null;
  updated_at: string;
}

export interface PageMeta {
  page: number;
  per_page: number;
  total: number;
}

export interface ErrorBody {
  error: RunError;
}

export interface WorkflowListBody {
  data: { workflows: WorkflowListItem[] };
  meta: PageMeta;
}

export interface WorkflowDetailBody {
  data: WorkflowDetail;
}

export interface LogListBody {
  data: { logs: LogEntry[] };
  meta: PageMeta;
}
