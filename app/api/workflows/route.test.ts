import { NextRequest } from "next/server";
import { workflowSummary } from "@/lib/testing/workflow-summary";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/model/app-error";
import { NotCachedError } from "@/lib/quota-layer/not-cached-error";
import type { WorkflowsQuery } from "@/lib/model/queries";
import type { WorkflowSummary } from "@/lib/model/workflow";
import { GET } from "./route";

const session = vi.hoisted(() => ({ apiKey: "wbk_live_test" as string | null }));
const upstream = vi.hoisted(() => ({
  listWorkflows: vi.fn(),
  getWorkflow: vi.fn(),
  listWorkflowLogs: vi.fn(),
  readLedger: vi.fn(),
}));

vi.mock("@/lib/session/session", () => ({ readApiKey: async () => session.apiKey }));
// The handler's own job (strict query, our DTO, our error body) is tested here; the layer's cache
// and coalescing have their own suite.
vi.mock("@/lib/quota-layer", () => ({ quotaLayer: () => upstream }));
vi.mock("@/lib/run-index/server", () => ({
  runIndexService: () => ({ readHeld: async () => null }),
}));
vi.mock("@/lib/server-log", () => ({ logServerEvent: vi.fn() }));

function workflow(id: string, enabled: boolean): WorkflowSummary {
  return workflowSummary(id, { enabled });
}

function get(search: string) {
  return GET(new NextRequest(`http://localhost/api/workflows${search}`));
}

/** The calls that would reach LeadLex: a cachedOnly look-up finds nothing in this stand-in. */
function sent(mock: ReturnType<typeof vi.fn>) {
  return mock.mock.calls.filter((call) => !(call.at(-1) as { cachedOnly?: boolean })?.cachedOnly);
}

const STARTER_LEDGER = {
  daily: { limit: 100, remaining: 90, resetAt: null },
  minute: { limit: 10, used: 2, resetAtMs: Date.now() + 30_000 },
  blockedUntilMs: null,
};

beforeEach(() => {
  session.apiKey = "wbk_live_test";
  upstream.readLedger.mockReset().mockResolvedValue(STARTER_LEDGER);
  upstream.listWorkflowLogs.mockReset().mockImplementation(async (_key, _id, query, options) => {
    if (options?.cachedOnly) throw new NotCachedError();
    return {
      runs: [],
      meta: { page: 1, perPage: query.perPage, total: 0 },
      rateLimit: null,
      requestId: "req_logs",
      fetchedAt: "2026-04-20T14:30:05.000Z",
    };
  });
  upstream.listWorkflows.mockReset().mockResolvedValue({
    workflows: [workflow("wf_on", true), workflow("wf_off", false)],
    meta: { page: 1, perPage: 25, total: 2 },
    rateLimit: null,
    requestId: "req_list",
  });
  upstream.getWorkflow.mockReset().mockImplementation(async (_key, id, options) => {
    if (options?.cachedOnly) throw new NotCachedError();
    return {
      ...workflow(id, id === "wf_on"),
      triggersToday: 100,
      autoDisabledReason: id === "wf_on" ? null : "daily_cap_exceeded",
      updatedAt: null,
      rateLimit: null,
      requestId: "req_detail",
      fetchedAt: "2026-04-20T14:30:05.000Z",
    };
  });
});

describe("GET /api/workflows", () => {
  it("passes the canonical parameters to the gateway", async () => {
    const response = await get("?page=2&per_page=50&enabled=false&entity=deal&q=won%20deals");
    expect(response.status).toBe(200);
    const query: WorkflowsQuery = {
      page: 2,
      perPage: 50,
      enabled: false,
      entity: "deal",
      search: "won deals",
    };
    expect(upstream.listWorkflows).toHaveBeenCalledWith("wbk_live_test", query, expect.anything());
  });

  it("reads an absent parameter as its default", async () => {
    await get("");
    expect(upstream.listWorkflows).toHaveBeenCalledWith(
      "wbk_live_test",
      { page: 1, perPage: 25, enabled: null, entity: null, search: null },
      expect.anything(),
    );
  });

  it("adds the auto-disable reason to disabled workflows, privately", async () => {
    const response = await get("");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const body = (await response.json()) as {
      workflows: { id: string; autoDisabledReason?: string }[];
    };
    expect(body.workflows.map((w) => [w.id, w.autoDisabledReason])).toEqual([
      ["wf_on", undefined],
      ["wf_off", "daily_cap_exceeded"],
    ]);
    expect(sent(upstream.getWorkflow)).toHaveLength(1);
  });

  it("on a Starter key spends nothing on health by itself, and prices it instead", async () => {
    const body = (await (await get("")).json()) as {
      health: { callsSpent: number; callsToLoad: number; heldBecause: string };
    };
    expect(body.health).toMatchObject({
      callsSpent: 0,
      callsToLoad: 4,
      heldBecause: "starter_plan",
    });
    expect(sent(upstream.listWorkflowLogs)).toHaveLength(0);
  });

  it("loads the health when asked (health=load), within the minute's room", async () => {
    const body = (await (await get("?health=load")).json()) as {
      health: { callsSpent: number; byId: Record<string, { kind: string }> };
    };
    expect(body.health.callsSpent).toBe(4);
    expect(body.health.byId).toMatchObject({
      wf_on: { kind: "checked" },
      wf_off: { kind: "disabled" },
    });
    expect(sent(upstream.listWorkflowLogs)).toHaveLength(2);
  });

  it("answers 401 not_connected without a key", async () => {
    session.apiKey = null;
    const response = await get("");
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "not_connected",
    );
    expect(upstream.listWorkflows).not.toHaveBeenCalled();
  });

  it.each([
    ["a repeated parameter", "?entity=deal&entity=task"],
    ["enabled in capitals", "?enabled=TRUE"],
    ["enabled as 1", "?enabled=1"],
    ["an unknown entity", "?entity=invoice"],
    ["an entity in capitals", "?entity=Deal"],
    ["a fractional page", "?page=1.5"],
    ["a negative page", "?page=-1"],
    ["an empty search", "?q="],
    ["a search with spaces around it", "?q=%20won"],
    ["a search with a newline", "?q=won%0Adeals"],
    ["a search over 100 characters", `?q=${"a".repeat(101)}`],
    ["an array-style parameter", "?entity[]=deal"],
    ["an unknown parameter", "?perpage=50"],
    ["an unknown sort", "?sort=name"],
    ["health other than load", "?health=1"],
  ])("answers 400 to %s", async (_label, search) => {
    const response = await get(search);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("bad_request");
    expect(upstream.listWorkflows).not.toHaveBeenCalled();
  });

  it("answers with our error body when LeadLex fails", async () => {
    upstream.listWorkflows.mockRejectedValue(
      new AppError("rate_limited", { requestId: "req_429", retryAfterSeconds: 30 }),
    );
    const response = await get("");
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("30");
    expect(await response.json()).toEqual({
      error: {
        code: "rate_limited",
        message: "LeadLex rate limit reached for this key.",
        requestId: "req_429",
        retryAfterSeconds: 30,
      },
    });
  });
});
