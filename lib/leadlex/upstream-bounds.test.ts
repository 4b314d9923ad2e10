import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/model/app-error";
import { createLeadlexClient, type LeadlexClient } from "./client";
import type { Send } from "./transport";
import {
  assertRowsWithinPage,
  assertWithinJsonBounds,
  MAX_JSON_DEPTH,
  MAX_STRING_LENGTH,
} from "./upstream-bounds";

const REQUEST_ID = "req_01HY1K0E7V8Q0YXH7DSTX5B3CA";
const HEADERS = new Headers({ "content-type": "application/json", "x-request-id": REQUEST_ID });
const QUERY = { page: 1, perPage: 25, status: null, after: null };

function entry(index: number, actionResult: unknown = null) {
  return {
    id: `wfl_${String(index).padStart(6, "0")}`,
    workflow_id: "wf_01HY1",
    triggered_at: "2026-04-17T09:31:00Z",
    entity_type: "deal",
    entity_id: `deal_${index}`,
    status: "success",
    skip_reason: null,
    action_result: actionResult,
    error: null,
    duration_ms: 412,
  };
}

function logsBodyText(logs: string[], perPage = 25): string {
  return `{"data":{"logs":[${logs.join(",")}]},"meta":{"page":1,"per_page":${perPage},"total":${logs.length}}}`;
}

/** An action result `levels` deep, written as text: JSON.stringify itself fails on the deep ones. */
function nestedText(levels: number, shape: "array" | "object" | "mixed"): string {
  let open = "";
  let close = "";
  for (let level = 0; level < levels; level++) {
    const array = shape === "array" || (shape === "mixed" && level % 2 === 0);
    open += array ? "[" : '{"k":';
    close = (array ? "]" : "}") + close;
  }
  return `${open}1${close}`;
}

function entryText(index: number, actionResultText: string): string {
  return JSON.stringify(entry(index)).replace(
    '"action_result":null',
    `"action_result":${actionResultText}`,
  );
}

function clientAnswering(text: string): LeadlexClient {
  const send: Send = async () => ({ status: 200, headers: HEADERS, text });
  return createLeadlexClient(
    {
      baseUrl: "http://127.0.0.1:4010/functions/v1/api-gateway",
      attemptTimeoutMs: 1_000,
      totalTimeoutMs: 2_000,
      maxRetries: 0,
      maxResponseBytes: 4 * 1024 * 1024,
    },
    { send, now: Date.now, sleep: async () => undefined, random: () => 0 },
  );
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected the call to be refused");
}

/** A run's action result starts at level 5: the body, data, logs, the entry, the result. */
const ENVELOPE_LEVELS = 4;

describe("nesting depth", () => {
  const deepest = MAX_JSON_DEPTH - ENVELOPE_LEVELS;

  it.each(["array", "object", "mixed"] as const)(
    "accepts an action result of %s nesting up to the bound, and it serializes",
    async (shape) => {
      const page = await clientAnswering(
        logsBodyText([entryText(1, nestedText(deepest, shape))]),
      ).listWorkflowLogs("wbk_demo_org_full", "wf_01HY1", QUERY);
      expect(page.runs).toHaveLength(1);
      expect(() => JSON.stringify(page)).not.toThrow();
    },
  );

  it.each(
    (["array", "object", "mixed"] as const).flatMap((shape) =>
      [deepest + 1, deepest + 50, 5_000, 8_000, 100_000].map((levels) => [shape, levels] as const),
    ),
  )("refuses %s nesting %i levels deep with the request id", async (shape, levels) => {
    const error = await refusal(
      clientAnswering(logsBodyText([entryText(1, nestedText(levels, shape))])).listWorkflowLogs(
        "wbk_demo_org_full",
        "wf_01HY1",
        QUERY,
      ),
    );
    expect(error.code).toBe("upstream_invalid_response");
    expect(error.requestId).toBe(REQUEST_ID);
    expect(error.message).toContain(`nested more than ${MAX_JSON_DEPTH} levels deep`);
  });

  it("refuses depth anywhere in the body, not only in an action result", () => {
    const deepMeta = `{"data":{"logs":[]},"meta":${nestedText(MAX_JSON_DEPTH, "object")}}`;
    expect(() => assertWithinJsonBounds(deepMeta, HEADERS)).toThrow(AppError);
    expect(() =>
      assertWithinJsonBounds(nestedText(MAX_JSON_DEPTH, "array"), HEADERS),
    ).not.toThrow();
  });

  it("does not count brackets inside strings, escaped quotes included", () => {
    const brackets = JSON.stringify({ text: `${"[{".repeat(1_000)}\\"${"[".repeat(1_000)}` });
    expect(() => assertWithinJsonBounds(brackets, HEADERS)).not.toThrow();
    expect(JSON.parse(brackets)).toHaveProperty("text");
  });
});

