import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FAULT_IDS, FaultRegistry } from "./faults";
import {
  DEEP_NESTING_LEVELS,
  LONG_TEXT_LENGTH,
  OVERSIZED_PAGE_ROWS,
  TRICKY_UNICODE,
} from "./hostile-content";
import { KEYS, startTestEmulator, TEST_NOW } from "./testing/test-emulator";
import type { DetailBody, ErrorBody, LogsBody, TestEmulator } from "./testing/test-emulator";

const REQUEST_ID = /^req_[0-9A-HJKMNP-TV-Z]{26}$/;
const TARGETS = ["", "/logs"] as const;

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());

const path = (id: string, target: string) => `/v1/workflows/${id}${target}`;

function expectStandardHeaders(response: Response): void {
  expect(response.headers.get("x-request-id")).toMatch(REQUEST_ID);
  expect(response.headers.get("x-ratelimit-limit")).toBe("10000");
  expect(response.headers.get("x-ratelimit-reset")).toMatch(/^\d+$/);
}

describe.each(TARGETS)("fault ids on /v1/workflows/{id}%s", (target) => {
  it("wf_fault_500 answers 500 internal_error", async () => {
    const response = await emulator.call(path("wf_fault_500", target));
    expect(response.status).toBe(500);
    expectStandardHeaders(response);
    expect(((await response.json()) as ErrorBody).error.code).toBe("internal_error");
  });

  it("wf_fault_flaky alternates 503 and success per key and path", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await emulator.call(path("wf_fault_flaky", target));
      statuses.push(response.status);
      if (response.status === 503) {
        expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
        expect(((await response.json()) as ErrorBody).error.code).toBe("service_unavailable");
      } else if (target === "") {
        expect(((await response.json()) as DetailBody).data).toMatchObject({
          id: "wf_fault_flaky",
        });
      } else {
        const body = (await response.json()) as LogsBody;
        expect(body.data.logs.length).toBeGreaterThan(0);
        expect(body.data.logs[0]?.workflow_id).toBe("wf_fault_flaky");
      }
    }
    expect(statuses).toEqual([503, 200, 503, 200]);
    // Another key starts its own alternation.
    expect(
      (await emulator.call(path("wf_fault_flaky", target), { key: KEYS.starter })).status,
    ).toBe(503);
  });

  it("wf_fault_badjson answers 200 with truncated JSON", async () => {
    const response = await emulator.call(path("wf_fault_badjson", target));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const text = await response.text();
    expect(text.startsWith('{"data":')).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
  });

  it("wf_fault_schema answers 200 with valid JSON of the wrong shape", async () => {
    const response = await emulator.call(path("wf_fault_schema", target));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: unknown };
    expect(body.data).toEqual({ items: "nope" });
  });

  it("wf_fault_html answers 502 text/html with a script and a stack trace", async () => {
    const response = await emulator.call(path("wf_fault_html", target));
    expect(response.status).toBe(502);
    expectStandardHeaders(response);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain("<script>");
    expect(html).toMatch(/at \w+\.\w+ \(/);
  });

  it("wf_fault_redirect answers 302 to a foreign host", async () => {
    const response = await emulator.call(path("wf_fault_redirect", target), { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://evil.example.invalid/steal");
    expectStandardHeaders(response);
  });

  it("wf_fault_429 answers 429 rate_limited with Retry-After: 30", async () => {
    const response = await emulator.call(path("wf_fault_429", target));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(((await response.json()) as ErrorBody).error.code).toBe("rate_limited");
  });

  it("wf_fault_reset destroys the connection", async () => {
    await expect(emulator.call(path("wf_fault_reset", target))).rejects.toThrow(TypeError);
  });

  it.each(["wf_fault_slow", "wf_fault_hang"])("%s has not answered after 300 ms", async (id) => {
    const controller = new AbortController();
    const call = emulator.call(path(id, target), { signal: controller.signal }).then(
      () => "answered",
      () => "aborted",
    );
    expect(await Promise.race([call, sleep(300, "pending")])).toBe("pending");
    controller.abort();
    expect(await call).toBe("aborted");
  });

  it("needs the scope like any workflow", async () => {
    expect((await emulator.call(path("wf_fault_500", target), { key: KEYS.noScope })).status).toBe(
      403,
    );
    expect((await emulator.call(path("wf_fault_500", target), { key: null })).status).toBe(401);
    const otherWorkspace = await emulator.call(path("wf_fault_500", target), {
      key: KEYS.otherWorkspace,
    });
    expect(otherWorkspace.status).toBe(500);
  });
});

it("handles every reserved id, and only those", () => {
  const registry = new FaultRegistry(TEST_NOW.getTime());
  for (const id of FAULT_IDS) expect(registry.resolve(id, "logs", "org_full"), id).not.toBeNull();
  expect(registry.resolve("wf_01HY1", "logs", "org_full")).toBeNull();
  expect(registry.resolve("wf_fault_other", "workflow", "org_full")).toBeNull();
});

describe("wf_fault_hostile", () => {
  it("serves a workflow with markup in its name and extra envelope fields", async () => {
    const response = await emulator.call("/v1/workflows/wf_fault_hostile");
    expect(response.status).toBe(200);
    const body = (await response.json()) as DetailBody & Record<string, unknown>;
    expect(body.data.name).toContain("<img src=x onerror=alert(1)>");
    expect(body.data.id).toBe("wf_fault_hostile");
    expect(body).toHaveProperty("warnings");
  });

  it("serves valid-shape runs with hostile content", async () => {
    const response = await emulator.call("/v1/workflows/wf_fault_hostile/logs?per_page=100");
    expect(response.status).toBe(200);
    const text = await response.text();
    const body = JSON.parse(text) as LogsBody & { meta: Record<string, unknown> };
    const entries = body.data.logs;
    expect(body.meta).toMatchObject({ page: 1, per_page: 100, total: entries.length });
    expect(Object.keys(body.meta).length).toBeGreaterThan(3);
    expect(entries.some((e) => e.error?.message.includes("<script>alert(1)</script>"))).toBe(true);
    expect(text.includes("0123456789".repeat(20_000))).toBe(true);
    expect(entries.some((e) => e.entity_id.length > 5_000)).toBe(true);
    expect(text).toContain(JSON.stringify(TRICKY_UNICODE).slice(1, -1));
    expect(entries.some((e) => Object.keys(e).length > 10)).toBe(true);
    expect(text).toContain('"__proto__"');

    let depth = 0;
    for (const entry of entries) {
      let node: unknown = entry.action_result;
      let levels = 0;
      while (typeof node === "object" && node !== null && "child" in node) {
        node = (node as { child: unknown }).child;
        levels += 1;
      }
      depth = Math.max(depth, levels + 1);
    }
    expect(depth).toBe(60);

    for (const entry of entries) {
      expect(["success", "failed", "skipped"]).toContain(entry.status);
      expect(typeof entry.id).toBe("string");
      expect(Number.isInteger(entry.duration_ms)).toBe(true);
    }
  });
});

describe("oversized shapes: an ordinary workflow whose logs are beyond any sane bound", () => {
  it.each(["wf_fault_deep", "wf_fault_oversized_page", "wf_fault_long_text"])(
    "%s is an ordinary workflow on its own path",
    async (id) => {
      const response = await emulator.call(`/v1/workflows/${id}`);
      expect(response.status).toBe(200);
      expectStandardHeaders(response);
      expect(((await response.json()) as DetailBody).data).toMatchObject({ id, enabled: true });
    },
  );

  it("wf_fault_deep: one run whose action result is nested 8,000 levels deep", async () => {
    const response = await emulator.call("/v1/workflows/wf_fault_deep/logs");
    expect(response.status).toBe(200);
    expectStandardHeaders(response);
    const body = JSON.parse(await response.text()) as LogsBody;
    expect(body.data.logs).toHaveLength(1);
    let node: unknown = body.data.logs[0]?.action_result;
    let levels = 0;
    while (Array.isArray(node)) {
      levels += 1;
      node = node[0];
    }
    expect(levels).toBe(DEEP_NESTING_LEVELS);
  });

  it("wf_fault_oversized_page: 15,000 runs whatever per_page asks, in under 4 MB", async () => {
    for (const query of ["", "?per_page=1", "?page=3&per_page=100"]) {
      const response = await emulator.call(`/v1/workflows/wf_fault_oversized_page/logs${query}`);
      const text = await response.text();
      expect(Buffer.byteLength(text)).toBeLessThan(4 * 1024 * 1024);
      const body = JSON.parse(text) as LogsBody;
      expect(body.data.logs).toHaveLength(OVERSIZED_PAGE_ROWS);
      expect(new Set(body.data.logs.map((entry) => entry.id)).size).toBe(OVERSIZED_PAGE_ROWS);
      expect(body.meta).toEqual({ page: 1, per_page: 25, total: OVERSIZED_PAGE_ROWS });
    }
  });

  it("wf_fault_long_text: one run holding a 1,000,000-character string", async () => {
    const body = (await (
      await emulator.call("/v1/workflows/wf_fault_long_text/logs")
    ).json()) as LogsBody;
    const result = body.data.logs[0]?.action_result as { response_body: string };
    expect(result.response_body).toHaveLength(LONG_TEXT_LENGTH);
  });

  it("wf_fault_429_huge answers 429 with a Retry-After of 999,999,999,999 s", async () => {
    for (const target of TARGETS) {
      const response = await emulator.call(path("wf_fault_429_huge", target));
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toBe("999999999999");
    }
  });
});

describe("closing with requests in flight", () => {
  it("close() returns promptly while slow and hung requests are open", async () => {
    const local = await startTestEmulator();
    const pending = [
      local.call("/v1/workflows/wf_fault_hang").catch(() => "closed"),
      local.call("/v1/workflows/wf_fault_slow/logs").catch(() => "closed"),
      local.call("/v1/workflows/wf_fault_hang/logs").catch(() => "closed"),
    ];
    // All three have reached the server (its log has them, unfinished) before it is closed.
    await vi.waitFor(async () => {
      const log = (await (await local.admin("/__emulator/requests")).json()) as {
        requests: { finishedAt: number | null }[];
      };
      expect(log.requests.filter((entry) => entry.finishedAt === null)).toHaveLength(3);
    });
    // Were close() to wait for the slow and hung answers, this test would time out.
    await local.close();
    expect(await Promise.all(pending)).toEqual(["closed", "closed", "closed"]);
  });
});
