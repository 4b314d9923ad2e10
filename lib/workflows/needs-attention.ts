import { workflowState } from "./describe-workflow";
import { capShare, isFailingNow, NEAR_CAP_RATIO, type WorkflowHealth } from "./workflow-health";
import type { WorkflowListItem } from "./workflow-list";

/**
 * The "needs attention" order of the workflow list: failing now (failures in the last 24 h, or a
 * failed last run), most failures first; then switched off by LeadLex; then near the daily cap,
 * closest first. Workflows whose health is not loaded come next: nothing says they are fine.
 * Then the healthy ones, then those a person switched off, then any deleted since the list was
 * answered. Within a group LeadLex's own order is kept.
 */
const Group = {
  Failing: 0,
  AutoDisabled: 1,
  NearCap: 2,
  Unknown: 3,
  Healthy: 4,
  Disabled: 5,
  Deleted: 6,
} as const;
type Group = (typeof Group)[keyof typeof Group];

function groupOf(workflow: WorkflowListItem, health: WorkflowHealth | undefined): Group {
  if (health?.kind === "deleted") return Group.Deleted;
  if (isFailingNow(health)) return Group.Failing;
  if (workflowState(workflow.enabled, workflow.autoDisabledReason) === "auto_disabled") {
    return Group.AutoDisabled;
  }
  const share = capShare(health);
  if (workflow.enabled && share !== null && share >= NEAR_CAP_RATIO) return Group.NearCap;
  if (!workflow.enabled) return Group.Disabled;
  return health?.kind === "checked" ? Group.Healthy : Group.Unknown;
}

/** Larger first within a group: failures for failing workflows, cap share for those near it. */
function weightOf(group: Group, health: WorkflowHealth | undefined): number {
  if (group === Group.Failing && health?.kind === "checked") return health.failures24h;
  if (group === Group.NearCap) return capShare(health) ?? 0;
  return 0;
}

export function sortByAttention(
  workflows: readonly WorkflowListItem[],
  byId: Readonly<Record<string, WorkflowHealth>>,
): WorkflowListItem[] {
  return workflows
    .map((workflow, position) => {
      const health = byId[workflow.id];
      const group = groupOf(workflow, health);
      return { workflow, position, group, weight: weightOf(group, health) };
    })
    .sort((a, b) => a.group - b.group || b.weight - a.weight || a.position - b.position)
    .map(({ workflow }) => workflow);
}
