import type { WorkflowSummary } from "@/lib/model/workflow";

/** A plain workflow list item for unit tests: enabled, a deal trigger, a cap of 100. */
export function workflowSummary(
  id: string,
  change: Partial<WorkflowSummary> = {},
): WorkflowSummary {
  return {
    id,
    name: id,
    enabled: true,
    conditionEntity: "deal",
    conditionField: "stage",
    conditionOperator: "changed",
    conditionValue: null,
    actionType: "create_task",
    actionConfig: {},
    maxTriggersPerDay: 100,
    lastTriggeredAt: null,
    createdAt: "2026-01-01T00:00:00Z",
    ...change,
  };
}
