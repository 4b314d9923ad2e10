import { describe, expect, it } from "vitest";
import {
  readRateLimit,
  readRequestId,
  MAX_RETRY_AFTER_SECONDS,
  readRetryAfterHeaderSeconds,
  readRetryAfterSeconds,
} from "./rate-limit-headers";

const REQUEST_ID = "req_01HY1K0E7V8Q0YXH7DSTX5B3CA";
const NOW_MS = Date.UTC(2026, 3, 17, 9, 31, 0);

describe("readRequestId", () => {
  it("accepts the documented req_ + ULID form", () => {
    expect(readRequestId(new Headers({ "X-Request-ID": REQUEST_ID }))).toBe(REQUEST_ID);
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["25 characters", REQUEST_ID.slice(0, -1)],
    ["27 characters", `${REQUEST_ID}0`],
    ["lower case", REQUEST_ID.toLowerCase()],
    ["wrong prefix", REQUEST_ID.replace("req_", "REQ_")],
    ["no prefix", REQUEST_ID.slice(4)],
    ["I (not Crockford)", `req_${"I".repeat(26)}`],
    ["L (not Crockford)", `req_${"L".repeat(26)}`],
    ["O (not Crockford)", `req_${"O".repeat(26)}`],
    ["U (not Crockford)", `req_${"U".repeat(26)}`],
    ["markup", `req_<script>alert(1)</script>`],
    ["two ids", `${REQUEST_ID}, ${REQUEST_ID}`],
  ])("ignores a request id that is %s", (_label, value) => {
    const headers = new Headers();
    if (value !== undefined) headers.set("X-Request-ID", value);
    expect(readRequestId(headers)).toBeNull();
  });
});

function rateLimitHeaders(values: Record<string, string>): Headers {
  return new Headers(values);
}

