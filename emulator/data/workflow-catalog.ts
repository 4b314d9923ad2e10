import type { WorkspaceId } from "../api-keys";
import type { ActionType, ConditionOperator, EntityType, LogEntry } from "../wire-types";
import type { ResultHints } from "./action-profiles";

// The seeded workflows of both demo workspaces. Times are in days before the data set's
// reference minute (the start `now` truncated to the minute); dataset.ts turns them into data.

export type Lifecycle =
  | { kind: "enabled" }
  /** Switched off by a user; events since are skipped with `workflow_disabled`. */
  | { kind: "disabled"; daysAgo: number; skippedSince: number }
  /** Hit its daily cap today; later runs today are skipped with `daily_cap_reached`. */
  | { kind: "auto_disabled"; skippedPastCap: number }
  /** Deleted: not listed, GET by id is 404, its logs stay fetchable. */
  | { kind: "deleted"; daysAgo: number };

export interface WorkflowSpec {
  id: string;
  workspaceId: WorkspaceId | "faults";
  name: string;
  conditionEntity: EntityType;
  conditionField: string;
  conditionOperator: ConditionOperator;
  conditionValue: string;
  actionType: ActionType;
  actionConfig: Record<string, unknown>;
  resultHints: ResultHints;
  maxTriggersPerDay: number;
  createdDaysAgo: number;
  updatedDaysAgo: number;
  lifecycle: Lifecycle;
  /** Ordinary runs over the `spanDays` before the lifecycle event (or now); null = never ran. */
  history: { count: number; spanDays: number } | null;
  /** How many distinct entities the runs draw from. */
  entityPoolSize: number;
  /** Entries served verbatim at their own timestamps. */
  fixedEntries?: readonly LogEntry[];
}

/** The example entry of the List Workflow Logs doc page, served byte for byte. */
export const SEED_DOC_ENTRY: LogEntry = {
  id: "wfl_01HY1",
  workflow_id: "wf_01HY1",
  triggered_at: "2026-04-17T09:31:00Z",
  entity_type: "deal",
  entity_id: "deal_01HY1",
  status: "success",
  skip_reason: null,
  action_result: { slack_message_ts: "1713351031.001200" },
  error: null,
  duration_ms: 412,
};

/** Ids with a role that tests and demos refer to. */
export const WORKFLOW_IDS = {
  lostDeals: "wf_01HY1",
  big: "wf_big",
  neverRun: "wf_01HY7",
  disabled: "wf_01HY5",
  autoDisabled: "wf_01HY6",
  deleted: "wf_deleted_01",
} as const;

const ENABLED: Lifecycle = { kind: "enabled" };