describe("string lengths", () => {
  it.each([
    ["a value", (text: string) => JSON.stringify({ blob: text })],
    ["a key", (text: string) => JSON.stringify({ [text]: 1 })],
    ["an array item", (text: string) => JSON.stringify(["a", text])],
    [
      "a deep value",
      (text: string) =>
        `${nestedText(20, "array").slice(0, 20)}${JSON.stringify(text)}${"]".repeat(20)}`,
    ],
  ])("accepts %s of exactly the bound and refuses one character more", async (_label, wrap) => {
    const fits = "x".repeat(MAX_STRING_LENGTH);
    const page = await clientAnswering(logsBodyText([entryText(1, wrap(fits))])).listWorkflowLogs(
      "wbk_demo_org_full",
      "wf_01HY1",
      QUERY,
    );
    expect(page.runs).toHaveLength(1);

    const error = await refusal(
      clientAnswering(logsBodyText([entryText(1, wrap(`${fits}x`))])).listWorkflowLogs(
        "wbk_demo_org_full",
        "wf_01HY1",
        QUERY,
      ),
    );
    expect(error.code).toBe("upstream_invalid_response");
    expect(error.requestId).toBe(REQUEST_ID);
    expect(error.message).toContain(
      "a text of 250,001 characters (Runboard accepts up to 250,000)",
    );
  });

  it("counts a long run of escaped quotes and backslashes as one string, as sent", async () => {
    // Each backslash-quote pair is sent as four characters: \\ and \".
    const tricky = JSON.stringify({ blob: '\\"'.repeat(MAX_STRING_LENGTH / 4) });
    const page = await clientAnswering(logsBodyText([entryText(1, tricky)])).listWorkflowLogs(
      "wbk_demo_org_full",
      "wf_01HY1",
      QUERY,
    );
    expect(page.runs).toHaveLength(1);
    const longer = JSON.stringify({ blob: '\\"'.repeat(MAX_STRING_LENGTH / 4 + 1) });
    const error = await refusal(
      clientAnswering(logsBodyText([entryText(1, longer)])).listWorkflowLogs(
        "wbk_demo_org_full",
        "wf_01HY1",
        QUERY,
      ),
    );
    expect(error.code).toBe("upstream_invalid_response");
  });

  it("bounds the fields of a run too, not only its action result", async () => {
    const long = JSON.stringify({ ...entry(1), entity_id: "d".repeat(MAX_STRING_LENGTH + 1) });
    const error = await refusal(
      clientAnswering(logsBodyText([long])).listWorkflowLogs(
        "wbk_demo_org_full",
        "wf_01HY1",
        QUERY,
      ),
    );
    expect(error.code).toBe("upstream_invalid_response");
  });
});

describe("rows per page", () => {
  const rows = (count: number) =>
    Array.from({ length: count }, (_, index) => JSON.stringify(entry(index)));

  it.each([0, 1, 24, 25])("accepts %i runs for a page of 25", async (count) => {
    const page = await clientAnswering(logsBodyText(rows(count))).listWorkflowLogs(
      "wbk_demo_org_full",
      "wf_01HY1",
      QUERY,
    );
    expect(page.runs).toHaveLength(count);
  });

  it.each([
    [26, 25],
    [101, 100],
    [15_000, 25],
    [2, 1],
  ])("refuses %i runs for a page of %i, saying so", async (count, perPage) => {
    const error = await refusal(
      clientAnswering(logsBodyText(rows(count), perPage)).listWorkflowLogs(
        "wbk_demo_org_full",
        "wf_01HY1",
        { ...QUERY, perPage },
      ),
    );
    expect(error.code).toBe("upstream_invalid_response");
    expect(error.requestId).toBe(REQUEST_ID);
    expect(error.message).toContain(
      `LeadLex sent ${count.toLocaleString("en-US")} runs for a page of ${perPage.toLocaleString("en-US")}`,
    );
  });

  it("refuses a workflow list longer than its page", async () => {
    const workflow = {
      id: "wf_01HY1",
      name: "Notify owner",
      enabled: true,
      condition_entity: "deal",
      action_type: "send_channel_message",
    };
    const text = JSON.stringify({
      data: {
        workflows: Array.from({ length: 11 }, (_, index) => ({ ...workflow, id: `wf_${index}` })),
      },
      meta: { page: 1, per_page: 10, total: 11 },
    });
    const query = { page: 1, perPage: 10, enabled: null, entity: null, search: null };
    const error = await refusal(clientAnswering(text).listWorkflows("wbk_demo_org_full", query));
    expect(error.message).toContain("LeadLex sent 11 workflows for a page of 10");
  });

  it("leaves a body of the wrong shape to the schema", () => {
    for (const body of [null, [], { data: null }, { data: { logs: "nope" } }, { other: 1 }]) {
      expect(() => assertRowsWithinPage(body, "logs", 25, HEADERS)).not.toThrow();
    }
  });
});
