import { figureList } from "../figures";
import { measureLatency, measureThroughputInterleaved, type ThroughputResult } from "../http-load";
import { SMALL_WORKFLOW } from "../workloads";
import { splitAroundUpstream } from "./route-cost";
import type { BenchSection } from "./section";
import { throughputErrors, throughputNote } from "./throughput-notes";

/**
 * The server-rendered runs page against the render floor: the same 25-row table rendered by a
 * page with no session, no upstream call and no client component.
 */
export const renderThroughput: BenchSection = {
  name: "render",
  summary: "runs page req/s at 10 connections and p50 alone, against the render floor",
  async run(context) {
    const runboard = await context.runboard();
    const floor = await context.floor();
    const ours = {
      name: "runs page",
      url: `${runboard.origin}/workflows/${SMALL_WORKFLOW}`,
      headers: { Cookie: runboard.cookie },
      serverPid: runboard.pid,
    };
    const floorPage = {
      name: "render floor",
      url: `${floor.origin}/render/${SMALL_WORKFLOW}`,
      serverPid: floor.pid,
    };

    // One at a time first: the emulator's log still holds every call these requests made.
    const samples = Math.max(30, Math.round(context.settings.latency.samples / 3));
    const alone = await measureLatency([ours, floorPage], { warmup: 10, samples });
    const [oursAlone, floorAlone] = alone as [(typeof alone)[0], (typeof alone)[0]];
    const [split] = await splitAroundUpstream(runboard, [oursAlone]);

    const [loaded, floorLoaded] = (await measureThroughputInterleaved(
      [ours, floorPage],
      context.settings.throughput,
    )) as [ThroughputResult, ThroughputResult];

    const connections = context.settings.throughput.connections;
    const list = figureList("Server render");
    list.compared(
      `/workflows/${SMALL_WORKFLOW} at ${connections} connections`,
      loaded.requestsPerSecond,
      "req/s",
      { name: "render floor", value: floorLoaded.requestsPerSecond },
      { of: "ratio", op: ">=", value: 0.7 },
      throughputNote(loaded),
    );
    list.compared(
      "one request at a time, p50",
      oursAlone.p50,
      "ms",
      { name: "render floor", value: floorAlone.p50 },
      null,
    );
    list.info(
      "render floor at 10 connections",
      floorLoaded.requestsPerSecond,
      "req/s",
      throughputNote(floorLoaded),
    );
    if (split) {
      list.info(
        "alone: until LeadLex sees the first call, p50",
        split.before,
        "ms",
        "routing, proxy.ts, session, URL state",
      );
      list.info(
        "alone: LeadLex's two calls, p50",
        split.upstream,
        "ms",
        "workflow and first page, in parallel",
      );
      list.info(
        "alone: after LeadLex's last answer, p50",
        split.after,
        "ms",
        "React render, dehydration, HTML and flight data",
      );
    }
    const errors = [
      ...throughputErrors([loaded, floorLoaded]),
      ...alone.filter((s) => s.errors.length > 0).map((s) => `${s.name}: ${s.errors[0]}`),
    ];
    return {
      figures: list.figures,
      errors,
      raw: {
        loaded,
        floorLoaded,
        alone: alone.map(({ name, p50, p99 }) => ({ name, p50, p99 })),
        split,
      },
    };
  },
};