export const WORKFLOW_SPECS: readonly WorkflowSpec[] = [
  {
    id: WORKFLOW_IDS.lostDeals,
    workspaceId: "ws_a",
    name: "Notify owner on lost deals",
    conditionEntity: "deal",
    conditionField: "stage",
    conditionOperator: "changed_to",
    conditionValue: "lost",
    actionType: "send_channel_message",
    actionConfig: {
      channel: "slack",
      recipient: "#sales-alerts",
      message:
        "{{deal.owner_name}}: {{deal.name}} ({{deal.amount}}) was marked lost. Reason: {{deal.lost_reason}}",
    },
    resultHints: { channel: "#sales-alerts" },
    maxTriggersPerDay: 200,
    createdDaysAgo: 301.4,
    updatedDaysAgo: 44.2,
    lifecycle: ENABLED,
    history: { count: 5_200, spanDays: 120 },
    entityPoolSize: 2_400,
    fixedEntries: [SEED_DOC_ENTRY],
  },
  {
    id: WORKFLOW_IDS.big,
    workspaceId: "ws_a",
    name: "Sync contact changes to the data warehouse",
    conditionEntity: "contact",
    conditionField: "lifecycle_stage",
    conditionOperator: "changed",
    conditionValue: "",
    actionType: "webhook",
    actionConfig: {
      url: "https://hooks.northwind-data.io/leadlex/contacts",
      method: "POST",
      headers: { "X-Source": "leadlex" },
      body: '{"contact_id":"{{contact.id}}","email":"{{contact.email}}","stage":"{{contact.lifecycle_stage}}"}',
    },
    resultHints: { webhookHost: "hooks.northwind-data.io" },
    maxTriggersPerDay: 25_000,
    createdDaysAgo: 402.7,
    updatedDaysAgo: 130.1,
    lifecycle: ENABLED,
    history: { count: 1_000_000, spanDays: 120 },
    entityPoolSize: 60_000,
  },
  {
    id: "wf_01HY2",
    workspaceId: "ws_a",
    name: "Welcome email for new customers",
    conditionEntity: "contact",
    conditionField: "lifecycle_stage",
    conditionOperator: "changed_to",
    conditionValue: "customer",
    actionType: "send_email",
    actionConfig: {
      to: "{{contact.email}}",
      from: "success@northwind.io",
      subject: "Welcome aboard, {{contact.first_name}}!",
      template: "customer_welcome_v3",
    },
    resultHints: {},
    maxTriggersPerDay: 100,
    createdDaysAgo: 212.3,
    updatedDaysAgo: 61.8,
    lifecycle: ENABLED,
    history: { count: 1_400, spanDays: 120 },
    entityPoolSize: 1_300,
  },
  {
    id: "wf_01HY3",
    workspaceId: "ws_a",
    name: "Follow-up task after demo meetings",
    conditionEntity: "meeting",
    conditionField: "outcome",
    conditionOperator: "equals",
    conditionValue: "demo_completed",
    actionType: "create_task",
    actionConfig: {
      title: "Follow up with {{meeting.company_name}} after the demo",
      assignee: "{{meeting.owner_id}}",
      due_in_days: 2,
    },
    resultHints: {},
    maxTriggersPerDay: 100,
    createdDaysAgo: 181.9,
    updatedDaysAgo: 33.5,
    lifecycle: ENABLED,
    history: { count: 900, spanDays: 120 },
    entityPoolSize: 900,
  },
  {
    id: "wf_01HY4",
    workspaceId: "ws_a",
    name: "Flag deals when a prospect email bounces",
    conditionEntity: "email",
    conditionField: "delivery_status",
    conditionOperator: "equals",
    conditionValue: "bounced",
    actionType: "update_field",
    actionConfig: { entity: "deal", field: "risk_level", value: "high" },
    resultHints: { field: "risk_level", oldValues: ["low", "medium", null], newValues: ["high"] },
    maxTriggersPerDay: 100,
    createdDaysAgo: 150.6,
    updatedDaysAgo: 150.6,
    lifecycle: ENABLED,
    history: { count: 600, spanDays: 120 },
    entityPoolSize: 600,
  },
  {
    id: WORKFLOW_IDS.disabled,
    workspaceId: "ws_a",
    name: "Post big wins to #wins",
    conditionEntity: "deal",
    conditionField: "amount",
    conditionOperator: "greater_than",
    conditionValue: "50000",
    actionType: "send_channel_message",
    actionConfig: {
      channel: "slack",
      recipient: "#wins",
      message: ":tada: {{deal.owner_name}} closed {{deal.name}} for {{deal.amount}}",
    },
    resultHints: { channel: "#wins" },
    maxTriggersPerDay: 100,
    createdDaysAgo: 160.2,
    updatedDaysAgo: 9.3,
    lifecycle: { kind: "disabled", daysAgo: 9.3, skippedSince: 14 },
    history: { count: 350, spanDays: 110 },
    entityPoolSize: 2_400,
  },
  {
    id: WORKFLOW_IDS.autoDisabled,
    workspaceId: "ws_a",
    name: "Escalate overdue tasks to the team lead",
    conditionEntity: "task",
    conditionField: "status",
    conditionOperator: "changed_to",
    conditionValue: "overdue",
    actionType: "send_email",
    actionConfig: {
      to: "{{task.owner_manager_email}}",
      subject: "Overdue: {{task.title}} ({{task.owner_name}})",
      template: "task_escalation",
    },
    resultHints: {},
    maxTriggersPerDay: 40,
    createdDaysAgo: 140.8,
    updatedDaysAgo: 0,
    lifecycle: { kind: "auto_disabled", skippedPastCap: 17 },
    history: { count: 1_200, spanDays: 120 },
    entityPoolSize: 3_000,
  },
  {
    id: WORKFLOW_IDS.neverRun,
    workspaceId: "ws_a",
    name: "Alert on negative email replies",
    conditionEntity: "email",
    conditionField: "sentiment",
    conditionOperator: "equals",
    conditionValue: "negative",
    actionType: "webhook",
    actionConfig: {
      url: "https://alerts.northwind.io/hooks/leadlex-sentiment",
      method: "POST",
      body: '{"email_id":"{{email.id}}","from":"{{email.from}}","subject":"{{email.subject}}"}',
    },
    resultHints: { webhookHost: "alerts.northwind.io" },
    maxTriggersPerDay: 100,
    createdDaysAgo: 1.6,
    updatedDaysAgo: 1.6,
    lifecycle: ENABLED,
    history: null,
    entityPoolSize: 1,
  },
  {
    id: "wf_01HY8",
    workspaceId: "ws_a",
    name: "Tag webinar sign-ups",
    conditionEntity: "contact",
    conditionField: "source",
    conditionOperator: "contains",
    conditionValue: "webinar",
    actionType: "update_field",
    actionConfig: { entity: "contact", field: "tags", value: "{{contact.tags}}, webinar-2026" },
    resultHints: {
      field: "tags",
      oldValues: ["newsletter", "", "trial, newsletter"],
      newValues: ["newsletter, webinar-2026", "webinar-2026", "trial, newsletter, webinar-2026"],
    },
    maxTriggersPerDay: 300,
    createdDaysAgo: 95.2,
    updatedDaysAgo: 12.7,
    lifecycle: ENABLED,
    history: { count: 2_100, spanDays: 90 },
    entityPoolSize: 5_000,
  },
  {
    id: "wf_01HY9",
    workspaceId: "ws_a",
    name: "Tell the CSM when a QBR is cancelled",
    conditionEntity: "meeting",
    conditionField: "status",
    conditionOperator: "changed_to",
    conditionValue: "cancelled",
    actionType: "send_channel_message",
    actionConfig: {
      channel: "slack",
      recipient: "#customer-success",
      message:
        "{{meeting.title}} with {{meeting.company_name}} was cancelled by {{meeting.cancelled_by}}",
    },
    resultHints: { channel: "#customer-success" },
    maxTriggersPerDay: 100,
    createdDaysAgo: 70.4,
    updatedDaysAgo: 70.4,
    lifecycle: ENABLED,
    history: { count: 260, spanDays: 60 },
    entityPoolSize: 900,
  },
  {
    id: "wf_01HYA",
    workspaceId: "ws_a",
    name: "Renewal task 60 days before contract end",
    conditionEntity: "deal",
    conditionField: "days_to_renewal",
    conditionOperator: "less_than",
    conditionValue: "60",
    actionType: "create_task",
    actionConfig: {
      title: "Start renewal for {{deal.name}}",
      assignee: "{{deal.owner_id}}",
      due_in_days: 14,
    },
    resultHints: {},
    maxTriggersPerDay: 100,
    createdDaysAgo: 130.9,
    updatedDaysAgo: 88.1,
    lifecycle: ENABLED,
    history: { count: 480, spanDays: 120 },
    entityPoolSize: 2_400,
  },
  {
    id: WORKFLOW_IDS.deleted,
    workspaceId: "ws_a",
    name: "Round-robin inbound leads (old)",
    conditionEntity: "contact",
    conditionField: "owner_id",
    conditionOperator: "equals",
    conditionValue: "",
    actionType: "update_field",
    actionConfig: { entity: "contact", field: "owner_id", value: "{{round_robin.next_owner}}" },
    resultHints: {
      field: "owner_id",
      oldValues: [null],
      newValues: ["usr_01HV8M2K5Q", "usr_01HV8M3T7Z", "usr_01HW2A9C4D"],
    },
    maxTriggersPerDay: 200,
    createdDaysAgo: 260.5,
    updatedDaysAgo: 21.4,
    lifecycle: { kind: "deleted", daysAgo: 21.4 },
    history: { count: 340, spanDays: 100 },
    entityPoolSize: 5_000,
  },
  {
    id: "wf_02HZ1",
    workspaceId: "ws_b",
    name: "Send NPS survey after closed-won deals",
    conditionEntity: "deal",
    conditionField: "stage",
    conditionOperator: "changed_to",
    conditionValue: "won",
    actionType: "send_email",
    actionConfig: {
      to: "{{deal.primary_contact_email}}",
      subject: "How did we do, {{deal.primary_contact_first_name}}?",
      template: "nps_survey",
    },
    resultHints: {},
    maxTriggersPerDay: 100,
    createdDaysAgo: 190.3,
    updatedDaysAgo: 40.6,
    lifecycle: ENABLED,
    history: { count: 700, spanDays: 120 },
    entityPoolSize: 800,
  },
  {
    id: "wf_02HZ2",
    workspaceId: "ws_b",
    name: "Ping #support on urgent tasks",
    conditionEntity: "task",
    conditionField: "priority",
    conditionOperator: "equals",
    conditionValue: "urgent",
    actionType: "send_channel_message",
    actionConfig: {
      channel: "slack",
      recipient: "#support",
      message: "Urgent: {{task.title}} (assigned to {{task.owner_name}})",
    },
    resultHints: { channel: "#support" },
    maxTriggersPerDay: 150,
    createdDaysAgo: 230.1,
    updatedDaysAgo: 5.2,
    lifecycle: ENABLED,
    history: { count: 1_100, spanDays: 120 },
    entityPoolSize: 2_000,
  },
  {
    id: "wf_02HZ3",
    workspaceId: "ws_b",
    name: "Record meeting no-shows",
    conditionEntity: "meeting",
    conditionField: "attendance",
    conditionOperator: "equals",
    conditionValue: "no_show",
    actionType: "update_field",
    actionConfig: {
      entity: "contact",
      field: "no_show_count",
      value: "{{contact.no_show_count}} + 1",
    },
    resultHints: { field: "no_show_count", oldValues: ["0", "1", "2"], newValues: ["1", "2", "3"] },
    maxTriggersPerDay: 100,
    createdDaysAgo: 75.5,
    updatedDaysAgo: 75.5,
    lifecycle: ENABLED,
    history: { count: 400, spanDays: 70 },
    entityPoolSize: 700,
  },
  {
    id: "wf_02HZ4",
    workspaceId: "ws_b",
    name: "Forward inbound emails to the helpdesk",
    conditionEntity: "email",
    conditionField: "direction",
    conditionOperator: "equals",
    conditionValue: "inbound",
    actionType: "webhook",
    actionConfig: {
      url: "https://helpdesk.globex.net/api/inbound/leadlex",
      method: "POST",
      body: '{"from":"{{email.from}}","subject":"{{email.subject}}","body":"{{email.body_text}}"}',
    },
    resultHints: { webhookHost: "helpdesk.globex.net" },
    maxTriggersPerDay: 500,
    createdDaysAgo: 120.8,
    updatedDaysAgo: 18.9,
    lifecycle: ENABLED,
    history: { count: 900, spanDays: 110 },
    entityPoolSize: 4_000,
  },
];
