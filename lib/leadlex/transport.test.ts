import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/model/app-error";
import {
  getUpstreamJson,
  sendViaFetch,
  sleepUnlessAborted,
  type TransportDeps,
  type TransportOptions,
  type UpstreamJson,
} from "./transport";

const API_KEY = "wbk_live_abcdefghijklmnopqrstuvwxyz012345";
const URL_ = new URL("http://127.0.0.1:4010/functions/v1/api-gateway/v1/workflows");
const REQUEST_ID = "req_01HY1K0E7V8Q0YXH7DSTX5B3CA";
const START_MS = Date.UTC(2026, 3, 17, 9, 31, 0);
/** What every LeadLex response carries: the daily counter, resetting at the next UTC midnight. */
const DAILY_QUOTA_HEADERS = {
  "X-RateLimit-Limit": "1000",
  "X-RateLimit-Remaining": "998",
  "X-RateLimit-Reset": String(Date.UTC(2026, 3, 18) / 1000),
};

const OPTIONS: TransportOptions = {
  attemptTimeoutMs: 5_000,
  totalTimeoutMs: 10_000,
  maxRetries: 2,
  maxResponseBytes: 1024 * 1024,
};

type Step = Response | Error | ((init: RequestInit | undefined) => Promise<Response>);

interface Harness {
  deps: TransportDeps;
  fetch: ReturnType<typeof vi.fn<typeof fetch>>;
  /** Delays the transport asked to sleep, in order. */
  sleeps: number[];
  /** Fake milliseconds since the call started. */
  elapsed: () => number;
  /** Each fetch call, with the fake time it started at (relative to the start). */
  attemptStarts: number[];
}

/**
 * A fake network answering with `steps` in order, a fake clock, and a sleep that advances that clock
 * instead of waiting. Each attempt takes `attemptMs` of fake time.
 */
function harness(
  steps: Step[],
  { attemptMs = 100, random = 0.5, onSleep }: HarnessOptions = {},
): Harness {
  let now = START_MS;
  const sleeps: number[] = [];
  const attemptStarts: number[] = [];
  const remaining = [...steps];
  const fakeFetch = vi.fn<typeof fetch>(async (_input, init) => {
    attemptStarts.push(now - START_MS);
    const step = remaining.shift();
    if (step === undefined) throw new Error("test: fetch called more often than expected");
    if (init?.signal?.aborted) throw init.signal.reason;
    now += attemptMs;
    if (step instanceof Error) throw step;
    if (typeof step === "function") return step(init);
    return step;
  });
  return {
    fetch: fakeFetch,
    sleeps,
    attemptStarts,
    elapsed: () => now - START_MS,
    deps: {
      send: sendViaFetch(fakeFetch),
      now: () => now,
      random: () => random,
      sleep: async (ms, signal) => {
        sleeps.push(ms);
        onSleep?.();
        // Like the real sleep: an aborted caller ends the wait with the abort reason.
        if (signal?.aborted) throw signal.reason;
        now += ms;
      },
    },
  };
}

interface HarnessOptions {
  attemptMs?: number;
  random?: number;
  onSleep?: () => void;
}

function respond(
  status: number,
  body: unknown = { data: { workflows: [] } },
  headers: Record<string, string> = {},
): Response {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return new Response(status >= 300 && status < 400 ? null : text, {
    status,
    headers: { "X-Request-ID": REQUEST_ID, "Content-Type": "application/json", ...headers },
  });
}

function call(h: Harness, options: Partial<TransportOptions> = {}, signal?: AbortSignal) {
  return getUpstreamJson(URL_, API_KEY, { ...OPTIONS, ...options }, h.deps, signal);
}

