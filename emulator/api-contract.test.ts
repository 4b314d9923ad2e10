import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_DOC_ENTRY, WORKFLOW_IDS } from "./data/workflow-catalog";
import { FAULT_IDS } from "./faults";
import { KEYS, rawGet, startTestEmulator, TEST_NOW } from "./testing/test-emulator";
import type {
  DetailBody,
  ErrorBody,
  ListBody,
  LogsBody,
  TestEmulator,
} from "./testing/test-emulator";
import { ACTION_TYPES, ENTITY_TYPES } from "./wire-types";
import type { LogEntry } from "./wire-types";

const LIST_ITEM_FIELDS = [
  "action_config",
  "action_type",
  "condition_entity",
  "condition_field",
  "condition_operator",
  "condition_value",
  "created_at",
  "enabled",
  "id",
  "last_triggered_at",
  "max_triggers_per_day",
  "name",
];
const DETAIL_FIELDS = [
  ...LIST_ITEM_FIELDS,
  "auto_disabled_reason",
  "triggers_today",
  "updated_at",
].sort();
const LOG_FIELDS = [
  "action_result",
  "duration_ms",
  "entity_id",
  "entity_type",
  "error",
  "id",
  "skip_reason",
  "status",
  "triggered_at",
  "workflow_id",
];
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const REQUEST_ID = /^req_[0-9A-HJKMNP-TV-Z]{26}$/;
const NEXT_MIDNIGHT_SEC = String(Date.parse("2026-04-21T00:00:00Z") / 1000);

let emulator: TestEmulator;

beforeAll(async () => {
  // This file makes a few hundred calls; the default Org limit of 200/min would get in the way.
  emulator = await startTestEmulator({ orgLimitPerMin: 100_000 });
});
afterAll(() => emulator.close());

const logs = (path: string, key?: string) => emulator.json<LogsBody>(path, { key });
const list = (query = "", key?: string) =>
  emulator.json<ListBody>(`/v1/workflows${query}`, { key });

/** All runs of a workflow, page by page at 100. */
async function allRuns(id: string, query = ""): Promise<LogEntry[]> {
  const out: LogEntry[] = [];
  for (let page = 1; ; page++) {
    const { body } = await logs(`/v1/workflows/${id}/logs?per_page=100&page=${page}${query}`);
    out.push(...body.data.logs);
    if (out.length >= body.meta.total || body.data.logs.length === 0) return out;
  }
}

function expectNewestFirst(entries: readonly LogEntry[]): void {
  for (let i = 1; i < entries.length; i++) {
    const prev = entries[i - 1];
    const next = entries[i];
    if (prev === undefined || next === undefined) continue;
    const ordered =
      prev.triggered_at > next.triggered_at ||
      (prev.triggered_at === next.triggered_at && prev.id > next.id);
    expect(ordered, `${prev.triggered_at} ${prev.id} before ${next.triggered_at} ${next.id}`).toBe(
      true,
    );
  }
}

