import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/model/app-error";
import type { AsOf } from "@/lib/model/freshness";
import type { WorkflowSummary, WorkflowsPage } from "@/lib/model/workflow";
import type { QuotaLayer } from "@/lib/quota-layer/quota-layer";
import { MAX_REASON_LOOKUPS, withDisabledReasons } from "./with-disabled-reasons";

vi.mock("@/lib/server-log", () => ({ logServerEvent: vi.fn() }));

function summary(id: string, enabled: boolean): WorkflowSummary {
  return {
    id,
    name: `Workflow ${id}`,
    enabled,
    conditionEntity: "deal",
    conditionField: "stage",
    conditionOperator: "changed_to",
    conditionValue: "lost",
    actionType: "create_task",
    actionConfig: {},
    maxTriggersPerDay: 100,
    lastTriggeredAt: null,
    createdAt: "2026-01-01T00:00:00Z",
  };
}

const LIST_FETCHED_AT = "2026-04-20T14:30:05.000Z";

function page(workflows: WorkflowSummary[]): WorkflowsPage & AsOf {
  return {
    workflows,
    meta: { page: 1, perPage: 25, total: workflows.length },
    rateLimit: { limit: 1000, remaining: 900, resetAt: null },
    requestId: "req_list",
    fetchedAt: LIST_FETCHED_AT,
  };
}

type GetWorkflow = QuotaLayer["getWorkflow"];

function client(reasons: Record<string, string | null | Error>) {
  const getWorkflow = vi.fn<GetWorkflow>(async (_key, id) => {
    const reason = reasons[id];
    if (reason instanceof Error) throw reason;
    return {
      ...summary(id, false),
      triggersToday: 0,
      autoDisabledReason: reason ?? null,
      updatedAt: null,
      rateLimit: { limit: 1000, remaining: 800 - Object.keys(reasons).indexOf(id), resetAt: null },
      requestId: `req_${id}`,
      // Cached earlier than the list, by the minute's index in `reasons`.
      fetchedAt: `2026-04-20T14:2${Object.keys(reasons).indexOf(id)}:00.000Z`,
    };
  });
  return { getWorkflow };
}

describe("withDisabledReasons", () => {
  it("makes no call when every workflow is enabled", async () => {
    const fake = client({});
    const input = page([summary("wf_a", true)]);
    expect(await withDisabledReasons(fake, "key", input)).toBe(input);
    expect(fake.getWorkflow).not.toHaveBeenCalled();
  });

  it("adds the reason to disabled workflows only", async () => {
    const fake = client({ wf_b: "daily_cap_exceeded", wf_c: null });
    const result = await withDisabledReasons(
      fake,
      "key",
      page([summary("wf_a", true), summary("wf_b", false), summary("wf_c", false)]),
    );
    expect(result.workflows.map((w) => [w.id, w.autoDisabledReason])).toEqual([
      ["wf_a", undefined],
      ["wf_b", "daily_cap_exceeded"],
      ["wf_c", null],
    ]);
    expect(fake.getWorkflow).toHaveBeenCalledTimes(2);
  });

  it("leaves the reason out when a lookup fails, and keeps the rest", async () => {
    const fake = client({ wf_a: new AppError("rate_limited"), wf_b: "daily_cap_exceeded" });
    const result = await withDisabledReasons(
      fake,
      "key",
      page([summary("wf_a", false), summary("wf_b", false)]),
    );
    expect(result.workflows[0]).not.toHaveProperty("autoDisabledReason");
    expect(result.workflows[1]?.autoDisabledReason).toBe("daily_cap_exceeded");
  });

  it(`looks up at most ${MAX_REASON_LOOKUPS} workflows`, async () => {
    const fake = client({});
    const workflows = Array.from({ length: 25 }, (_, i) => summary(`wf_${i}`, false));
    const result = await withDisabledReasons(fake, "key", page(workflows));
    expect(fake.getWorkflow).toHaveBeenCalledTimes(MAX_REASON_LOOKUPS);
    expect(result.workflows.filter((w) => "autoDisabledReason" in w)).toHaveLength(
      MAX_REASON_LOOKUPS,
    );
  });

  it("reports the lowest remaining quota it saw", async () => {
    const fake = client({ wf_a: null, wf_b: null });
    const result = await withDisabledReasons(
      fake,
      "key",
      page([summary("wf_a", false), summary("wf_b", false)]),
    );
    expect(result.rateLimit?.remaining).toBe(799);
    expect(result.requestId).toBe("req_list");
  });

  it("dates the page by its oldest answer, the list or a cached detail", async () => {
    const fake = client({ wf_a: null, wf_b: null });
    const result = await withDisabledReasons(
      fake,
      "key",
      page([summary("wf_a", false), summary("wf_b", false)]),
    );
    expect(result.fetchedAt).toBe("2026-04-20T14:20:00.000Z");
    const enabledOnly = await withDisabledReasons(fake, "key", page([summary("wf_c", true)]));
    expect(enabledOnly.fetchedAt).toBe(LIST_FETCHED_AT);
  });
});