describe("readRateLimit", () => {
  it("reads limit, remaining and the reset epoch", () => {
    const headers = rateLimitHeaders({
      "X-RateLimit-Limit": "1000",
      "X-RateLimit-Remaining": "998",
      "X-RateLimit-Reset": "1708905600",
    });
    expect(readRateLimit(headers)).toEqual({
      limit: 1000,
      remaining: 998,
      resetAt: "2024-02-26T00:00:00.000Z",
    });
  });

  it("reports an unknown reset as null but keeps the counts", () => {
    const headers = rateLimitHeaders({ "X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "0" });
    expect(readRateLimit(headers)).toEqual({ limit: 100, remaining: 0, resetAt: null });
  });

  it("ignores a garbage reset", () => {
    const headers = rateLimitHeaders({
      "X-RateLimit-Limit": "100",
      "X-RateLimit-Remaining": "5",
      "X-RateLimit-Reset": "tomorrow",
    });
    expect(readRateLimit(headers)?.resetAt).toBeNull();
  });

  it("clamps remaining to the limit", () => {
    const headers = rateLimitHeaders({ "X-RateLimit-Limit": "10", "X-RateLimit-Remaining": "50" });
    expect(readRateLimit(headers)).toMatchObject({ limit: 10, remaining: 10 });
  });

  it.each([
    ["both missing", {}],
    ["limit missing", { "X-RateLimit-Remaining": "5" }],
    ["remaining missing", { "X-RateLimit-Limit": "100" }],
    ["negative remaining", { "X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "-1" }],
    ["negative limit", { "X-RateLimit-Limit": "-100", "X-RateLimit-Remaining": "5" }],
    ["fractional", { "X-RateLimit-Limit": "100.5", "X-RateLimit-Remaining": "5" }],
    ["hex", { "X-RateLimit-Limit": "0x64", "X-RateLimit-Remaining": "5" }],
    ["exponent", { "X-RateLimit-Limit": "1e3", "X-RateLimit-Remaining": "5" }],
    ["text", { "X-RateLimit-Limit": "lots", "X-RateLimit-Remaining": "5" }],
    ["absurdly long", { "X-RateLimit-Limit": "9".repeat(13), "X-RateLimit-Remaining": "5" }],
  ])("returns null when the counts are %s", (_label, values: Record<string, string>) => {
    expect(readRateLimit(rateLimitHeaders(values))).toBeNull();
  });
});

describe("readRetryAfterSeconds", () => {
  it("reads Retry-After as delta seconds", () => {
    expect(readRetryAfterSeconds(new Headers({ "Retry-After": "30" }), NOW_MS)).toBe(30);
  });

  it("reads Retry-After: 0 as no wait", () => {
    expect(readRetryAfterSeconds(new Headers({ "Retry-After": "0" }), NOW_MS)).toBe(0);
  });

  it("reads Retry-After as an HTTP date, rounding up", () => {
    const at = new Date(NOW_MS + 90_500).toUTCString(); // toUTCString drops the 500 ms
    expect(readRetryAfterSeconds(new Headers({ "Retry-After": at }), NOW_MS)).toBe(90);
    const headers = new Headers({ "Retry-After": "Fri, 17 Apr 2026 09:32:00 GMT" });
    expect(readRetryAfterSeconds(headers, NOW_MS - 400)).toBe(61);
  });

  it("reads an HTTP date in the past as no wait", () => {
    const headers = new Headers({ "Retry-After": "Fri, 17 Apr 2026 09:00:00 GMT" });
    expect(readRetryAfterSeconds(headers, NOW_MS)).toBe(0);
  });

  it("prefers Retry-After over X-RateLimit-Reset", () => {
    const headers = new Headers({
      "Retry-After": "12",
      "X-RateLimit-Reset": String(NOW_MS / 1000 + 3_600),
    });
    expect(readRetryAfterSeconds(headers, NOW_MS)).toBe(12);
  });

  it("falls back to X-RateLimit-Reset without Retry-After when the daily quota is spent", () => {
    const headers = new Headers({
      "X-RateLimit-Remaining": "0",
      "X-RateLimit-Reset": String(NOW_MS / 1000 + 3_600),
    });
    expect(readRetryAfterSeconds(headers, NOW_MS)).toBe(3_600);
  });

  it("ignores the daily X-RateLimit-Reset while quota remains (a per-minute limit)", () => {
    const headers = new Headers({
      "X-RateLimit-Remaining": "42",
      "X-RateLimit-Reset": String(NOW_MS / 1000 + 3_600),
    });
    expect(readRetryAfterSeconds(headers, NOW_MS)).toBeNull();
  });

  it("falls back to X-RateLimit-Reset when Retry-After is unreadable", () => {
    const headers = new Headers({
      "Retry-After": "soon",
      "X-RateLimit-Remaining": "0",
      "X-RateLimit-Reset": String(NOW_MS / 1000 + 60),
    });
    expect(readRetryAfterSeconds(headers, NOW_MS)).toBe(60);
  });

  it("reads a reset already passed as no wait", () => {
    const headers = new Headers({
      "X-RateLimit-Remaining": "0",
      "X-RateLimit-Reset": String(NOW_MS / 1000 - 60),
    });
    expect(readRetryAfterSeconds(headers, NOW_MS)).toBe(0);
  });

  it("returns null when neither header is there", () => {
    expect(readRetryAfterSeconds(new Headers(), NOW_MS)).toBeNull();
    expect(readRetryAfterSeconds(new Headers({ "Retry-After": "soon" }), NOW_MS)).toBeNull();
  });
});

describe("readRetryAfterHeaderSeconds", () => {
  it("reads Retry-After only, never the daily X-RateLimit-Reset", () => {
    const reset = String(NOW_MS / 1000 + 3_600);
    expect(
      readRetryAfterHeaderSeconds(new Headers({ "X-RateLimit-Reset": reset }), NOW_MS),
    ).toBeNull();
    expect(
      readRetryAfterHeaderSeconds(
        new Headers({ "Retry-After": "5", "X-RateLimit-Reset": reset }),
        NOW_MS,
      ),
    ).toBe(5);
  });
});

describe("waits beyond a day", () => {
  it("means 86,400 s", () => expect(MAX_RETRY_AFTER_SECONDS).toBe(86_400));

  const DAY = MAX_RETRY_AFTER_SECONDS;
  const farDate = (seconds: number) => new Date(NOW_MS + seconds * 1000).toUTCString();

  it.each([
    ["a day exactly", { "Retry-After": String(DAY) }, DAY],
    ["a day and a second", { "Retry-After": String(DAY + 1) }, DAY],
    ["277,777,777 hours", { "Retry-After": "999999999999" }, DAY],
    ["277,777 hours", { "Retry-After": "999999999" }, DAY],
    ["an HTTP date a year away", { "Retry-After": farDate(365 * DAY) }, DAY],
    ["an HTTP date in 9999", { "Retry-After": "Fri, 31 Dec 9999 23:59:59 GMT" }, DAY],
    [
      "a quota reset a year away",
      { "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": String(NOW_MS / 1000 + 365 * DAY) },
      DAY,
    ],
    ["just under a day", { "Retry-After": String(DAY - 1) }, DAY - 1],
  ])("clamps %s to at most a day", (_label, values, expected) => {
    expect(readRetryAfterSeconds(new Headers(values), NOW_MS)).toBe(expected);
  });

  it("clamps the Retry-After a 503 carries too", () => {
    const headers = new Headers({ "Retry-After": "999999999" });
    expect(readRetryAfterHeaderSeconds(headers, NOW_MS)).toBe(DAY);
  });
});
