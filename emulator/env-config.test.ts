import { describe, expect, it } from "vitest";
import { readEnvConfig } from "./env-config";

describe("readEnvConfig", () => {
  it("uses the defaults when nothing (or empty strings) is set", () => {
    for (const env of [{}, { EMULATOR_PORT: "", EMULATOR_NOW: " " }]) {
      expect(readEnvConfig(env)).toEqual({
        ok: true,
        config: {
          port: 4010,
          host: "127.0.0.1",
          options: {
            now: undefined,
            orgLimitPerMin: undefined,
            orgLimitPerDay: undefined,
            latencyMs: undefined,
          },
        },
      });
    }
  });

  it("reads every variable", () => {
    const result = readEnvConfig({
      EMULATOR_PORT: "0",
      EMULATOR_HOST: "0.0.0.0",
      EMULATOR_NOW: "2026-04-20T16:30:00+02:00",
      EMULATOR_ORG_LIMIT_PER_MIN: "100000",
      EMULATOR_ORG_LIMIT_PER_DAY: "5000000",
      EMULATOR_LATENCY_MS: "250",
    });
    expect(result).toEqual({
      ok: true,
      config: {
        port: 0,
        host: "0.0.0.0",
        options: {
          now: new Date("2026-04-20T14:30:00Z"),
          orgLimitPerMin: 100_000,
          orgLimitPerDay: 5_000_000,
          latencyMs: 250,
        },
      },
    });
  });

  it.each([
    ["EMULATOR_PORT", "65536"],
    ["EMULATOR_PORT", "http"],
    ["EMULATOR_PORT", "-1"],
    ["EMULATOR_NOW", "2026-04-20 14:30"],
    ["EMULATOR_NOW", "2026-04-20T14:30:00"],
    ["EMULATOR_ORG_LIMIT_PER_MIN", "0"],
    ["EMULATOR_ORG_LIMIT_PER_DAY", "1.5"],
    ["EMULATOR_LATENCY_MS", "60001"],
    ["EMULATOR_LATENCY_MS", "fast"],
    ["EMULATOR_HOST", "local host"],
  ])("rejects %s=%s with a message naming it", (name, value) => {
    const result = readEnvConfig({ [name]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(name);
  });

  it("reports every bad variable at once", () => {
    const result = readEnvConfig({ EMULATOR_PORT: "x", EMULATOR_LATENCY_MS: "y" });
    expect(result.ok ? "" : result.message.split("\n")).toHaveLength(2);
  });
});
