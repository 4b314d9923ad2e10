import { MS_PER_DAY, startOfUtcDayMs } from "../clock";
import type { WorkflowDetail, WorkflowListItem } from "../wire-types";
import type { WorkflowRecord } from "./dataset";

// The two wire forms of a workflow: list items lack triggers_today, auto_disabled_reason and
// updated_at; the single-workflow GET adds them. Both are "as of" an instant, since
// last_triggered_at and triggers_today move as runs arrive.

export function toListItem(record: WorkflowRecord, asOfMs: number): WorkflowListItem {
  const { spec } = record;
  return {
    id: spec.id,
    name: spec.name,
    enabled: record.enabled,
    condition_entity: spec.conditionEntity,
    condition_field: spec.conditionField,
    condition_operator: spec.conditionOperator,
    condition_value: spec.conditionValue,
    action_type: spec.actionType,
    action_config: spec.actionConfig,
    max_triggers_per_day: spec.maxTriggersPerDay,
    last_triggered_at: record.runs.newestTriggeredAt(asOfMs),
    created_at: record.createdAt,
  };
}

/**
 * `triggers_today` counts today's runs that executed their action (skipped runs never trigger),
 * which is what the daily cap counts: an auto-disabled workflow shows exactly its cap.
 */
export function toDetail(record: WorkflowRecord, asOfMs: number): WorkflowDetail {
  const dayStartSec = startOfUtcDayMs(asOfMs) / 1000;
  return {
    ...toListItem(record, asOfMs),
    triggers_today: record.runs.executedBetween(
      dayStartSec,
      dayStartSec + MS_PER_DAY / 1000,
      asOfMs,
    ),
    auto_disabled_reason: record.autoDisabledReason,
    updated_at: record.updatedAt,
  };
}
