import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter";
import { KEYS, startTestEmulator } from "./testing/test-emulator";
import type { ErrorBody, TestEmulator } from "./testing/test-emulator";

const SECONDS_TO_MIDNIGHT = 9.5 * 3_600; // TEST_NOW is 14:30 UTC

describe("per-key rate limits through the API", () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());
  beforeEach(async () => {
    await emulator.admin("/__emulator/reset", { method: "POST" });
  });

  it("refuses the starter key's 11th call in a minute with 429 and Retry-After", async () => {
    const remaining: string[] = [];
    for (let i = 0; i < 10; i++) {
      const response = await emulator.call("/v1/workflows", { key: KEYS.starter });
      expect(response.status).toBe(200);
      remaining.push(response.headers.get("x-ratelimit-remaining") ?? "");
    }
    expect(remaining).toEqual(["99", "98", "97", "96", "95", "94", "93", "92", "91", "90"]);
    const refused = await emulator.json<ErrorBody>("/v1/workflows", { key: KEYS.starter });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("rate_limited");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get("x-ratelimit-limit")).toBe("100");
    // A refused call does not use up quota.
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("90");
    // Counted per key: org_full is unaffected.
    expect((await emulator.call("/v1/workflows")).status).toBe(200);
  });

  it("counts authenticated calls that then fail (404, 400) but not 401s", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await emulator.call("/v1/workflows/wf_nope", { key: KEYS.starter })).status).toBe(
        404,
      );
      expect((await emulator.call("/v1/workflows?page=0", { key: KEYS.starter })).status).toBe(400);
    }
    expect((await emulator.call("/v1/workflows", { key: KEYS.starter })).status).toBe(429);
    expect((await emulator.call("/v1/workflows", { key: "wbk_unknown" })).status).toBe(401);
  });

  it("counts calls refused for a missing scope", async () => {
    // The no_scope key is on the Pro plan: 50 a minute.
    for (let i = 0; i < 50; i++) {
      expect((await emulator.call("/v1/workflows", { key: KEYS.noScope })).status).toBe(403);
    }
    expect((await emulator.call("/v1/workflows", { key: KEYS.noScope })).status).toBe(429);
  });
});

describe("Org plan overrides", () => {
  let emulator: TestEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it("refuses once the daily quota is spent, with Retry-After running to UTC midnight", async () => {
    emulator = await startTestEmulator({ orgLimitPerDay: 3 });
    for (let i = 0; i < 3; i++) expect((await emulator.call("/v1/workflows")).status).toBe(200);
    const refused = await emulator.json<ErrorBody>("/v1/workflows");
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("rate_limited");
    expect(refused.headers.get("x-ratelimit-limit")).toBe("3");
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(SECONDS_TO_MIDNIGHT - 60);
    expect(retryAfter).toBeLessThanOrEqual(SECONDS_TO_MIDNIGHT);
    // other_workspace is also an Org key, with a counter of its own.
    expect((await emulator.call("/v1/workflows", { key: KEYS.otherWorkspace })).status).toBe(200);
  });

  it("applies the Org per-minute override", async () => {
    emulator = await startTestEmulator({ orgLimitPerMin: 2 });
    expect((await emulator.call("/v1/workflows")).status).toBe(200);
    expect((await emulator.call("/v1/workflows")).status).toBe(200);
    const refused = await emulator.call("/v1/workflows");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("9998");
  });
});

describe("RateLimiter windows", () => {
  const limits = { perMinute: 2, perDay: 5 };
  const at = (iso: string) => Date.parse(iso);

  it("resets the minute window on the calendar minute and the day window at UTC midnight", () => {
    const limiter = new RateLimiter();
    expect(limiter.consume("k", limits, at("2026-04-20T23:57:10Z")).allowed).toBe(true);
    expect(limiter.consume("k", limits, at("2026-04-20T23:57:50Z")).allowed).toBe(true);
    const refused = limiter.consume("k", limits, at("2026-04-20T23:57:59.200Z"));
    expect(refused).toMatchObject({ allowed: false, window: "minute", retryAfterSec: 1 });
    expect(limiter.consume("k", limits, at("2026-04-20T23:58:00Z")).allowed).toBe(true);
    expect(limiter.consume("k", limits, at("2026-04-20T23:58:01Z")).allowed).toBe(true);
    expect(limiter.consume("k", limits, at("2026-04-20T23:58:30Z"))).toMatchObject({
      allowed: false,
      window: "minute",
      retryAfterSec: 30,
    });
    // The fifth call uses up the day; the next is refused until midnight, not the next minute.
    expect(limiter.consume("k", limits, at("2026-04-20T23:59:00Z")).allowed).toBe(true);
    expect(limiter.consume("k", limits, at("2026-04-20T23:59:20Z"))).toMatchObject({
      allowed: false,
      window: "day",
      retryAfterSec: 40,
      headers: { limit: 5, remaining: 0 },
    });
    const nextDay = limiter.consume("k", limits, at("2026-04-21T00:00:00Z"));
    expect(nextDay).toMatchObject({ allowed: true, headers: { limit: 5, remaining: 4 } });
    expect(nextDay.headers.resetSec).toBe(at("2026-04-22T00:00:00Z") / 1000);
  });

  it("forgets everything on reset", () => {
    const limiter = new RateLimiter();
    const now = at("2026-04-20T10:00:00Z");
    limiter.consume("k", limits, now);
    limiter.consume("k", limits, now);
    expect(limiter.consume("k", limits, now).allowed).toBe(false);
    limiter.reset();
    expect(limiter.consume("k", limits, now).allowed).toBe(true);
  });
});