describe("GET /v1/workflows", () => {
  it("returns the list envelope with list-item fields only, newest created first", async () => {
    const { status, headers, body } = await list("?per_page=100");
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(Object.keys(body).sort()).toEqual(["data", "meta"]);
    expect(body.meta).toEqual({ page: 1, per_page: 100, total: body.data.workflows.length });
    expect(body.data.workflows.length).toBeGreaterThanOrEqual(8);
    for (const workflow of body.data.workflows) {
      expect(Object.keys(workflow).sort()).toEqual(LIST_ITEM_FIELDS);
      expect(workflow.created_at).toMatch(ISO_SECONDS);
      expect(typeof workflow.action_config).toBe("object");
    }
    const created = body.data.workflows.map((w) => w.created_at);
    expect(created).toEqual([...created].sort().reverse());
  });

  it("covers every action type and entity type, lists wf_big, hides deleted and fault ids", async () => {
    const { body } = await list("?per_page=100");
    const workflows = body.data.workflows;
    expect(new Set(workflows.map((w) => w.action_type))).toEqual(new Set(ACTION_TYPES));
    expect(new Set(workflows.map((w) => w.condition_entity))).toEqual(new Set(ENTITY_TYPES));
    const ids = workflows.map((w) => w.id);
    expect(ids).toContain("wf_big");
    expect(ids).toContain("wf_01HY1");
    expect(ids).not.toContain(WORKFLOW_IDS.deleted);
    for (const faultId of FAULT_IDS) expect(ids).not.toContain(faultId);
    expect(workflows.find((w) => w.id === "wf_01HY1")).toMatchObject({
      name: "Notify owner on lost deals",
      action_type: "send_channel_message",
      condition_entity: "deal",
      condition_field: "stage",
      condition_operator: "changed_to",
      condition_value: "lost",
      action_config: { channel: "slack" },
    });
  });

  it("sets last_triggered_at to the newest run, or null for a workflow that never ran", async () => {
    const { body } = await list("?per_page=100");
    for (const workflow of body.data.workflows) {
      const newest = await logs(`/v1/workflows/${workflow.id}/logs?per_page=1`);
      expect(workflow.last_triggered_at).toBe(newest.body.data.logs[0]?.triggered_at ?? null);
    }
    expect(body.data.workflows.find((w) => w.id === WORKFLOW_IDS.neverRun)?.last_triggered_at).toBe(
      null,
    );
  });

  it("filters by enabled, condition_entity and search (case-insensitive), alone and combined", async () => {
    const all = (await list("?per_page=100")).body.data.workflows;
    const cases: [string, (w: (typeof all)[number]) => boolean][] = [
      ["enabled=true", (w) => w.enabled],
      ["enabled=false", (w) => !w.enabled],
      ["condition_entity=deal", (w) => w.condition_entity === "deal"],
      ["condition_entity=meeting", (w) => w.condition_entity === "meeting"],
      ["search=DEAL", (w) => w.name.toLowerCase().includes("deal")],
      ["search=zzz-nothing", () => false],
      ["enabled=true&condition_entity=deal", (w) => w.enabled && w.condition_entity === "deal"],
      [
        "enabled=false&condition_entity=deal&search=wins",
        (w) => !w.enabled && w.condition_entity === "deal" && w.name.includes("wins"),
      ],
      [
        "search=t&condition_entity=contact",
        (w) => w.condition_entity === "contact" && w.name.toLowerCase().includes("t"),
      ],
    ];
    for (const [query, predicate] of cases) {
      const { status, body } = await list(`?per_page=100&${query}`);
      expect(status, query).toBe(200);
      const expected = all.filter(predicate).map((w) => w.id);
      expect(
        body.data.workflows.map((w) => w.id),
        query,
      ).toEqual(expected);
      expect(body.meta.total, query).toBe(expected.length);
    }
    expect((await list("?enabled=false&per_page=100")).body.meta.total).toBeGreaterThanOrEqual(2);
  });

  it("pages: default 25, pages add up to the total, a page past the end is empty", async () => {
    expect((await list()).body.meta).toMatchObject({ page: 1, per_page: 25 });
    const all = (await list("?per_page=100")).body;
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(all.meta.total / 3); page++) {
      const { body } = await list(`?per_page=3&page=${page}`);
      expect(body.meta).toEqual({ page, per_page: 3, total: all.meta.total });
      seen.push(...body.data.workflows.map((w) => w.id));
    }
    expect(seen).toEqual(all.data.workflows.map((w) => w.id));
    const past = await list("?per_page=3&page=999");
    expect(past.status).toBe(200);
    expect(past.body).toEqual({
      data: { workflows: [] },
      meta: { page: 999, per_page: 3, total: all.meta.total },
    });
  });
});

