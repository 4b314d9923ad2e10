import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/model/app-error";
import { sendWithNodeHttp } from "./node-http-send";
import {
  getUpstreamJson,
  sleepUnlessAborted,
  type Send,
  type TransportDeps,
  type TransportOptions,
  type UpstreamJson,
} from "./transport";

const API_KEY = "wbk_live_abcdefghijklmnopqrstuvwxyz012345";
const PATH = "/functions/v1/api-gateway/v1/workflows";
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

/**
 * What the local stand-in for LeadLex does with one request. The transport under test sends with
 * `sendWithNodeHttp`, the production `Send`, so every answer crosses a real socket.
 */
type Step =
  | { kind: "answer"; status: number; headers: Record<string, string>; body: string | null }
  | { kind: "hang" }
  | { kind: "reset" }
  /** A 200 whose body is written in small chunks with no Content-Length, until the client hangs up. */
  | { kind: "stream"; progress: { written: number; total: number } }
  /** Runs when the request arrives, then never answers (to act while an attempt is under way). */
  | { kind: "hang-after"; run: () => void };

let server: http.Server;
let url: URL;
let steps: Step[] = [];
const received: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    received.push(request.headers);
    const step = steps.shift();
    if (!step) {
      response.writeHead(500).end("test: more requests than steps");
      return;
    }
    switch (step.kind) {
      case "answer":
        response.writeHead(step.status, step.headers).end(step.body ?? undefined);
        return;
      case "reset":
        request.socket.destroy();
        return;
      case "stream":
        streamUntilClosed(response, step.progress);
        return;
      case "hang-after":
        step.run();
        return;
      case "hang":
        return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}${PATH}`);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function streamUntilClosed(
  response: http.ServerResponse,
  progress: { written: number; total: number },
) {
  const chunk = "x".repeat(1_024);
  let closed = false;
  response.on("close", () => (closed = true));
  response.writeHead(200, { "X-Request-ID": REQUEST_ID });
  const writeMore = () => {
    if (closed || progress.written >= progress.total) return void response.end();
    response.write(chunk);
    progress.written += chunk.length;
    setImmediate(writeMore);
  };
  writeMore();
}

interface Harness {
  deps: TransportDeps;
  /** Attempts the transport made, in order. */
  attempts: () => number;
  /** Delays the transport asked to sleep, in order. */
  sleeps: number[];
  /** Fake milliseconds since the call started. */
  elapsed: () => number;
  /** The fake time each attempt started at (relative to the start). */
  attemptStarts: number[];
}

interface HarnessOptions {
  attemptMs?: number;
  random?: number;
  onSleep?: () => void;
  /** Stands in for the network itself, for failures a local socket cannot produce. */
  send?: Send;
}

/**
 * The local server answering with `scripted` in order, a fake clock, and a sleep that advances
 * that clock instead of waiting. Each attempt takes `attemptMs` of fake time.
 */
function harness(
  scripted: Step[],
  { attemptMs = 100, random = 0.5, onSleep, send = sendWithNodeHttp }: HarnessOptions = {},
): Harness {
  steps = [...scripted];
  received.length = 0;
  let now = START_MS;
  const sleeps: number[] = [];
  const attemptStarts: number[] = [];
  return {
    sleeps,
    attemptStarts,
    attempts: () => attemptStarts.length,
    elapsed: () => now - START_MS,
    deps: {
      send: (target, request) => {
        attemptStarts.push(now - START_MS);
        now += attemptMs;
        return send(target, request);
      },
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

function respond(
  status: number,
  body: unknown = { data: { workflows: [] } },
  headers: Record<string, string> = {},
): Step {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return {
    kind: "answer",
    status,
    headers: { "X-Request-ID": REQUEST_ID, "Content-Type": "application/json", ...headers },
    body: status >= 300 && status < 400 ? null : text,
  };
}

const hang: Step = { kind: "hang" };
const reset: Step = { kind: "reset" };

function call(h: Harness, options: Partial<TransportOptions> = {}, signal?: AbortSignal) {
  return getUpstreamJson(url, API_KEY, { ...OPTIONS, ...options }, h.deps, signal);
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

describe("getUpstreamJson: success", () => {
  it("sends one GET with the key, and returns the parsed body and the headers", async () => {
    const h = harness([
      respond(200, { data: { workflows: [{ id: "wf_1" }] } }, DAILY_QUOTA_HEADERS),
    ]);
    const result = await call(h);

    expect(result.body).toEqual({ data: { workflows: [{ id: "wf_1" }] } });
    expect(result.headers.get("x-ratelimit-remaining")).toBe("998");
    expect(h.attempts()).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0]?.authorization).toBe(`Bearer ${API_KEY}`);
    expect(received[0]?.accept).toBe("application/json");
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
    expect(h.attempts()).toBe(2);
    // Full jitter with random() = 0.5 before the first retry: half of 200 ms.
    expect(h.sleeps).toEqual([100]);
  });

  it.each([502, 504])("retries a %i", async (status) => {
    const h = harness([respond(status, "", DAILY_QUOTA_HEADERS), respond(200, { ok: true })]);
    await expect(call(h)).resolves.toMatchObject({ body: { ok: true } });
    expect(h.attempts()).toBe(2);
  });

  it("retries a 429 that names no wait, with jitter", async () => {
    const h = harness([respond(429), respond(200, { ok: true })]);
    await expect(call(h)).resolves.toMatchObject({ body: { ok: true } });
    expect(h.attempts()).toBe(2);
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
    expect(h.attempts()).toBe(1);
    expect(h.sleeps).toEqual([]);
  });

  it("gives up after maxRetries retries with the mapped error", async () => {
    const h = harness([respond(503), respond(503), respond(503), respond(200)]);
    const error = await callFailing(h, { maxRetries: 2 });
    expect(error.code).toBe("upstream_unavailable");
    expect(error.requestId).toBe(REQUEST_ID);
    expect(h.attempts()).toBe(3);
    // Jitter ceilings 200 and 400 ms, random() = 0.5.
    expect(h.sleeps).toEqual([100, 200]);
  });

  it("does not retry at all with maxRetries 0", async () => {
    const h = harness([respond(503), respond(200)]);
    expect((await callFailing(h, { maxRetries: 0 })).code).toBe("upstream_unavailable");
    expect(h.attempts()).toBe(1);
  });

  it("retries a network error, then answers upstream_unavailable", async () => {
    const h = harness([reset, reset, reset]);
    const error = await callFailing(h);
    expect(error.code).toBe("upstream_unavailable");
    expect(error.status).toBe(502);
    expect(h.attempts()).toBe(3);
  });

  it("says the connection was refused when nothing listens at LeadLex's address", async () => {
    const closed = new URL("http://127.0.0.1:1/functions/v1/api-gateway/v1/workflows");
    const h = harness([]);
    const error: unknown = await getUpstreamJson(closed, API_KEY, OPTIONS, h.deps).catch(
      (e: unknown) => e,
    );
    if (!(error instanceof AppError)) throw new Error("expected an AppError");
    expect(error.code).toBe("upstream_unavailable");
    expect(error.message).toMatch(
      /^Runboard could not connect to LeadLex: the connection was refused\./,
    );
    expect(h.attempts()).toBe(3);
  });

  it("says the connection was cut when LeadLex drops it", async () => {
    const error = await callFailing(harness([reset, reset, reset]));
    expect(error.message).toMatch(/^The connection to LeadLex was cut before it answered\./);
  });

  it.each([
    ["ENOTFOUND", /^Runboard could not find LeadLex's server/],
    ["EAI_AGAIN", /^Runboard could not find LeadLex's server/],
    ["EWHATEVER", /^Runboard could not reach LeadLex \(a network error\)\./],
  ])("says how the connection failed (%s), from the error code only", async (code, message) => {
    // DNS failures and unknown codes, which a local socket cannot be made to produce.
    const send: Send = async () => {
      throw Object.assign(new Error(`${code} <secret detail>`), { code });
    };
    const error = await callFailing(harness([], { send }));
    expect(error.code).toBe("upstream_unavailable");
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("secret");
  });

  it("recovers when a network error is followed by an answer", async () => {
    const h = harness([reset, respond(200, { ok: true })]);
    await expect(call(h)).resolves.toMatchObject({ body: { ok: true } });
  });
});

describe("getUpstreamJson: time limits", () => {
  it("aborts an attempt that hangs, retries, then answers upstream_timeout", async () => {
    const h = harness([hang, hang]);
    const error = await callFailing(h, { attemptTimeoutMs: 30, maxRetries: 1 });
    expect(error.code).toBe("upstream_timeout");
    expect(error.status).toBe(504);
    expect(h.attempts()).toBe(2);
  });

  it("says how long it waited, retries included", async () => {
    const h = harness([hang, hang], { attemptMs: 0 });
    const error = await callFailing(h, { attemptTimeoutMs: 30, maxRetries: 1 });
    expect(error.message).toMatch(/^LeadLex did not answer within \d+ s, retries included\./);
  });

  it("recovers when a timed-out attempt is followed by an answer", async () => {
    const h = harness([hang, respond(200, { ok: true })]);
    await expect(call(h, { attemptTimeoutMs: 30 })).resolves.toMatchObject({ body: { ok: true } });
  });

  it("cuts an attempt short when the total budget is smaller than the attempt limit", async () => {
    // Were the attempt limit used, this test would wait a minute and time out.
    const h = harness([hang, respond(200)]);
    const error = await callFailing(h, { attemptTimeoutMs: 60_000, totalTimeoutMs: 30 });
    expect(error.code).toBe("upstream_timeout");
    expect(h.attempts()).toBe(1);
  });

  it("answers rate_limited at once when Retry-After exceeds the budget", async () => {
    const h = harness([respond(429, "", { "Retry-After": "30" }), respond(200)]);
    const error = await callFailing(h, { totalTimeoutMs: 10_000 });
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(30);
    expect(error.toBody().error.retryAfterSeconds).toBe(30);
    expect(h.sleeps).toEqual([]);
    expect(h.attempts()).toBe(1);
  });

  it("waits out a Retry-After that fits in the budget, then retries", async () => {
    const h = harness([respond(429, "", { "Retry-After": "1" }), respond(200, { ok: true })]);
    await expect(call(h)).resolves.toMatchObject({ body: { ok: true } });
    expect(h.sleeps).toEqual([1_000]);
    expect(h.attempts()).toBe(2);
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
    expect(h.attempts()).toBe(1);
  });

  it("retries a per-minute 429 without Retry-After with jittered backoff", async () => {
    const h = harness([respond(429, "", DAILY_QUOTA_HEADERS), respond(200)]);
    await getUpstreamJson(url, API_KEY, OPTIONS, h.deps);
    expect(h.attempts()).toBe(2);
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
    expect(h.attempts()).toBe(2);
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
    expect(h.attempts()).toBeGreaterThan(2);
    const slept = h.sleeps.reduce((sum, ms) => sum + ms, 0);
    const attempted = h.attempts() * attemptMs;
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
    expect(h.attempts()).toBe(1);
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
    expect(h.attempts()).toBe(1);
  });

  it("stops reading a streamed body without Content-Length once it exceeds the cap", async () => {
    const progress = { written: 0, total: 4 * 1024 * 1024 };
    const h = harness([{ kind: "stream", progress }, respond(200)]);
    const error = await callFailing(h, { maxResponseBytes: 1_024 });
    expect(error.code).toBe("upstream_invalid_response");
    expect(error.requestId).toBe(REQUEST_ID);
    expect(h.attempts()).toBe(1);
    // The connection was dropped: the server stopped long before the whole body.
    await vi.waitFor(() => expect(progress.written).toBeLessThan(progress.total));
  });

  it("refuses truncated JSON, keeping the request id", async () => {
    const h = harness([respond(200, '{"data":{"logs":[{"id":"wfl_1"'), respond(200)]);
    const error = await callFailing(h);
    expect(error.code).toBe("upstream_invalid_response");
    expect(error.requestId).toBe(REQUEST_ID);
    expect(h.attempts()).toBe(1);
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
    const h = harness([{ kind: "hang-after", run: () => controller.abort(reason) }, respond(200)]);
    await expect(call(h, {}, controller.signal)).rejects.toBe(reason);
    expect(h.attempts()).toBe(1);
    expect(h.sleeps).toEqual([]);
  });

  it("stops when the caller gives up during the wait before a retry", async () => {
    const controller = new AbortController();
    const reason = new Error("client went away");
    const h = harness([respond(503), respond(200)], { onSleep: () => controller.abort(reason) });
    await expect(call(h, {}, controller.signal)).rejects.toBe(reason);
    expect(h.attempts()).toBe(1);
  });

  it("does not retry when the caller had already given up", async () => {
    const controller = new AbortController();
    controller.abort(new Error("client went away"));
    const h = harness([respond(200), respond(200), respond(200)]);
    await expect(call(h, {}, controller.signal)).rejects.toThrow("client went away");
    expect(h.attempts()).toBe(1);
  });
});

describe("getUpstreamJson: no key in errors", () => {
  const echoKey = JSON.stringify({
    error: { code: "invalid_key", message: `Key ${API_KEY} has expired` },
  });
  const keyInNetworkError: Send = async () => {
    throw Object.assign(new Error(`connect ECONNREFUSED ${API_KEY}`), { code: "ECONNREFUSED" });
  };
  it.each<[string, Step[], Send | undefined]>([
    ["401 echoing the key", [respond(401, echoKey)], undefined],
    ["403", [respond(403, echoKey)], undefined],
    ["500 echoing the key", [respond(500, echoKey)], undefined],
    ["429", [respond(429, echoKey, { "Retry-After": "60" })], undefined],
    [
      "redirect",
      [respond(302, null, { Location: `https://evil.example/?k=${API_KEY}` })],
      undefined,
    ],
    ["network error", [], keyInNetworkError],
    ["invalid JSON", [respond(200, `{"key":"${API_KEY}"`)], undefined],
    ["too large", [respond(200, `"${API_KEY}${"x".repeat(2_000)}"`)], undefined],
  ])("%s", async (_label, scripted, send) => {
    const h = harness(scripted, { send });
    const error = await callFailing(h, { maxResponseBytes: 1_024 });
    expect(error.message).not.toContain(API_KEY);
    expect(JSON.stringify(error.toBody())).not.toContain(API_KEY);
    expect(JSON.stringify(error.toBody())).not.toContain("wbk_");
  });
});

describe("sleepUnlessAborted", () => {
  it("waits the time asked, and no longer", async () => {
    vi.useFakeTimers();
    try {
      let done = false;
      const sleeping = sleepUnlessAborted(20).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(19);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await sleeping;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("ends early with the abort reason when the caller gives up", async () => {
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      const reason = new Error("client went away");
      const sleeping = sleepUnlessAborted(5_000, controller.signal);
      await vi.advanceTimersByTimeAsync(5);
      controller.abort(reason);
      await expect(sleeping).rejects.toBe(reason);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not start waiting when the caller has already given up", async () => {
    const controller = new AbortController();
    const reason = new Error("client went away");
    controller.abort(reason);
    await expect(sleepUnlessAborted(5_000, controller.signal)).rejects.toBe(reason);
  });
});
