import { describe, expect, it } from "vitest";
import { workflowSummary } from "@/lib/testing/workflow-summary";
import type { WorkflowHealth } from "./workflow-health";
import type { WorkflowListItem } from "./workflow-list";
import { sortByAttention } from "./needs-attention";

function workflow(
  id: string,
  enabled = true,
  autoDisabledReason?: string | null,
): WorkflowListItem {
  return {
    ...workflowSummary(id, { enabled }),
    ...(autoDisabledReason === undefined ? {} : { autoDisabledReason }),
  };
}

function checked(
  failures24h: number,
  lastStatus: "success" | "failed" | null,
  triggersToday = 10,
): WorkflowHealth {
  return {
    kind: "checked",
    failures24h,
    lastRun:
      lastStatus === null
        ? null
        : { id: "wfl_1", status: lastStatus, triggeredAt: "2026-04-20T14:00:00Z" },
    triggersToday,
    dailyCap: 100,
    failuresFromIndex: false,
    lastRunFromIndex: false,
  };
}

describe("sortByAttention", () => {
  it("puts failing, then auto-disabled, then near-cap, then unknown, healthy, switched off, deleted", () => {
    const workflows = [
      workflow("healthy"),
      workflow("off", false, null),
      workflow("gone"),
      workflow("unknown"),
      workflow("near_cap"),
      workflow("auto", false, "daily_cap_exceeded"),
      workflow("few_failures"),
      workflow("last_failed"),
      workflow("many_failures"),
    ];
    const byId: Record<string, WorkflowHealth> = {
      healthy: checked(0, "success"),
      off: { kind: "disabled", triggersToday: 0, dailyCap: 100 },
      gone: { kind: "deleted" },
      unknown: { kind: "not_loaded", calls: 3 },
      near_cap: checked(0, "success", 85),
      auto: { kind: "disabled", triggersToday: 100, dailyCap: 100 },
      few_failures: checked(2, "success"),
      last_failed: checked(0, "failed"),
      many_failures: checked(9, "failed"),
    };
    expect(sortByAttention(workflows, byId).map((w) => w.id)).toEqual([
      "many_failures",
      "few_failures",
      "last_failed",
      "auto",
      "near_cap",
      "unknown",
      "healthy",
      "off",
      "gone",
    ]);
  });

  it("keeps LeadLex's order within a group, and puts rows without figures before healthy ones", () => {
    const workflows = [workflow("a"), workflow("b"), workflow("c")];
    expect(sortByAttention(workflows, { a: checked(0, "success") }).map((w) => w.id)).toEqual([
      "b",
      "c",
      "a",
    ]);
  });
});
