import type { Clock } from "./clock";

// Options shared by the programmatic API (createEmulator), the CLI's environment variables and
// the admin config endpoint, with the one set of bounds they all enforce.

export interface EmulatorOptions {
  /** Start instant of the emulator clock; the seeded data is relative to it. Default: real now. */
  now?: Date;
  /**
   * Programmatic only, instead of `now`: the clock itself, e.g. a manual clock that a test moves
   * to make runs arrive (see createManualClock). The data is relative to its start.
   */
  clock?: Clock;
  orgLimitPerMin?: number;
  orgLimitPerDay?: number;
  /** Added before every API answer. */
  latencyMs?: number;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_ORG_LIMIT_PER_MIN = 200;
export const DEFAULT_ORG_LIMIT_PER_DAY = 10_000;
export const MAX_LATENCY_MS = 60_000;
export const MAX_LIMIT = 1_000_000_000;
/** Enough for any test; a bound keeps a runaway config from growing the map without limit. */
export const MAX_LATENCY_BY_WORKFLOW_ENTRIES = 100;
/** The shape of a LeadLex workflow id, as Runboard allowlists it. */
export const WORKFLOW_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidLatencyMs(value: unknown): value is number {
  return (
    typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= MAX_LATENCY_MS
  );
}

/** `{ "<workflow id>": latencyMs, ... }`: extra latency for the calls about those workflows. */
export function isValidLatencyByWorkflow(value: unknown): value is Record<string, number> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= MAX_LATENCY_BY_WORKFLOW_ENTRIES &&
    entries.every(([id, ms]) => WORKFLOW_ID.test(id) && isValidLatencyMs(ms))
  );
}

export function isValidLimit(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_LIMIT;
}

/** Throws a RangeError naming the first bad option. */
export function assertValidOptions(options: EmulatorOptions): void {
  if (options.now !== undefined && Number.isNaN(options.now.getTime())) {
    throw new RangeError("now must be a valid Date");
  }
  if (options.now !== undefined && options.clock !== undefined) {
    throw new RangeError("give either now or clock, not both");
  }
  for (const name of ["orgLimitPerMin", "orgLimitPerDay"] as const) {
    const value = options[name];
    if (value !== undefined && !isValidLimit(value)) {
      throw new RangeError(`${name} must be an integer from 1 to ${MAX_LIMIT}`);
    }
  }
  if (options.latencyMs !== undefined && !isValidLatencyMs(options.latencyMs)) {
    throw new RangeError(`latencyMs must be a number from 0 to ${MAX_LATENCY_MS}`);
  }
}
