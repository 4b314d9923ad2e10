import type { EmulatorCall } from "../../scripts/support/app-instances";

/**
 * How long the app serves an answer from its cache (the README's "What each TTL trades away").
 * The upstream-count tests hold the app to one call per distinct request within these times; a
 * repeat after its TTL ran out is a new answer, however slow the machine was.
 */
const TTL_MS = { workflowList: 60_000, workflowDetail: 300_000, logsPage: 60_000 };
const API_PREFIX = "/functions/v1/api-gateway";

function ttlOf(call: EmulatorCall): number {
  const path = call.path.slice(API_PREFIX.length);
  if (path === "/v1/workflows") return TTL_MS.workflowList;
  return path.endsWith("/logs") ? TTL_MS.logsPage : TTL_MS.workflowDetail;
}

function identity(call: EmulatorCall): string {
  const query = Object.entries(call.query)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, values]) => `${name}=${values.join(",")}`);
  return `${call.keyLabel} ${call.path}?${query.join("&")}`;
}

/**
 * Splits repeated calls (same key, path and query as an earlier one) into those made while the
 * earlier answer was still in its TTL (the cache should have answered) and those made after.
 */
export function classifyRepeats(calls: EmulatorCall[]): {
  withinTtl: EmulatorCall[];
  afterTtl: EmulatorCall[];
} {
  const lastAnswered = new Map<string, number>();
  const withinTtl: EmulatorCall[] = [];
  const afterTtl: EmulatorCall[] = [];
  for (const call of [...calls].sort((a, b) => a.startedAt - b.startedAt)) {
    const key = identity(call);
    const previous = lastAnswered.get(key);
    if (previous !== undefined) {
      (call.startedAt - previous < ttlOf(call) ? withinTtl : afterTtl).push(call);
    }
    // The answer is cached when it arrives, so its TTL runs from there.
    lastAnswered.set(key, call.finishedAt ?? call.startedAt);
  }
  return { withinTtl, afterTtl };
}
