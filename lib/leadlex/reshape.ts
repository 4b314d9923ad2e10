import "server-only";
import type { PageMeta } from "@/lib/model/page-meta";
import type { Run } from "@/lib/model/run";
import type { WorkflowDetail, WorkflowSummary } from "@/lib/model/workflow";
import type { WireLogEntry, WireMeta, WireWorkflow, WireWorkflowDetail } from "./wire-schemas";

/**
 * Maps the wire format to Runboard's own types, so nothing downstream knows LeadLex's spelling.
 * Timestamps keep LeadLex's exact text (already checked to parse), so a copied value matches the API.
 */

/** LeadLex's documented default when a workflow does not state its cap. */
const DEFAULT_MAX_TRIGGERS_PER_DAY = 100;

export function reshapeWorkflow(wire: WireWorkflow): WorkflowSummary {
  return {
    id: wire.id,
    name: wire.name,
    enabled: wire.enabled,
    conditionEntity: wire.condition_entity,
    conditionField: wire.condition_field ?? "",
    conditionOperator: wire.condition_operator ?? "",
    conditionValue: wire.condition_value == null ? null : String(wire.condition_value),
    actionType: wire.action_type,
    actionConfig: wire.action_config ?? {},
    maxTriggersPerDay: wire.max_triggers_per_day ?? DEFAULT_MAX_TRIGGERS_PER_DAY,
    lastTriggeredAt: wire.last_triggered_at ?? null,
    createdAt: wire.created_at ?? "",
  };
}

export function reshapeWorkflowDetail(wire: WireWorkflowDetail): WorkflowDetail {
  return {
    ...reshapeWorkflow(wire),
    triggersToday: wire.triggers_today ?? 0,
    autoDisabledReason: wire.auto_disabled_reason,
    updatedAt: wire.updated_at ?? null,
  };
}

export function reshapeRun(wire: WireLogEntry): Run {
  return {
    id: wire.id,
    workflowId: wire.workflow_id,
    triggeredAt: wire.triggered_at,
    entityType: wire.entity_type,
    entityId: wire.entity_id,
    status: wire.status,
    skipReason: wire.skip_reason,
    actionResult: wire.action_result ?? null,
    error: wire.error ? { code: wire.error.code, message: wire.error.message ?? "" } : null,
    durationMs: wire.duration_ms ?? null,
  };
}

export function reshapeMeta(wire: WireMeta): PageMeta {
  return { page: wire.page, perPage: wire.per_page, total: wire.total };
}