async function callFailing(
  h: Harness,
  options: Partial<TransportOptions> = {},
  signal?: AbortSignal,
): Promise<AppError> {
  let result: UpstreamJson;
  try {
    result = await call(h, options, signal);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error(`expected a failure, got ${JSON.stringify(result.body)}`);
}

function fetchInit(h: Harness, index: number): RequestInit {
  const call_ = h.fetch.mock.calls[index];
  if (!call_) throw new Error(`test: no fetch call #${index}`);
  return call_[1] ?? {};
}

/** A fetch that never answers and, like the real one, rejects with the reason once aborted. */
function hangUntilAborted(init: RequestInit | undefined): Promise<Response> {
  return new Promise((_resolve, reject) => {
    const signal = init?.signal;
    if (!signal) return reject(new Error("test: no signal passed to fetch"));
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

describe("getUpstreamJson: success", () => {
  it("sends the key, refuses redirects and caching, and returns the parsed body", async () => {
    const h = harness([
      respond(200, { data: { workflows: [{ id: "wf_1" }] } }, DAILY_QUOTA_HEADERS),
    ]);
    const result = await call(h);

    expect(result.body).toEqual({ data: { workflows: [{ id: "wf_1" }] } });
    expect(result.headers.get("x-ratelimit-remaining")).toBe("998");
    expect(h.fetch).toHaveBeenCalledTimes(1);
    expect(String(h.fetch.mock.calls[0]?.[0])).toBe(URL_.href);
    const init = fetchInit(h, 0);
    expect(init.method ?? "GET").toBe("GET");
    expect(new Headers(init.headers).get("authorization")).toBe(`Bearer ${API_KEY}`);
    expect(init.redirect).toBe("manual");
    expect(init.cache).toBe("no-store");
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(h.sleeps).toEqual([]);
  });

  it("accepts a body of exactly the size cap", async () => {
    const body = JSON.stringify({ pad: "x".repeat(100) });
    const h = harness([respond(200, body)]);
    const result = await call(h, { maxResponseBytes: Buffer.byteLength(body) });
    expect(result.body).toEqual({ pad: "x".repeat(100) });
  });
});

describe("getUpstreamJson: retries", () => {
  it("succeeds after exactly one retry when a 503 is followed by a 200", async () => {
    const h = harness([respond(503, "", DAILY_QUOTA_HEADERS), respond(200, { ok: true })]);
    const result = await call(h);
    expect(result.body).toEqual({ ok: true });
    expect(h.fetch).toHaveBeenCalledTimes(2);
    // Full jitter with random() = 0.5 before the first retry: half of 200 ms.
    expect(h.sleeps).toEqual([100]);
  });

  it.each([502, 504])("retries a %i", async (status) => {
    const h = harness([respond(status, "", DAILY_QUOTA_HEADERS), respond(200, { ok: true })]);
    await expect(call(h)).resolves.toMatchObject({ body: { ok: true } });
    expect(h.fetch).toHaveBeenCalledTimes(2);
  });

  it("retries a 429 that names no wait, with jitter", async () => {
    const h = harness([respond(429), respond(200, { ok: true })]);
    await expect(call(h)).resolves.toMatchObject({ body: { ok: true } });
    expect(h.fetch).toHaveBeenCalledTimes(2);
    expect(h.sleeps).toEqual([100]);
  });

  it.each([
    [500, "upstream_unavailable"],
    [400, "bad_request"],
    [401, "invalid_key"],
    [403, "insufficient_permissions"],
    [404, "not_found"],
  ])("does not retry a %i (answers %s at once)", async (status, code) => {
    const h = harness([respond(status, { error: { code: "x", message: "no" } }), respond(200)]);
    const error = await callFailing(h);
    expect(error.code).toBe(code);
    expect(error.requestId).toBe(REQUEST_ID);
    expect(h.fetch).toHaveBeenCalledTimes(1);
    expect(h.sleeps).toEqual([]);
  });

  it("gives up after maxRetries retries with the mapped error", async () => {
    const h = harness([respond(503), respond(503), respond(503), respond(200)]);
    const error = await callFailing(h, { maxRetries: 2 });
    expect(error.code).toBe("upstream_unavailable");
    expect(error.requestId).toBe(REQUEST_ID);
    expect(h.fetch).toHaveBeenCalledTimes(3);
    // Jitter ceilings 200 and 400 ms, random() = 0.5.
    expect(h.sleeps).toEqual([100, 200]);
  });

  it("does not retry at all with maxRetries 0", async () => {
    const h = harness([respond(503), respond(200)]);
    expect((await callFailing(h, { maxRetries: 0 })).code).toBe("upstream_unavailable");
    expect(h.fetch).toHaveBeenCalledTimes(1);
  });

  it("retries a network error, then answers upstream_unavailable", async () => {
    const h = harness([
      new TypeError("fetch failed"),
      new TypeError("fetch failed"),
      new TypeError("fetch failed"),
    ]);
    const error = await callFailing(h);
    expect(error.code).toBe("upstream_unavailable");
    expect(error.status).toBe(502);
    expect(h.fetch).toHaveBeenCalledTimes(3);
  });

  it.each([
    ["ECONNREFUSED", /^Runboard could not connect to LeadLex: the connection was refused\./],
    ["ENOTFOUND", /^Runboard could not find LeadLex's server/],
    ["UND_ERR_SOCKET", /^The connection to LeadLex was cut before it answered\./],
    ["ECONNRESET", /^The connection to LeadLex was cut before it answered\./],
    ["EWHATEVER", /^Runboard could not reach LeadLex \(a network error\)\./],
  ])("says how the connection failed (%s), from the error code only", async (code, message) => {
    const failure = () =>
      new TypeError("fetch failed", {
        cause: Object.assign(new Error(`${code} <secret detail>`), { code }),
      });
    const h = harness([failure(), failure(), failure()]);
    const error = await callFailing(h);
    expect(error.code).toBe("upstream_unavailable");
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("secret");
  });

  it("recovers when a network error is followed by an answer", async () => {
    const h = harness([new TypeError("fetch failed"), respond(200, { ok: true })]);
    await expect(call(h)).resolves.toMatchObject({ body: { ok: true } });
  });
});

describe("getUpstreamJson: time limits", () => {
  it("aborts an attempt that hangs, retries, then answers upstream_timeout", async () => {
    const h = harness([hangUntilAborted, hangUntilAborted]);
    const started = performance.now();
    const error = await callFailing(h, { attemptTimeoutMs: 30, maxRetries: 1 });
    expect(error.code).toBe("upstream_timeout");
    expect(error.status).toBe(504);
    expect(h.fetch).toHaveBeenCalledTimes(2);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("says how long it waited, retries included", async () => {
    const h = harness([hangUntilAborted, hangUntilAborted], { attemptMs: 0 });
    const error = await callFailing(h, { attemptTimeoutMs: 30, maxRetries: 1 });
    expect(error.message).toMatch(/^LeadLex did not answer within \d+ s, retries included\./);
  });

  it("recovers when a timed-out attempt is followed by an answer", async () => {
    const h = harness([hangUntilAborted, respond(200, { ok: true })]);
    await expect(call(h, { attemptTimeoutMs: 30 })).resolves.toMatchObject({ body: { ok: true } });
  });

  it("cuts an attempt short when the total budget is smaller than the attempt limit", async () => {
    const h = harness([hangUntilAborted, respond(200)]);
    const started = performance.now();
    const error = await callFailing(h, { attemptTimeoutMs: 60_000, totalTimeoutMs: 30 });
    expect(error.code).toBe("upstream_timeout");
    expect(h.fetch).toHaveBeenCalledTimes(1);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("answers rate_limited at once when Retry-After exceeds the budget", async () => {
    const h = harness([respond(429, "", { "Retry-After": "30" }), respond(200)]);
    const error = await callFailing(h, { totalTimeoutMs: 10_000 });
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(30);
    expect(error.toBody().error.retryAfterSeconds).toBe(30);
    expect(h.sleeps).toEqual([]);
    expect(h.fetch).toHaveBeenCalledTimes(1);
  });

  it("waits out a Retry-After that fits in the budget, then retries", async () => {
    const h = harness([respond(429, "", { "Retry-After": "1" }), respond(200, { ok: true })]);
    await expect(call(h)).resolves.toMatchObject({ body: { ok: true } });
    expect(h.sleeps).toEqual([1_000]);
    expect(h.fetch).toHaveBeenCalledTimes(2);
  });

  it("honours Retry-After on a 503", async () => {
    const h = harness([respond(503, "", { "Retry-After": "2" }), respond(200, { ok: true })]);
    await expect(call(h)).resolves.toMatchObject({ body: { ok: true } });
    expect(h.sleeps).toEqual([2_000]);
  });

  it("does not retry a 429 when the daily quota is spent and resets far away", async () => {
    const h = harness([
      respond(429, "", { ...DAILY_QUOTA_HEADERS, "X-RateLimit-Remaining": "0" }),
      respond(200),
    ]);
    const error = await callFailing(h);
    expect(error.code).toBe("rate_limited");
    // 09:31:00.100 (one 100 ms attempt in) to midnight UTC, rounded up.
    expect(error.retryAfterSeconds).toBe(14 * 3600 + 29 * 60);
    expect(h.sleeps).toEqual([]);
    expect(h.fetch).toHaveBeenCalledTimes(1);
  });

  it("retries a per-minute 429 without Retry-After with jittered backoff", async () => {
    const h = harness([respond(429, "", DAILY_QUOTA_HEADERS), respond(200)]);
    await getUpstreamJson(URL_, API_KEY, OPTIONS, h.deps);
    expect(h.fetch).toHaveBeenCalledTimes(2);
    expect(h.sleeps).toHaveLength(1);
  });

  it("stops retrying when the next server-given wait no longer fits", async () => {
    const h = harness([
      respond(503, "", { "Retry-After": "2" }),
      respond(503, "", { "Retry-After": "2" }),
      respond(200),
    ]);
    const error = await callFailing(h, { totalTimeoutMs: 3_000, maxRetries: 5 });
    expect(error.code).toBe("upstream_unavailable");
    expect(h.sleeps).toEqual([2_000]);
    expect(h.fetch).toHaveBeenCalledTimes(2);
  });

  it.each([
    ["server-given waits", { "Retry-After": "1" }, 0.5],
    ["maximal jitter", {}, 0.999],
  ])("never sleeps past the total budget (%s)", async (_label, headers, random) => {
    const attemptMs = 200;
    const h = harness(
      Array.from({ length: 60 }, () => respond(503, "", headers)),
      { attemptMs, random },
    );
    const totalTimeoutMs = 10_000;
    const error = await callFailing(h, { totalTimeoutMs, maxRetries: 50 });

    expect(error.code).toBe("upstream_unavailable");
    expect(h.fetch.mock.calls.length).toBeGreaterThan(2);
    const slept = h.sleeps.reduce((sum, ms) => sum + ms, 0);
    const attempted = h.fetch.mock.calls.length * attemptMs;
    expect(slept + attempted).toBe(h.elapsed());
    expect(h.elapsed()).toBeLessThan(totalTimeoutMs);
    // Every attempt still had time for a useful try.
    for (const start of h.attemptStarts) expect(totalTimeoutMs - start).toBeGreaterThanOrEqual(250);
  });
});

describe("getUpstreamJson: bodies it refuses", () => {
  it("treats a redirect as an invalid response and never follows it", async () => {
    const h = harness([
      respond(302, null, { Location: "https://evil.example/steal" }),
      respond(200),
    ]);
    const error = await callFailing(h);
    expect(error.code).toBe("upstream_invalid_response");
    expect(error.requestId).toBe(REQUEST_ID);
    expect(error.message).not.toContain("evil.example");
    expect(h.fetch).toHaveBeenCalledTimes(1);
  });

  it("refuses a body whose Content-Length exceeds the cap", async () => {
    const body = JSON.stringify({ pad: "x".repeat(2_000) });
    const h = harness([
      respond(200, body, { "Content-Length": String(Buffer.byteLength(body)) }),
      respond(200),
    ]);
    const error = await callFailing(h, { maxResponseBytes: 1_024 });
    expect(error.code).toBe("upstream_invalid_response");
    expect(error.requestId).toBe(REQUEST_ID);
    expect(h.fetch).toHaveBeenCalledTimes(1);
  });

  it("stops reading a streamed body without Content-Length once it exceeds the cap", async () => {
    const json = new TextEncoder().encode(JSON.stringify({ pad: "x".repeat(16_000) }));
    const chunkSize = 256;
    let offset = 0;
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= json.byteLength) return controller.close();
        controller.enqueue(json.slice(offset, offset + chunkSize));
        offset += chunkSize;
      },
      cancel() {
        cancelled = true;
      },
    });
    const response = new Response(stream, { status: 200, headers: { "X-Request-ID": REQUEST_ID } });
    expect(response.headers.has("content-length")).toBe(false);

    const h = harness([response, respond(200)]);
    const error = await callFailing(h, { maxResponseBytes: 1_024 });
    expect(error.code).toBe("upstream_invalid_response");
    expect(error.requestId).toBe(REQUEST_ID);
    expect(cancelled).toBe(true);
    expect(offset).toBeLessThan(4 * 1_024);
    expect(h.fetch).toHaveBeenCalledTimes(1);
  });

  it("refuses truncated JSON, keeping the request id", async () => {
    const h = harness([respond(200, '{"data":{"logs":[{"id":"wfl_1"'), respond(200)]);
    const error = await callFailing(h);
    expect(error.code).toBe("upstream_invalid_response");
    expect(error.requestId).toBe(REQUEST_ID);
    expect(h.fetch).toHaveBeenCalledTimes(1);
  });

  it("refuses an empty 200 body", async () => {
    const h = harness([respond(200, "")]);
    expect((await callFailing(h)).code).toBe("upstream_invalid_response");
  });
});

describe("getUpstreamJson: the caller's signal", () => {
  it("stops at once when the caller gives up during an attempt", async () => {
    const controller = new AbortController();
    const reason = new Error("client went away");
    const h = harness([
      (init) => {
        const pending = hangUntilAborted(init);
        controller.abort(reason);
        return pending;
      },
      respond(200),
    ]);
    await expect(call(h, {}, controller.signal)).rejects.toBe(reason);
    expect(h.fetch).toHaveBeenCalledTimes(1);
    expect(h.sleeps).toEqual([]);
  });

  it("stops when the caller gives up during the wait before a retry", async () => {
    const controller = new AbortController();
    const reason = new Error("client went away");
    const h = harness([respond(503), respond(200)], { onSleep: () => controller.abort(reason) });
    await expect(call(h, {}, controller.signal)).rejects.toBe(reason);
    expect(h.fetch).toHaveBeenCalledTimes(1);
  });

  it("does not retry when the caller had already given up", async () => {
    const controller = new AbortController();
    controller.abort(new Error("client went away"));
    const h = harness([respond(200), respond(200), respond(200)]);
    await expect(call(h, {}, controller.signal)).rejects.toThrow("client went away");
    expect(h.fetch).toHaveBeenCalledTimes(1);
  });
});

describe("getUpstreamJson: no key in errors", () => {
  const echoKey = JSON.stringify({
    error: { code: "invalid_key", message: `Key ${API_KEY} has expired` },
  });
  it.each<[string, Step[]]>([
    ["401 echoing the key", [respond(401, echoKey)]],
    ["403", [respond(403, echoKey)]],
    ["500 echoing the key", [respond(500, echoKey)]],
    ["429", [respond(429, echoKey, { "Retry-After": "60" })]],
    ["redirect", [respond(302, null, { Location: `https://evil.example/?k=${API_KEY}` })]],
    ["network error", [1, 2, 3].map(() => new TypeError(`fetch failed ${API_KEY}`))],
    ["invalid JSON", [respond(200, `{"key":"${API_KEY}"`)]],
    ["too large", [respond(200, `"${API_KEY}${"x".repeat(2_000)}"`)]],
  ])("%s", async (_label, steps) => {
    const h = harness(steps);
    const error = await callFailing(h, { maxResponseBytes: 1_024 });
    expect(error.message).not.toContain(API_KEY);
    expect(JSON.stringify(error.toBody())).not.toContain(API_KEY);
    expect(JSON.stringify(error.toBody())).not.toContain("wbk_");
  });
});

describe("sleepUnlessAborted", () => {
  it("waits about the time asked", async () => {
    const started = performance.now();
    await sleepUnlessAborted(20);
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
  });

  it("ends early with the abort reason when the caller gives up", async () => {
    const controller = new AbortController();
    const reason = new Error("client went away");
    const started = performance.now();
    const sleeping = sleepUnlessAborted(5_000, controller.signal);
    setTimeout(() => controller.abort(reason), 5);
    await expect(sleeping).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("does not start waiting when the caller has already given up", async () => {
    const controller = new AbortController();
    const reason = new Error("client went away");
    controller.abort(reason);
    const started = performance.now();
    await expect(sleepUnlessAborted(5_000, controller.signal)).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
