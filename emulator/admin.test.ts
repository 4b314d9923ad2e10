import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RequestLogEntry } from "./request-log";
import { RequestLog } from "./request-log";
import { KEYS, startTestEmulator } from "./testing/test-emulator";
import type { ErrorBody, TestEmulator } from "./testing/test-emulator";

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(async () => {
  expect((await emulator.admin("/__emulator/reset", { method: "POST" })).status).toBe(204);
});

async function requests(): Promise<RequestLogEntry[]> {
  const response = await emulator.admin("/__emulator/requests");
  expect(response.status).toBe(200);
  return ((await response.json()) as { requests: RequestLogEntry[] }).requests;
}

function setLatency(latencyMs: unknown): Promise<Response> {
  return configure({ latencyMs });
}

function configure(config: unknown): Promise<Response> {
  return emulator.admin("/__emulator/config", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(config),
  });
}

describe("GET /__emulator/requests", () => {
  it("logs API requests with the raw target, decoded query, key label and timing", async () => {
    const target =
      "/v1/workflows/wf_01HY1/logs?per_page=500&status=failed&status=x&after=2026-04-17T09%3A31%3A00Z";
    await emulator.call(target);
    await emulator.call("/v1/workflows", { key: KEYS.starter });
    await emulator.call("/v1/workflows", { key: "wbk_live_secret_value" });
    await emulator.call("/v1/workflows", { key: null });
    await emulator.admin("/__emulator/requests");
    await fetch(`${emulator.origin}/not-the-api`);

    const log = await requests();
    expect(log.map((entry) => entry.keyLabel)).toEqual(["org_full", "starter", "unknown", "none"]);
    const [first] = log;
    expect(first).toMatchObject({
      method: "GET",
      rawUrl: `/functions/v1/api-gateway${target}`,
      path: "/functions/v1/api-gateway/v1/workflows/wf_01HY1/logs",
      query: { per_page: ["500"], status: ["failed", "x"], after: ["2026-04-17T09:31:00Z"] },
      status: 400,
    });
    expect(log.map((entry) => entry.status)).toEqual([400, 200, 401, 401]);
    const seqs = log.map((entry) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    for (const entry of log) {
      expect(typeof entry.startedAt).toBe("number");
      expect(entry.finishedAt).toBeGreaterThanOrEqual(entry.startedAt);
      expect(Math.abs(entry.startedAt - Date.now())).toBeLessThan(60_000);
      expect(entry.requestId).toMatch(/^req_[0-9A-HJKMNP-TV-Z]{26}$/);
    }
    const text = JSON.stringify(log);
    expect(text).not.toContain("wbk_");
  });

  it("shows in-flight requests with finishedAt null", async () => {
    const controller = new AbortController();
    const hanging = emulator
      .call("/v1/workflows/wf_fault_hang", { signal: controller.signal })
      .catch(() => "aborted");
    let entry: RequestLogEntry | undefined;
    for (let attempt = 0; attempt < 50 && entry === undefined; attempt++) {
      entry = (await requests()).find((e) => e.path.endsWith("wf_fault_hang"));
    }
    expect(entry).toMatchObject({ status: null, finishedAt: null });
    controller.abort();
    expect(await hanging).toBe("aborted");
  });

  it("proves overlap of concurrent calls through startedAt/finishedAt", async () => {
    expect((await setLatency(150)).status).toBe(200);
    try {
      await Promise.all([emulator.call("/v1/workflows"), emulator.call("/v1/workflows/wf_01HY1")]);
    } finally {
      await setLatency(0);
    }
    const [a, b] = await requests();
    expect(a && b).toBeTruthy();
    if (!a || !b || a.finishedAt === null || b.finishedAt === null) return;
    expect(a.finishedAt - a.startedAt).toBeGreaterThanOrEqual(140);
    expect(a.startedAt < b.finishedAt && b.startedAt < a.finishedAt).toBe(true);
  });

  it("is cleared by DELETE and by reset", async () => {
    await emulator.call("/v1/workflows");
    expect(await requests()).toHaveLength(1);
    expect((await emulator.admin("/__emulator/requests", { method: "DELETE" })).status).toBe(204);
    expect(await requests()).toEqual([]);
    await emulator.call("/v1/workflows");
    await emulator.admin("/__emulator/reset", { method: "POST" });
    expect(await requests()).toEqual([]);
  });
});

describe("POST /__emulator/reset", () => {
  it("clears rate-limit counters and the flaky fault's alternation", async () => {
    for (let i = 0; i < 10; i++) await emulator.call("/v1/workflows", { key: KEYS.starter });
    expect((await emulator.call("/v1/workflows", { key: KEYS.starter })).status).toBe(429);
    expect((await emulator.call("/v1/workflows/wf_fault_flaky")).status).toBe(503);
    await emulator.admin("/__emulator/reset", { method: "POST" });
    const again = await emulator.call("/v1/workflows", { key: KEYS.starter });
    expect(again.status).toBe(200);
    expect(again.headers.get("x-ratelimit-remaining")).toBe("99");
    expect((await emulator.call("/v1/workflows/wf_fault_flaky")).status).toBe(503);
  });
});

describe("POST /__emulator/config", () => {
  it("adds latency to every API answer until set back", async () => {
    expect(await (await setLatency(200)).json()).toEqual({ latencyMs: 200, latencyByWorkflow: {} });
    expect((await emulator.call("/v1/workflows", { key: null })).status).toBe(401);
    await setLatency(0);
    await emulator.call("/v1/workflows");
    // Server-side times from the log: wall-clock round trips would also measure a busy machine.
    const [slow, fast] = (await requests()).map((e) => (e.finishedAt ?? Infinity) - e.startedAt);
    expect(slow).toBeGreaterThanOrEqual(199);
    expect(fast).toBeLessThan(100);
    const current = await emulator.admin("/__emulator/config");
    expect(await current.json()).toEqual({ latencyMs: 0, latencyByWorkflow: {} });
  });

  it.each([[-1], [60_001], ["100"], [null], [Number.NaN]])(
    "rejects latencyMs %s",
    async (value) => {
      const response = await setLatency(value);
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).error.code).toBe("validation_error");
    },
  );

  it("adds latency to one workflow's calls only, on top of latencyMs, until cleared", async () => {
    const slowWorkflow = await configure({ latencyByWorkflow: { wf_01HY3: 200 } });
    expect(slowWorkflow.status).toBe(200);
    expect(await slowWorkflow.json()).toEqual({
      latencyMs: 0,
      latencyByWorkflow: { wf_01HY3: 200 },
    });
    // Setting latencyMs alone leaves the per-workflow map as it is, and the two add up.
    expect((await setLatency(50)).status).toBe(200);
    await emulator.call("/v1/workflows/wf_01HY3");
    await emulator.call("/v1/workflows/wf_01HY3/logs?per_page=5");
    await emulator.call("/v1/workflows/wf_01HY1");
    await emulator.call("/v1/workflows");
    await setLatency(0);
    expect(await (await configure({ latencyByWorkflow: {} })).json()).toEqual({
      latencyMs: 0,
      latencyByWorkflow: {},
    });
    await emulator.call("/v1/workflows/wf_01HY3");

    const durations = (await requests()).map((e) => (e.finishedAt ?? Infinity) - e.startedAt);
    const [detail, logs, other, list, cleared] = durations;
    expect(detail).toBeGreaterThanOrEqual(249);
    expect(logs).toBeGreaterThanOrEqual(249);
    expect(other).toBeGreaterThanOrEqual(49);
    expect(other).toBeLessThan(200);
    expect(list).toBeGreaterThanOrEqual(49);
    expect(list).toBeLessThan(200);
    expect(cleared).toBeLessThan(100);
  });

  it.each([
    ["a negative latency", { latencyByWorkflow: { wf_01HY3: -1 } }],
    ["a latency as a string", { latencyByWorkflow: { wf_01HY3: "300" } }],
    ["an id that is not a workflow id", { latencyByWorkflow: { "../wf": 10 } }],
    ["an array", { latencyByWorkflow: [300] }],
    ["null", { latencyByWorkflow: null }],
    [
      "a valid latencyMs beside a bad map",
      { latencyMs: 10, latencyByWorkflow: { wf_01HY3: 60_001 } },
    ],
    [
      "more than 100 ids",
      {
        latencyByWorkflow: Object.fromEntries(
          Array.from({ length: 101 }, (_, i) => [`wf_${i}`, 1]),
        ),
      },
    ],
    ["an empty object", {}],
  ])("rejects %s and applies none of it", async (_label, body) => {
    const response = await configure(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe("validation_error");
    const current = await emulator.admin("/__emulator/config");
    expect(await current.json()).toEqual({ latencyMs: 0, latencyByWorkflow: {} });
  });

  it("keeps a workflow id like __proto__ as a plain key", async () => {
    const response = await emulator.admin("/__emulator/config", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"latencyByWorkflow":{"__proto__":5,"constructor":7}}',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(
      '{"latencyMs":0,"latencyByWorkflow":{"__proto__":5,"constructor":7}}',
    );
    expect((await configure({ latencyByWorkflow: {} })).status).toBe(200);
  });

  it("rejects a body that is not JSON", async () => {
    const response = await emulator.admin("/__emulator/config", {
      method: "POST",
      body: "latency=5",
    });
    expect(response.status).toBe(400);
  });
});

