import { figureList } from "../figures";
import { measureThroughputInterleaved, type ThroughputResult } from "../http-load";
import { runboardLogsPath, SMALL_WORKFLOW } from "../workloads";
import type { BenchSection } from "./section";
import { throughputErrors, throughputNote } from "./throughput-notes";

/** Requests per second at 10 connections: our logs route against Next's bare route handler. */
export const routeThroughput: BenchSection = {
  name: "route-throughput",
  summary: "logs route req/s at 10 connections against /api/health",
  async run(context) {
    const runboard = await context.runboard();
    const [b, c] = (await measureThroughputInterleaved(
      [
        { name: "b", url: `${runboard.origin}/api/health`, serverPid: runboard.pid },
        {
          name: "c",
          url: `${runboard.origin}${runboardLogsPath(SMALL_WORKFLOW, 1)}`,
          headers: { Cookie: runboard.cookie },
          serverPid: runboard.pid,
        },
      ],
      context.settings.throughput,
    )) as [ThroughputResult, ThroughputResult];
    const connections = context.settings.throughput.connections;
    const list = figureList(`Throughput (${connections} connections)`);
    list.compared(
      `(c) /api/workflows/${SMALL_WORKFLOW}/logs`,
      c.requestsPerSecond,
      "req/s",
      { name: "(b) /api/health", value: b.requestsPerSecond },
      null,
      throughputNote(c),
    );
    list.info("(b) /api/health", b.requestsPerSecond, "req/s", throughputNote(b));
    return { figures: list.figures, errors: throughputErrors([b, c]), raw: { b, c } };
  },
};
