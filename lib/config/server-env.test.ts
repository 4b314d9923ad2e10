import { describe, expect, it } from "vitest";
import {
  EMULATOR_API_URL,
  livePollIntervalOverrideMs,
  parseServerEnv,
  upstreamIsLocalEmulator,
} from "./server-env";

const SECRET = "s3cr3t-value-that-is-long-enough-for-iron-session";

function failure(env: Record<string, string | undefined>): string {
  try {
    parseServerEnv(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected parseServerEnv to throw");
}

describe("parseServerEnv", () => {
  it("defaults to the local emulator and the documented limits", () => {
    const env = parseServerEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      LEADLEX_API_URL: EMULATOR_API_URL,
      LEADLEX_ATTEMPT_TIMEOUT_MS: 5_000,
      LEADLEX_TOTAL_TIMEOUT_MS: 10_000,
      LEADLEX_MAX_RETRIES: 2,
      TRUST_FORWARDED_HOST: false,
      TRUST_FORWARDED_FOR: false,
      CACHE_MEMORY_MB: 64,
    });
    expect(env.REDIS_URL).toBeUndefined();
    expect(upstreamIsLocalEmulator(env)).toBe(true);
  });

  it.each([
    "redis://127.0.0.1:6379",
    "rediss://cache.internal:6380/2",
    "redis://:pw@10.0.0.5:6379",
  ])("accepts the Redis URL %s", (url) => {
    expect(parseServerEnv({ REDIS_URL: url }).REDIS_URL).toBe(url);
  });

  it.each(["http://127.0.0.1:6379", "127.0.0.1:6379", "redis//host"])(
    "refuses the Redis URL %s without printing it",
    (url) => {
      const message = failure({ REDIS_URL: `${url.replace("//", "//:hunter2secret@")}` });
      expect(message).toMatch(/REDIS_URL/);
      expect(message).not.toContain("hunter2secret");
    },
  );

  it("treats an empty REDIS_URL as unset", () => {
    expect(parseServerEnv({ REDIS_URL: "" }).REDIS_URL).toBeUndefined();
  });

  it("gives development a fallback session secret of usable length", () => {
    expect(parseServerEnv({}).sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it("uses SESSION_SECRET when set", () => {
    expect(parseServerEnv({ SESSION_SECRET: SECRET }).sessionSecret).toBe(SECRET);
  });

  it("refuses to start in production without SESSION_SECRET, naming it", () => {
    expect(failure({ NODE_ENV: "production" })).toMatch(/SESSION_SECRET/);
  });

  it("starts in production with a SESSION_SECRET", () => {
    const env = parseServerEnv({
      NODE_ENV: "production",
      SESSION_SECRET: SECRET,
      LEADLEX_API_URL: "https://data.leadlex.com/functions/v1/api-gateway",
    });
    expect(env.sessionSecret).toBe(SECRET);
    expect(upstreamIsLocalEmulator(env)).toBe(false);
  });

  it("rejects a short SESSION_SECRET without printing it", () => {
    const shortSecret = "short-secret-31-characters-xxxx";
    expect(shortSecret).toHaveLength(31);
    const message = failure({ SESSION_SECRET: shortSecret });
    expect(message).toMatch(/SESSION_SECRET/);
    expect(message).not.toContain(shortSecret);
  });

  it("accepts a SESSION_SECRET of exactly 32 characters", () => {
    expect(parseServerEnv({ SESSION_SECRET: "x".repeat(32) }).sessionSecret).toBe("x".repeat(32));
  });

  it("accepts an https upstream and strips trailing slashes", () => {
    expect(
      parseServerEnv({ LEADLEX_API_URL: "https://data.leadlex.com/functions/v1/api-gateway/" })
        .LEADLEX_API_URL,
    ).toBe("https://data.leadlex.com/functions/v1/api-gateway");
    expect(parseServerEnv({ LEADLEX_API_URL: "https://data.leadlex.com//" }).LEADLEX_API_URL).toBe(
      "https://data.leadlex.com",
    );
  });

  it.each(["http://127.0.0.1:4010/api", "http://localhost:4010/api", "http://[::1]:4010/api"])(
    "accepts plain http to this machine: %s",
    (url) => {
      expect(parseServerEnv({ LEADLEX_API_URL: url }).LEADLEX_API_URL).toBe(url);
    },
  );

  it.each([
    ["plain http to another host", "http://data.leadlex.com/functions/v1/api-gateway"],
    ["a host only looking local", "http://127.0.0.1.evil.example/api"],
    ["credentials", "https://user:hunter2-password@data.leadlex.com/api"],
    ["a query", "https://data.leadlex.com/api?key=abc"],
    ["a fragment", "https://data.leadlex.com/api#x"],
    ["another scheme", "ftp://data.leadlex.com/api"],
    ["javascript:", "javascript:alert(1)"],
    ["not a URL", "data.leadlex.com"],
  ])("rejects an upstream URL with %s", (_label, url) => {
    const message = failure({ LEADLEX_API_URL: url });
    expect(message).toMatch(/LEADLEX_API_URL/);
    expect(message).not.toContain("hunter2-password");
  });

  it("rejects a total timeout shorter than one attempt", () => {
    const message = failure({
      LEADLEX_ATTEMPT_TIMEOUT_MS: "6000",
      LEADLEX_TOTAL_TIMEOUT_MS: "5000",
    });
    expect(message).toMatch(/LEADLEX_TOTAL_TIMEOUT_MS/);
  });

  it("reads numbers from their text form", () => {
    const env = parseServerEnv({
      LEADLEX_ATTEMPT_TIMEOUT_MS: "2000",
      LEADLEX_TOTAL_TIMEOUT_MS: "2000",
      LEADLEX_MAX_RETRIES: "0",
    });
    expect(env).toMatchObject({
      LEADLEX_ATTEMPT_TIMEOUT_MS: 2_000,
      LEADLEX_TOTAL_TIMEOUT_MS: 2_000,
      LEADLEX_MAX_RETRIES: 0,
    });
  });

  it.each([
    ["LEADLEX_ATTEMPT_TIMEOUT_MS", "fast"],
    ["LEADLEX_ATTEMPT_TIMEOUT_MS", "50"],
    ["LEADLEX_TOTAL_TIMEOUT_MS", "999999"],
    ["LEADLEX_MAX_RETRIES", "3"],
    ["LEADLEX_MAX_RETRIES", "1.5"],
    ["NODE_ENV", "staging"],
    ["TRUST_FORWARDED_HOST", "yes"],
    ["TRUST_FORWARDED_HOST", "1"],
    ["TRUST_FORWARDED_HOST", "TRUE"],
    ["TRUST_FORWARDED_FOR", "yes"],
  ])("rejects %s=%s, naming it", (name, value) => {
    expect(failure({ [name]: value })).toContain(name);
  });

  it.each([
    ["true", true],
    ["false", false],
  ])("reads TRUST_FORWARDED_HOST and TRUST_FORWARDED_FOR=%s", (value, expected) => {
    expect(parseServerEnv({ TRUST_FORWARDED_HOST: value }).TRUST_FORWARDED_HOST).toBe(expected);
    expect(parseServerEnv({ TRUST_FORWARDED_FOR: value }).TRUST_FORWARDED_FOR).toBe(expected);
  });

  it("reports every problem at once and never prints the secret", () => {
    const message = failure({
      NODE_ENV: "production",
      SESSION_SECRET: "tiny-secret",
      LEADLEX_API_URL: "http://data.leadlex.com/api",
    });
    expect(message).toMatch(/SESSION_SECRET/);
    expect(message).toMatch(/LEADLEX_API_URL/);
    expect(message).not.toContain("tiny-secret");
  });

  it("obeys LIVE_POLL_INTERVAL_MS against the emulator only", () => {
    expect(livePollIntervalOverrideMs(parseServerEnv({ LIVE_POLL_INTERVAL_MS: "2000" }))).toBe(
      2000,
    );
    const real = parseServerEnv({
      LIVE_POLL_INTERVAL_MS: "2000",
      LEADLEX_API_URL: "https://data.leadlex.com/functions/v1/api-gateway",
    });
    expect(livePollIntervalOverrideMs(real)).toBeNull();
    expect(livePollIntervalOverrideMs(parseServerEnv({}))).toBeNull();
    expect(failure({ LIVE_POLL_INTERVAL_MS: "10" })).toMatch(/LIVE_POLL_INTERVAL_MS/);
  });
});