describe("admin routing", () => {
  it("answers 405 for wrong methods and 404 for unknown admin paths", async () => {
    expect((await emulator.admin("/__emulator/reset")).status).toBe(405);
    expect((await emulator.admin("/__emulator/requests", { method: "POST" })).status).toBe(405);
    expect((await emulator.admin("/__emulator/nope")).status).toBe(404);
  });

  it("is not logged as API traffic", async () => {
    await emulator.admin("/__emulator/config");
    expect(await requests()).toEqual([]);
  });
});

describe("RequestLog", () => {
  it("keeps only the most recent entries", () => {
    const log = new RequestLog(3);
    for (let i = 1; i <= 5; i++) {
      log.start({
        method: "GET",
        rawUrl: `/${i}`,
        path: `/${i}`,
        query: {},
        keyLabel: "none",
        requestId: `req_${i}`,
        startedAt: i,
      });
    }
    expect(log.entries().map((entry) => entry.seq)).toEqual([3, 4, 5]);
    log.clear();
    expect(log.entries()).toEqual([]);
    log.start({
      method: "GET",
      rawUrl: "/",
      path: "/",
      query: {},
      keyLabel: "none",
      requestId: "req_6",
      startedAt: 6,
    });
    expect(log.entries().map((entry) => entry.seq)).toEqual([6]);
  });
});
