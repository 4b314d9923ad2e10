import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  isValidLatencyMs,
  isValidLimit,
  MAX_LATENCY_MS,
  MAX_LIMIT,
} from "./emulator-options";
import type { EmulatorOptions } from "./emulator-options";
import { parseIsoInstant } from "./parse-iso-instant";

// The CLI's environment, parsed once. An empty variable counts as unset (as `FOO= cmd` means in a
// shell); any other bad value is an error naming the variable, never a silent default.

export interface CliConfig {
  port: number;
  host: string;
  options: EmulatorOptions;
}

export type EnvResult = { ok: true; config: CliConfig } | { ok: false; message: string };

type Env = Readonly<Record<string, string | undefined>>;

const INTEGER = /^\d+$/;

export function readEnvConfig(env: Env): EnvResult {
  const errors: string[] = [];
  const value = (name: string): string | undefined => {
    const text = env[name]?.trim();
    return text === undefined || text === "" ? undefined : text;
  };
  const integer = (
    name: string,
    valid: (n: number) => boolean,
    rule: string,
  ): number | undefined => {
    const text = value(name);
    if (text === undefined) return undefined;
    const parsed = INTEGER.test(text) ? Number(text) : Number.NaN;
    if (valid(parsed)) return parsed;
    errors.push(`${name} must be ${rule} (got "${text}")`);
    return undefined;
  };

  const port = integer("EMULATOR_PORT", (n) => n >= 0 && n <= 65_535, "an integer from 0 to 65535");
  const host = value("EMULATOR_HOST");
  if (host !== undefined && /\s/.test(host)) errors.push("EMULATOR_HOST must not contain spaces");

  let now: Date | undefined;
  const nowText = value("EMULATOR_NOW");
  if (nowText !== undefined) {
    const ms = parseIsoInstant(nowText);
    if (ms === null) {
      errors.push(
        `EMULATOR_NOW must be an ISO 8601 date-time with a time zone, e.g. 2026-04-20T14:30:00Z (got "${nowText}")`,
      );
    } else {
      now = new Date(ms);
    }
  }
  const limitRule = `an integer from 1 to ${MAX_LIMIT}`;
  const orgLimitPerMin = integer("EMULATOR_ORG_LIMIT_PER_MIN", isValidLimit, limitRule);
  const orgLimitPerDay = integer("EMULATOR_ORG_LIMIT_PER_DAY", isValidLimit, limitRule);
  const latencyMs = integer(
    "EMULATOR_LATENCY_MS",
    isValidLatencyMs,
    `an integer from 0 to ${MAX_LATENCY_MS}`,
  );

  if (errors.length > 0) return { ok: false, message: errors.join("\n") };
  return {
    ok: true,
    config: {
      port: port ?? DEFAULT_PORT,
      host: host ?? DEFAULT_HOST,
      options: { now, orgLimitPerMin, orgLimitPerDay, latencyMs },
    },
  };
}
