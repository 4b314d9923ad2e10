import { formatNumber } from "../figures";
import type { ThroughputResult } from "../http-load";

/** Latency, the spread over windows and where the CPU went, for a throughput figure's note. */
export function throughputNote(result: ThroughputResult): string {
  const rates = result.windowRates;
  const cpu =
    result.serverCpuPercent === null
      ? "server CPU unreadable"
      : `server ${result.serverCpuPercent.toFixed(0)}% of a core, ${formatNumber(result.serverCpuMsPerRequest ?? Number.NaN, "ms")} ms CPU per request`;
  return (
    `p50 ${formatNumber(result.p50, "ms")} ms; windows ${Math.min(...rates).toFixed(0)}–${Math.max(...rates).toFixed(0)} req/s; ` +
    `${cpu}; client+emulator ${result.benchCpuPercent.toFixed(0)}%`
  );
}

export function throughputErrors(results: readonly ThroughputResult[]): string[] {
  return results
    .filter((result) => result.errors > 0)
    .map(
      (r) =>
        `${r.name}: ${r.errors} of ${r.requests} requests failed (${r.firstErrors.join("; ")})`,
    );
}
