import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/model/app-error";
import type { LogsQuery, WorkflowsQuery } from "@/lib/model/queries";
import { createLeadlexClient, type LeadlexClient } from "./client";
import type { Send } from "./transport";

const BASE_URL = "http://127.0.0.1:4010/functions/v1/api-gateway";
const API_KEY = "wbk_demo_org_full";
const REQUEST_ID = "req_01HY1K0E7V8Q0YXH7DSTX5B3CA";

const HEADERS = {
  "Content-Type": "application/json",
  "X-Request-ID": REQUEST_ID,
  "X-RateLimit-Limit": "1000",
  "X-RateLimit-Remaining": "998",
  "X-RateLimit-Reset": "1708905600",
};
const RATE_LIMIT = { limit: 1000, remaining: 998, resetAt: "2024-02-26T00:00:00.000Z" };

/** The example entry of the List Workflow Logs page, verbatim. */
const seedLogEntry = {
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
const seedLogsBody = {
  data: { logs: [seedLogEntry] },
  meta: { page: 1, per_page: 25, total: 42 },
};

const failedLogEntry = {
  ...seedLogEntry,
  id: "wfl_01HY2",
  status: "failed",
  action_result: null,
  error: { code: "channel_not_found", message: "Slack channel #sales was archived" },
  duration_ms: 87,
};

const wireWorkflow = {
  id: "wf_01HY1",
  name: "Notify Slack when a deal is won",
  enabled: true,
  condition_entity: "deal",
  condition_field: "stage",
  condition_operator: "changed_to",
  condition_value: "closed_won",
  action_type: "send_channel_message",
  action_config: { channel: "slack", recipient: "#sales", message: "{{deal.name}} was won" },
  max_triggers_per_day: 100,
  last_triggered_at: "2026-04-17T09:31:00Z",
  created_at: "2026-01-05T12:00:00Z",
};
const wireWorkflowDetail = {
  ...wireWorkflow,
  triggers_today: 3,
  auto_disabled_reason: null,
  updated_at: "2026-04-01T08:00:00Z",
};

const workflowSummary = {
  id: "wf_01HY1",
  name: "Notify Slack when a deal is won",
  enabled: true,
  conditionEntity: "deal",
  conditionField: "stage",
  conditionOperator: "changed_to",
  conditionValue: "closed_won",
  actionType: "send_channel_message",
  actionConfig: { channel: "slack", recipient: "#sales", message: "{{deal.name}} was won" },
  maxTriggersPerDay: 100,
  lastTriggeredAt: "2026-04-17T09:31:00Z",
  createdAt: "2026-01-05T12:00:00Z",
};

const defaultLogsQuery: LogsQuery = { page: 1, perPage: 25, status: null, after: null };
const defaultWorkflowsQuery: WorkflowsQuery = {
  page: 1,
  perPage: 25,
  enabled: null,
  entity: null,
  search: null,
};

function setup(body: unknown, status = 200) {
  // The network, as the `Send` the transport calls: the client's job here is the URL and parsing.
  const fetch = vi.fn<Send>(async () => ({
    status,
    headers: new Headers(HEADERS),
    text: JSON.stringify(body),
  }));
  const client: LeadlexClient = createLeadlexClient(
    {
      baseUrl: BASE_URL,
      attemptTimeoutMs: 5_000,
      totalTimeoutMs: 10_000,
      maxRetries: 0,
      maxResponseBytes: 1024 * 1024,
    },
    {
      send: fetch,
      now: () => Date.UTC(2026, 3, 17, 10),
      sleep: async () => {},
      random: () => 0,
    },
  );
  const calledUrl = () => {
    expect(fetch).toHaveBeenCalledTimes(1);
    return String(fetch.mock.calls[0]?.[0]);
  };
  return { fetch, client, calledUrl };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected the call to fail");
}

describe("listWorkflowLogs", () => {
  it("calls the logs endpoint with only the values that are set", async () => {
    const { client, calledUrl } = setup(seedLogsBody);
    await client.listWorkflowLogs(API_KEY, "wf_01HY1", defaultLogsQuery);
    expect(calledUrl()).toBe(`${BASE_URL}/v1/workflows/wf_01HY1/logs?page=1&per_page=25`);
  });

  it("sends status and a UTC, second-precision after", async () => {
    const { client, calledUrl } = setup(seedLogsBody);
    await client.listWorkflowLogs(API_KEY, "wf_01HY1", {
      page: 3,
      perPage: 100,
      status: "failed",
      after: "2026-04-17T11:31:00+02:00",
    });
    const url = new URL(calledUrl());
    expect(url.pathname).toBe("/functions/v1/api-gateway/v1/workflows/wf_01HY1/logs");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      page: "3",
      per_page: "100",
      status: "failed",
      after: "2026-04-17T09:31:00Z",
    });
  });

  it.each([
    ["2026-04-17T09:31:00.999Z", "2026-04-17T09:31:00Z"],
    ["2026-04-17T09:31Z", "2026-04-17T09:31:00Z"],
    ["2026-04-16T23:30:00-10:00", "2026-04-17T09:30:00Z"],
  ])("normalises after %s to %s", async (after, sent) => {
    const { client, calledUrl } = setup(seedLogsBody);
    await client.listWorkflowLogs(API_KEY, "wf_01HY1", { ...defaultLogsQuery, after });
    expect(new URL(calledUrl()).searchParams.get("after")).toBe(sent);
  });

  it("reshapes the documented body into runs, meta, quota and request id", async () => {
    const { client } = setup({ ...seedLogsBody, data: { logs: [seedLogEntry, failedLogEntry] } });
    const page = await client.listWorkflowLogs(API_KEY, "wf_01HY1", defaultLogsQuery);
    expect(page).toEqual({
      runs: [
        {
          id: "wfl_01HY1",
          workflowId: "wf_01HY1",
          triggeredAt: "2026-04-17T09:31:00Z",
          entityType: "deal",
          entityId: "deal_01HY1",
          status: "success",
          skipReason: null,
          actionResult: { slack_message_ts: "1713351031.001200" },
          error: null,
          durationMs: 412,
        },
        {
          id: "wfl_01HY2",
          workflowId: "wf_01HY1",
          triggeredAt: "2026-04-17T09:31:00Z",
          entityType: "deal",
          entityId: "deal_01HY1",
          status: "failed",
          skipReason: null,
          actionResult: null,
          error: { code: "channel_not_found", message: "Slack channel #sales was archived" },
          durationMs: 87,
        },
      ],
      meta: { page: 1, perPage: 25, total: 42 },
      rateLimit: RATE_LIMIT,
      requestId: REQUEST_ID,
    });
  });

  it("accepts a skipped run whose optional fields are missing", async () => {
    const skipped = {
      id: "wfl_01HY3",
      workflow_id: "wf_01HY1",
      triggered_at: "2026-04-17T09:00:00Z",
      entity_type: "deal",
      entity_id: "deal_01HY9",
      status: "skipped",
      skip_reason: "daily_cap_reached",
    };
    const { client } = setup({ ...seedLogsBody, data: { logs: [skipped] } });
    const page = await client.listWorkflowLogs(API_KEY, "wf_01HY1", defaultLogsQuery);
    expect(page.runs).toEqual([
      expect.objectContaining({
        status: "skipped",
        skipReason: "daily_cap_reached",
        actionResult: null,
        error: null,
        durationMs: null,
      }),
    ]);
  });

  it("drops fields LeadLex adds that Runboard does not know", async () => {
    const { client } = setup({
      data: { logs: [{ ...seedLogEntry, internal_note: "extra-field" }], cursor: "extra-field" },
      meta: { ...seedLogsBody.meta, shard: "extra-field" },
      debug: "extra-field",
    });
    const page = await client.listWorkflowLogs(API_KEY, "wf_01HY1", defaultLogsQuery);
    expect(JSON.stringify(page)).not.toContain("extra-field");
    expect(Object.keys(page.runs[0] ?? {})).not.toContain("internal_note");
    expect(page.meta).toEqual({ page: 1, perPage: 25, total: 42 });
  });

  it.each<[string, Partial<LogsQuery>]>([
    ["page 0", { page: 0 }],
    ["page 1.5", { page: 1.5 }],
    ["perPage 0", { perPage: 0 }],
    ["perPage 101", { perPage: 101 }],
    ["status FAILED", { status: "FAILED" as LogsQuery["status"] }],
    ["after on 30 February", { after: "2026-02-30T00:00:00Z" }],
    ["after 'yesterday'", { after: "yesterday" }],
    ["after without a zone", { after: "2026-04-17T09:31:00" }],
  ])("refuses %s without calling LeadLex", async (_label, change) => {
    const { client, fetch } = setup(seedLogsBody);
    const error = await rejection(
      client.listWorkflowLogs(API_KEY, "wf_01HY1", { ...defaultLogsQuery, ...change }),
    );
    expect(error.code).toBe("bad_request");
    expect(error.status).toBe(400);
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each(["..", ".", "%2e%2e", "a/b", "a?b", "", "wf_1#x"])(
    "refuses the workflow id %j without calling LeadLex",
    async (id) => {
      const { client, fetch } = setup(seedLogsBody);
      const error = await rejection(client.listWorkflowLogs(API_KEY, id, defaultLogsQuery));
      expect(error.code).toBe("bad_request");
      expect(fetch).not.toHaveBeenCalled();
    },
  );

  it.each<[string, unknown]>([
    ["no data", { meta: seedLogsBody.meta }],
    ["logs not an array", { data: { logs: {} }, meta: seedLogsBody.meta }],
    [
      "an unknown status",
      { data: { logs: [{ ...seedLogEntry, status: "FAILED" }] }, meta: seedLogsBody.meta },
    ],
    [
      "an unparseable triggered_at",
      { data: { logs: [{ ...seedLogEntry, triggered_at: "soon" }] }, meta: seedLogsBody.meta },
    ],
    ["no meta", { data: seedLogsBody.data }],
    ["the workflows shape", { data: { workflows: [] }, meta: seedLogsBody.meta }],
    ["null", null],
  ])("answers upstream_invalid_response for a 200 with %s", async (_label, body) => {
    const { client } = setup(body);
    const error = await rejection(client.listWorkflowLogs(API_KEY, "wf_01HY1", defaultLogsQuery));
    expect(error.code).toBe("upstream_invalid_response");
    expect(error.requestId).toBe(REQUEST_ID);
  });

  it("maps an upstream 404 to not_found", async () => {
    const { client } = setup({ error: { code: "not_found", message: "Workflow not found" } }, 404);
    const error = await rejection(client.listWorkflowLogs(API_KEY, "wf_gone", defaultLogsQuery));
    expect(error.code).toBe("not_found");
  });
});

describe("listWorkflows", () => {
  const listBody = {
    data: { workflows: [wireWorkflow] },
    meta: { page: 1, per_page: 25, total: 1 },
  };

  it("calls the workflows endpoint with only the values that are set", async () => {
    const { client, calledUrl } = setup(listBody);
    await client.listWorkflows(API_KEY, defaultWorkflowsQuery);
    expect(calledUrl()).toBe(`${BASE_URL}/v1/workflows?page=1&per_page=25`);
  });

  it("sends enabled=false, the entity and the search text as single values", async () => {
    const { client, calledUrl } = setup(listBody);
    await client.listWorkflows(API_KEY, {
      page: 2,
      perPage: 10,
      enabled: false,
      entity: "deal",
      search: "won & lost&enabled=true",
    });
    const url = new URL(calledUrl());
    expect(url.pathname).toBe("/functions/v1/api-gateway/v1/workflows");
    expect([...url.searchParams]).toEqual([
      ["page", "2"],
      ["per_page", "10"],
      ["enabled", "false"],
      ["condition_entity", "deal"],
      ["search", "won & lost&enabled=true"],
    ]);
  });

  it("reshapes the workflows, meta, quota and request id", async () => {
    const { client } = setup(listBody);
    expect(await client.listWorkflows(API_KEY, defaultWorkflowsQuery)).toEqual({
      workflows: [workflowSummary],
      meta: { page: 1, perPage: 25, total: 1 },
      rateLimit: RATE_LIMIT,
      requestId: REQUEST_ID,
    });
  });

  it("fills documented defaults for fields a list item leaves out", async () => {
    const sparse = {
      id: "wf_2",
      name: "Sparse",
      enabled: false,
      condition_entity: "contact",
      action_type: "webhook",
      condition_value: 5,
    };
    const { client } = setup({ ...listBody, data: { workflows: [sparse] } });
    const page = await client.listWorkflows(API_KEY, defaultWorkflowsQuery);
    expect(page.workflows[0]).toEqual({
      id: "wf_2",
      name: "Sparse",
      enabled: false,
      conditionEntity: "contact",
      conditionField: "",
      conditionOperator: "",
      conditionValue: "5",
      actionType: "webhook",
      actionConfig: {},
      maxTriggersPerDay: 100,
      lastTriggeredAt: null,
      createdAt: "",
    });
  });

  it("drops fields LeadLex adds that Runboard does not know", async () => {
    const { client } = setup({
      ...listBody,
      data: { workflows: [{ ...wireWorkflow, owner_email: "extra-field" }] },
    });
    const page = await client.listWorkflows(API_KEY, defaultWorkflowsQuery);
    expect(page.workflows).toEqual([workflowSummary]);
  });

  it.each<[string, Partial<WorkflowsQuery>]>([
    ["page 0", { page: 0 }],
    ["perPage 101", { perPage: 101 }],
    ["search with a control character", { search: "deal\u0000" }],
    ["search with a newline", { search: "deal\nwon" }],
    ["search over 100 characters", { search: "a".repeat(101) }],
    ["an unknown entity", { entity: "invoice" as WorkflowsQuery["entity"] }],
  ])("refuses %s without calling LeadLex", async (_label, change) => {
    const { client, fetch } = setup(listBody);
    const error = await rejection(
      client.listWorkflows(API_KEY, { ...defaultWorkflowsQuery, ...change }),
    );
    expect(error.code).toBe("bad_request");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("answers upstream_invalid_response for a wrong-shaped 200", async () => {
    const { client } = setup({ data: { logs: [] }, meta: listBody.meta });
    const error = await rejection(client.listWorkflows(API_KEY, defaultWorkflowsQuery));
    expect(error.code).toBe("upstream_invalid_response");
  });
});

describe("getWorkflow", () => {
  const expected = {
    ...workflowSummary,
    triggersToday: 3,
    autoDisabledReason: null,
    updatedAt: "2026-04-01T08:00:00Z",
    rateLimit: RATE_LIMIT,
    requestId: REQUEST_ID,
  };

  it("calls the single-workflow endpoint without a query", async () => {
    const { client, calledUrl } = setup({ data: wireWorkflowDetail });
    await client.getWorkflow(API_KEY, "wf_01HY1");
    expect(calledUrl()).toBe(`${BASE_URL}/v1/workflows/wf_01HY1`);
  });

  it("accepts the workflow directly under data, as documented", async () => {
    const { client } = setup({ data: wireWorkflowDetail });
    expect(await client.getWorkflow(API_KEY, "wf_01HY1")).toEqual(expected);
  });

  it("accepts the workflow under data.workflow too", async () => {
    const { client } = setup({ data: { workflow: wireWorkflowDetail } });
    expect(await client.getWorkflow(API_KEY, "wf_01HY1")).toEqual(expected);
  });

  it("keeps an auto-disable reason", async () => {
    const { client } = setup({
      data: { ...wireWorkflowDetail, enabled: false, auto_disabled_reason: "daily_cap_exceeded" },
    });
    const workflow = await client.getWorkflow(API_KEY, "wf_01HY1");
    expect(workflow).toMatchObject({ enabled: false, autoDisabledReason: "daily_cap_exceeded" });
  });

  it("drops fields LeadLex adds that Runboard does not know", async () => {
    const { client } = setup({ data: { ...wireWorkflowDetail, api_secret: "extra-field" } });
    const workflow = await client.getWorkflow(API_KEY, "wf_01HY1");
    expect(workflow).toEqual(expected);
  });

  it.each(["..", "%2e%2e", "a/b", "a b", "x".repeat(65)])(
    "refuses the workflow id %j without calling LeadLex",
    async (id) => {
      const { client, fetch } = setup({ data: wireWorkflowDetail });
      expect((await rejection(client.getWorkflow(API_KEY, id))).code).toBe("bad_request");
      expect(fetch).not.toHaveBeenCalled();
    },
  );

  it("answers upstream_invalid_response for a wrong-shaped 200", async () => {
    const { client } = setup({ data: { workflow: { id: "wf_01HY1" } } });
    const error = await rejection(client.getWorkflow(API_KEY, "wf_01HY1"));
    expect(error.code).toBe("upstream_invalid_response");
    expect(error.requestId).toBe(REQUEST_ID);
  });
});