describe("GET /v1/workflows/{id}", () => {
  it("returns the object under data with the three detail-only fields", async () => {
    const { status, body } = await emulator.json<DetailBody>("/v1/workflows/wf_01HY1");
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(["data"]);
    expect(Object.keys(body.data).sort()).toEqual(DETAIL_FIELDS);
    expect(body.data).toMatchObject({
      id: "wf_01HY1",
      enabled: true,
      auto_disabled_reason: null,
    });
    expect(body.data.updated_at).toMatch(ISO_SECONDS);
    expect(body.data.updated_at >= body.data.created_at).toBe(true);
    const today = await allRuns("wf_01HY1", "&after=2026-04-20");
    expect(body.data.triggers_today).toBe(today.filter((r) => r.status !== "skipped").length);
  });

  it("models disabled, auto-disabled and never-run workflows", async () => {
    const disabled = (await emulator.json<DetailBody>(`/v1/workflows/${WORKFLOW_IDS.disabled}`))
      .body;
    expect(disabled.data).toMatchObject({ enabled: false, auto_disabled_reason: null });
    const since = await logs(`/v1/workflows/${WORKFLOW_IDS.disabled}/logs?per_page=5`);
    expect(since.body.data.logs.every((r) => r.skip_reason === "workflow_disabled")).toBe(true);

    const auto = (await emulator.json<DetailBody>(`/v1/workflows/${WORKFLOW_IDS.autoDisabled}`))
      .body;
    expect(auto.data).toMatchObject({
      enabled: false,
      auto_disabled_reason: "daily_cap_exceeded",
      triggers_today: auto.data.max_triggers_per_day,
    });
    const todayRuns = await allRuns(WORKFLOW_IDS.autoDisabled, "&after=2026-04-20T00:00:00Z");
    const executed = todayRuns.filter((r) => r.status !== "skipped");
    const capped = todayRuns.filter((r) => r.skip_reason === "daily_cap_reached");
    expect(executed).toHaveLength(auto.data.max_triggers_per_day);
    expect(capped.length).toBeGreaterThan(0);
    expect(capped.length + executed.length).toBe(todayRuns.length);
    // Every capped run comes after the last executed one.
    const lastExecuted = executed[0]?.triggered_at ?? "";
    expect(capped.every((r) => r.triggered_at >= lastExecuted)).toBe(true);

    const never = (await emulator.json<DetailBody>(`/v1/workflows/${WORKFLOW_IDS.neverRun}`)).body;
    expect(never.data).toMatchObject({ enabled: true, last_triggered_at: null, triggers_today: 0 });
    const noRuns = await logs(`/v1/workflows/${WORKFLOW_IDS.neverRun}/logs`);
    expect(noRuns.body).toEqual({ data: { logs: [] }, meta: { page: 1, per_page: 25, total: 0 } });
  });

  it("404s a deleted workflow whose logs stay fetchable", async () => {
    const gone = await emulator.json<ErrorBody>(`/v1/workflows/${WORKFLOW_IDS.deleted}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("not_found");
    const history = await logs(`/v1/workflows/${WORKFLOW_IDS.deleted}/logs`);
    expect(history.status).toBe(200);
    expect(history.body.meta.total).toBeGreaterThanOrEqual(200);
    expect(history.body.meta.total).toBeLessThan(1000);
    expect(history.body.data.logs[0]?.workflow_id).toBe(WORKFLOW_IDS.deleted);
  });
});

describe("GET /v1/workflows/{id}/logs", () => {
  it("returns well-formed entries", async () => {
    const { status, body } = await logs("/v1/workflows/wf_big/logs?per_page=100&page=37");
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["data", "meta"]);
    expect(Object.keys(body.data)).toEqual(["logs"]);
    expect(body.meta).toEqual({ page: 37, per_page: 100, total: 1_000_000 });
    const everyStatus = [
      ...body.data.logs,
      ...(await logs("/v1/workflows/wf_01HY1/logs?per_page=100&status=failed")).body.data.logs,
      ...(await logs("/v1/workflows/wf_01HY2/logs?per_page=100&status=failed")).body.data.logs,
      ...(await logs("/v1/workflows/wf_01HY3/logs?per_page=100")).body.data.logs,
      ...(await logs("/v1/workflows/wf_01HY4/logs?per_page=100")).body.data.logs,
    ];
    for (const entry of everyStatus) {
      expect(Object.keys(entry).sort()).toEqual(LOG_FIELDS);
      expect(entry.id).toMatch(/^wfl_[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(entry.triggered_at).toMatch(ISO_SECONDS);
      expect(entry.entity_id.startsWith(`${entry.entity_type}_`)).toBe(true);
      expect(Number.isInteger(entry.duration_ms) && entry.duration_ms >= 0).toBe(true);
      if (entry.status === "success") {
        expect(entry).toMatchObject({ skip_reason: null, error: null });
        expect(entry.action_result).not.toBeNull();
      } else if (entry.status === "failed") {
        expect(entry.skip_reason).toBeNull();
        expect(typeof entry.error?.code).toBe("string");
        expect(typeof entry.error?.message).toBe("string");
      } else {
        expect(entry).toMatchObject({ action_result: null, error: null });
        expect(entry.skip_reason).toMatch(/^(condition_not_met|duplicate_event)$/);
        expect(entry.duration_ms).toBeLessThan(50);
      }
    }
    const slack = everyStatus.find((e) => e.workflow_id === "wf_01HY1" && e.status === "failed");
    expect(slack?.error?.code).toMatch(
      /^(channel_not_found|not_in_channel|rate_limited|template_render_error)$/,
    );
  });

  it("serves the seed doc's example entry verbatim at its fixed timestamp", async () => {
    const since = await logs("/v1/workflows/wf_01HY1/logs?per_page=1&after=2026-04-17T09:31:00Z");
    // Generated ids sort above `wfl_01HY1` within the same second, so it is the last match.
    const response = await emulator.call(
      `/v1/workflows/wf_01HY1/logs?per_page=1&after=2026-04-17T09:31:00Z&page=${since.body.meta.total}`,
    );
    const text = await response.text();
    expect(text).toContain(JSON.stringify(SEED_DOC_ENTRY));
    expect((JSON.parse(text) as LogsBody).data.logs).toEqual([SEED_DOC_ENTRY]);
    const seedAsJson =
      '{"id":"wfl_01HY1","workflow_id":"wf_01HY1","triggered_at":"2026-04-17T09:31:00Z","entity_type":"deal","entity_id":"deal_01HY1","status":"success","skip_reason":null,"action_result":{"slack_message_ts":"1713351031.001200"},"error":null,"duration_ms":412}';
    expect(text).toContain(seedAsJson);
  });

  it("has at least 5,000 runs for wf_01HY1 over the 120 days before now, newest first", async () => {
    const runs = await allRuns("wf_01HY1");
    expect(runs.length).toBeGreaterThanOrEqual(5_000);
    expectNewestFirst(runs);
    const oldest = runs.at(-1)?.triggered_at ?? "";
    expect(Date.parse(oldest)).toBeGreaterThanOrEqual(TEST_NOW.getTime() - 120 * 86_400_000);
    expect(new Set(runs.map((r) => r.id)).size).toBe(runs.length);
    const share = (status: string) => runs.filter((r) => r.status === status).length / runs.length;
    expect(share("failed")).toBeGreaterThan(0.07);
    expect(share("failed")).toBeLessThan(0.13);
    expect(share("skipped")).toBeGreaterThan(0.11);
    expect(share("skipped")).toBeLessThan(0.19);
    // Every filter and combination, against the full list filtered here.
    const filters: [string, (r: LogEntry) => boolean][] = [
      ["&status=success", (r) => r.status === "success"],
      ["&status=failed", (r) => r.status === "failed"],
      ["&status=skipped", (r) => r.status === "skipped"],
      ["&after=2026-04-01", (r) => r.triggered_at >= "2026-04-01T00:00:00Z"],
      [
        "&after=2026-04-10T12:00:00%2B02:00&status=failed",
        (r) => r.triggered_at >= "2026-04-10T10:00:00Z" && r.status === "failed",
      ],
    ];
    for (const [query, predicate] of filters) {
      const expected = runs.filter(predicate);
      const { body } = await logs(`/v1/workflows/wf_01HY1/logs?per_page=100${query}`);
      expect(body.meta.total, query).toBe(expected.length);
      expect(body.data.logs, query).toEqual(expected.slice(0, 100));
    }
  });

  it("orders ties in the same second by id descending", async () => {
    const pages = await Promise.all(
      [1, 2, 3].map((page) => logs(`/v1/workflows/wf_big/logs?per_page=100&page=${page}`)),
    );
    const entries = pages.flatMap((p) => p.body.data.logs);
    expectNewestFirst(entries);
    const ties = entries.filter((e, i) => entries[i + 1]?.triggered_at === e.triggered_at);
    expect(ties.length).toBeGreaterThan(0);
  });

  it("treats after as inclusive and accepts dates, Z and offsets", async () => {
    const page = (await logs("/v1/workflows/wf_01HY2/logs?per_page=100")).body.data.logs;
    const pivot = page[40];
    expect(pivot).toBeDefined();
    const at = pivot?.triggered_at ?? "";
    const atOrAfter = page.filter((e) => e.triggered_at >= at).length;
    const inclusive = await logs(`/v1/workflows/wf_01HY2/logs?per_page=100&after=${at}`);
    expect(inclusive.body.meta.total).toBe(atOrAfter);
    expect(inclusive.body.data.logs.at(-1)?.triggered_at).toBe(at);
    const oneSecondLater = new Date(Date.parse(at) + 1000).toISOString();
    const exclusive = await logs(`/v1/workflows/wf_01HY2/logs?after=${oneSecondLater}`);
    expect(exclusive.body.meta.total).toBe(page.filter((e) => e.triggered_at > at).length);
    const shifted = new Date(Date.parse(at) + 2 * 3_600_000).toISOString().slice(0, 19) + "+02:00";
    const offset = await logs(`/v1/workflows/wf_01HY2/logs?after=${encodeURIComponent(shifted)}`);
    expect(offset.body.meta.total).toBe(atOrAfter);
  });

  it("pages logs: the pages add up to the total, a page past the end is empty", async () => {
    const filter = "&status=failed&after=2026-03-01";
    const first = await logs(`/v1/workflows/wf_01HY1/logs?per_page=7${filter}`);
    const total = first.body.meta.total;
    const ids: string[] = [];
    for (let page = 1; page <= Math.ceil(total / 7); page++) {
      const { body } = await logs(`/v1/workflows/wf_01HY1/logs?per_page=7&page=${page}${filter}`);
      expect(body.meta).toEqual({ page, per_page: 7, total });
      ids.push(...body.data.logs.map((e) => e.id));
    }
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    const past = await logs(
      `/v1/workflows/wf_01HY1/logs?per_page=7&page=${Math.ceil(total / 7) + 1}${filter}`,
    );
    expect(past.status).toBe(200);
    expect(past.body.data.logs).toEqual([]);
    expect(past.body.meta.total).toBe(total);
  });
});

describe("validation (400 validation_error naming the parameter)", () => {
  const bad: [string, string][] = [
    ["/v1/workflows?page=0", "page"],
    ["/v1/workflows?page=-1", "page"],
    ["/v1/workflows?page=1.5", "page"],
    ["/v1/workflows?page=abc", "page"],
    ["/v1/workflows?page=", "page"],
    ["/v1/workflows?per_page=0", "per_page"],
    ["/v1/workflows?per_page=101", "per_page"],
    ["/v1/workflows?per_page=1e2", "per_page"],
    ["/v1/workflows?enabled=yes", "enabled"],
    ["/v1/workflows?enabled=TRUE", "enabled"],
    ["/v1/workflows?condition_entity=company", "condition_entity"],
    ["/v1/workflows?page=1&page=2", "page"],
    ["/v1/workflows?search=a&search=b", "search"],
    ["/v1/workflows/wf_01HY1/logs?status=ok", "status"],
    ["/v1/workflows/wf_01HY1/logs?status=", "status"],
    ["/v1/workflows/wf_01HY1/logs?status=success&status=failed", "status"],
    ["/v1/workflows/wf_01HY1/logs?per_page=500", "per_page"],
    ["/v1/workflows/wf_01HY1/logs?page=0", "page"],
    ["/v1/workflows/wf_01HY1/logs?after=yesterday", "after"],
    ["/v1/workflows/wf_01HY1/logs?after=2026-04-17T09:31:00", "after"],
    ["/v1/workflows/wf_01HY1/logs?after=2026-02-30", "after"],
    ["/v1/workflows/wf_01HY1/logs?after=2026-04-17T25:00:00Z", "after"],
    ["/v1/workflows/wf_01HY1/logs?after=1713351031", "after"],
    // Query validation comes before "not found".
    ["/v1/workflows/wf_nope/logs?per_page=0", "per_page"],
  ];
  it.each(bad)("%s", async (path, parameter) => {
    const { status, headers, body } = await emulator.json<ErrorBody>(path);
    expect(status).toBe(400);
    expect(headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(body.error.code).toBe("validation_error");
    expect(body.error.message).toContain(`'${parameter}'`);
  });

  it("accepts the documented forms and ignores unknown parameters", async () => {
    for (const path of [
      "/v1/workflows?page=1&per_page=100&enabled=true&condition_entity=task&search=",
      "/v1/workflows?utm_source=x",
      "/v1/workflows/wf_01HY1/logs?per_page=1&status=skipped&after=2026-04-17T09:31:00.500Z",
      "/v1/workflows/wf_01HY1/logs?after=2026-04-17T11:31:00%2B02:00",
      "/v1/workflows/wf_01HY1/logs?after=2026-04-17T04:31-0500",
    ]) {
      expect((await emulator.call(path)).status, path).toBe(200);
    }
  });
});

describe("errors, keys and headers", () => {
  const cases: {
    name: string;
    path: string;
    key?: string | null;
    method?: string;
    headers?: Record<string, string>;
    status: number;
    code: string;
    message?: RegExp;
  }[] = [
    { name: "no header", path: "/v1/workflows", key: null, status: 401, code: "invalid_key" },
    {
      name: "malformed header",
      path: "/v1/workflows",
      key: null,
      headers: { Authorization: "Token wbk_demo_org_full" },
      status: 401,
      code: "invalid_key",
    },
    {
      name: "unknown key",
      path: "/v1/workflows",
      key: "wbk_live_nope",
      status: 401,
      code: "invalid_key",
    },
    {
      name: "expired key",
      path: "/v1/workflows/wf_01HY1/logs",
      key: KEYS.expired,
      status: 401,
      code: "invalid_key",
      message: /expired/,
    },
    {
      name: "no scope",
      path: "/v1/workflows",
      key: KEYS.noScope,
      status: 403,
      code: "insufficient_permissions",
      message: /^Missing read:workflows permission$/,
    },
    {
      name: "no scope beats a bad query",
      path: "/v1/workflows?per_page=0",
      key: KEYS.noScope,
      status: 403,
      code: "insufficient_permissions",
    },
    {
      name: "bad key beats a bad query",
      path: "/v1/workflows?per_page=0",
      key: "wbk_x",
      status: 401,
      code: "invalid_key",
    },
    { name: "unknown workflow", path: "/v1/workflows/wf_nope", status: 404, code: "not_found" },
    {
      name: "unknown workflow logs",
      path: "/v1/workflows/wf_nope/logs",
      status: 404,
      code: "not_found",
    },
    { name: "unknown path", path: "/v1/contacts", status: 404, code: "not_found" },
    {
      name: "extra segment",
      path: "/v1/workflows/wf_01HY1/logs/x",
      status: 404,
      code: "not_found",
    },
    { name: "admin via API prefix", path: "/__emulator/requests", status: 404, code: "not_found" },
    {
      name: "POST",
      path: "/v1/workflows",
      method: "POST",
      status: 405,
      code: "method_not_allowed",
    },
    {
      name: "DELETE logs",
      path: "/v1/workflows/wf_01HY1/logs",
      method: "DELETE",
      status: 405,
      code: "method_not_allowed",
    },
  ];
  it.each(cases)("$name → $status $code", async (c) => {
    const response = await emulator.call(c.path, {
      key: c.key,
      method: c.method,
      headers: c.headers,
    });
    expect(response.status).toBe(c.status);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = (await response.json()) as ErrorBody;
    expect(Object.keys(body)).toEqual(["error"]);
    expect(Object.keys(body.error).sort()).toEqual(["code", "message"]);
    expect(body.error.code).toBe(c.code);
    if (c.message) expect(body.error.message).toMatch(c.message);
    expect(response.headers.get("x-request-id")).toMatch(REQUEST_ID);
    expect(response.headers.get("x-ratelimit-reset")).toBe(NEXT_MIDNIGHT_SEC);
    expect(response.headers.get("x-ratelimit-limit")).toMatch(/^\d+$/);
    expect(response.headers.get("x-ratelimit-remaining")).toMatch(/^\d+$/);
    if (c.status === 401) {
      expect(response.headers.get("x-ratelimit-limit")).toBe("0");
      expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
    }
    if (c.status === 405) expect(response.headers.get("allow")).toBe("GET");
  });

  it("puts the headers on success responses and on 404s outside the API", async () => {
    const ids = new Set<string>();
    for (const path of ["/v1/workflows", "/v1/workflows/wf_01HY1", "/v1/workflows/wf_01HY1/logs"]) {
      const response = await emulator.call(path);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-ratelimit-limit")).toBe("10000");
      expect(Number(response.headers.get("x-ratelimit-remaining"))).toBeLessThan(10_000);
      expect(response.headers.get("x-ratelimit-reset")).toBe(NEXT_MIDNIGHT_SEC);
      ids.add(response.headers.get("x-request-id") ?? "");
    }
    expect(ids.size).toBe(3);
    const outside = await fetch(`${emulator.origin}/favicon.ico`);
    expect(outside.status).toBe(404);
    expect(((await outside.json()) as ErrorBody).error.code).toBe("not_found");
    expect(outside.headers.get("x-request-id")).toMatch(REQUEST_ID);
    expect(outside.headers.get("x-ratelimit-reset")).toBe(NEXT_MIDNIGHT_SEC);
  });

  it("never reaches the admin endpoints through dot segments in an API path", async () => {
    const response = await rawGet(
      emulator.origin,
      "/functions/v1/api-gateway/../../__emulator/requests",
      { Authorization: `Bearer ${KEYS.orgFull}` },
    );
    expect(response.status).toBe(404);
    expect(response.body).not.toContain("requests");
  });

  it("isolates workspaces", async () => {
    const other = (await list("?per_page=100", KEYS.otherWorkspace)).body.data.workflows;
    const mine = (await list("?per_page=100")).body.data.workflows;
    expect(other.length).toBeGreaterThanOrEqual(3);
    const mineIds = new Set(mine.map((w) => w.id));
    const mineNames = new Set(mine.map((w) => w.name));
    expect(other.some((w) => mineIds.has(w.id) || mineNames.has(w.name))).toBe(false);
    for (const path of ["/v1/workflows/wf_01HY1", "/v1/workflows/wf_01HY1/logs"]) {
      const response = await emulator.json<ErrorBody>(path, { key: KEYS.otherWorkspace });
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe("not_found");
    }
    const theirs = other[0]?.id ?? "";
    expect(
      (await emulator.call(`/v1/workflows/${theirs}`, { key: KEYS.otherWorkspace })).status,
    ).toBe(200);
    expect((await emulator.call(`/v1/workflows/${theirs}`)).status).toBe(404);
    expect((await emulator.call(`/v1/workflows/${theirs}/logs`)).status).toBe(404);
    const theirLogs = await logs(`/v1/workflows/${theirs}/logs?per_page=100`, KEYS.otherWorkspace);
    expect(theirLogs.body.meta.total).toBeGreaterThan(0);
    expect(theirLogs.body.data.logs.every((e) => e.workflow_id === theirs)).toBe(true);
  });

  it("lets the starter key read the same workspace as org_full", async () => {
    const starter = await list("", KEYS.starter);
    expect(starter.status).toBe(200);
    expect(starter.headers.get("x-ratelimit-limit")).toBe("100");
    expect(starter.body).toEqual((await list("")).body);
  });
});
