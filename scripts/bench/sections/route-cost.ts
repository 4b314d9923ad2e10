import { figureList } from "../figures";
import { measureLatency, type LatencySeries, type Target } from "../http-load";
import { median } from "../stats";
import { DEMO_KEY } from "../browser";
import {
  BIG_LAST_PAGE,
  BIG_WORKFLOW,
  leadlexLogsPath,
  runboardLogsPath,
  SMALL_WORKFLOW,
} from "../workloads";
import type { RunboardUnderTest } from "../context";
import type { BenchSection } from "./section";

/** Big / small may differ by this much and still count as "does not grow with size". */
export const SCALE_TOLERANCE = 1.25;
const LAST = BIG_LAST_PAGE.toLocaleString("en-US");

/**
 * Our logs route's own cost: (c) the route, minus (a) the emulator answering the same page
 * directly and (b) Next's bare route handler, `/api/health`. All targets interleaved, one request
 * at a time each.
 */
export const routeCost: BenchSection = {
  name: "route-cost",
  summary: "logs route p50 − (emulator direct + /api/health); big workflows against small",
  async run(context) {
    const runboard = await context.runboard();
    const targets = routeTargets(runboard);
    const series = await measureLatency(targets, context.settings.latency);
    const errors = series
      .filter((s) => s.errors.length > 0)
      .map((s) => `${s.name}: ${s.errors.length} failed requests (${s.errors[0]})`);
    const by = (name: string) => series.find((s) => s.name === name) as LatencySeries;
    const [a, b, c] = [by("a"), by("b"), by("c")];

    const list = figureList("Route cost");
    list.compared(
      `(c) GET /api/workflows/${SMALL_WORKFLOW}/logs p50, own cost = (c) − (a) − (b)`,
      c.p50,
      "ms",
      { name: "(a) emulator direct + (b) /api/health", value: a.p50 + b.p50 },
      { of: "difference", op: "<=", value: 0.5 },
    );
    list.compared("(c) p99", c.p99, "ms", { name: "(a) + (b) p99", value: a.p99 + b.p99 }, null);
    list.info(`(a) LeadLex emulator direct, ${SMALL_WORKFLOW} logs, p50`, a.p50, "ms");
    list.info("(a) p99", a.p99, "ms");
    list.info("(b) GET /api/health, p50", b.p50, "ms");
    list.info("(b) p99", b.p99, "ms");
    list.info("(c) p50", c.p50, "ms");

    // The emulator runs in this process, so its log and these timestamps share one clock.
    const split = await splitAroundUpstream(runboard, [a, c]);
    const [aSplit, cSplit] = split;
    if (aSplit && cSplit) {
      list.info(
        "(c) − (a) before the upstream call, p50",
        cSplit.before - aSplit.before,
        "ms",
        "session, validation, request set-up, Next routing",
      );
      list.info(
        "(c) − (a) after the upstream answer, p50",
        cSplit.after - aSplit.after,
        "ms",
        "body read, zod, reshape, JSON, Next response",
      );
      list.info("LeadLex time inside (c), p50", cSplit.upstream, "ms");
    }

    const scale = figureList("Scale (route)");
    const [cBig, cLast, aLast] = [by("c big"), by("c big last"), by("a big last")];
    const small = { name: `same on ${SMALL_WORKFLOW}`, value: c.p50 };
    const sizeTarget = { of: "ratio", op: "<=", value: SCALE_TOLERANCE } as const;
    scale.compared(`(c) ${BIG_WORKFLOW} page 1, p50`, cBig.p50, "ms", small, sizeTarget);
    scale.compared(`(c) ${BIG_WORKFLOW} page ${LAST}, p50`, cLast.p50, "ms", small, sizeTarget);
    scale.info(`(c) ${BIG_WORKFLOW} page ${LAST}, p99`, cLast.p99, "ms");
    scale.info(`(a) emulator ${BIG_WORKFLOW} page ${LAST}, p50`, aLast.p50, "ms");

    return {
      figures: [...list.figures, ...scale.figures],
      errors,
      raw: {
        series: series.map(({ name, p50, p99, errors: e, samples }) => ({
          name,
          p50,
          p99,
          errors: e.length,
          count: samples.length,
        })),
        split,
      },
    };
  },
};

function routeTargets(runboard: RunboardUnderTest): Target[] {
  const session = { Cookie: runboard.cookie };
  const direct = { Authorization: `Bearer ${DEMO_KEY}` };
  const leadlex = (id: string, page: number) =>
    `${runboard.emulator.apiBaseUrl}${leadlexLogsPath(id, page)}`;
  const ours = (id: string, page: number) => `${runboard.origin}${runboardLogsPath(id, page)}`;
  return [
    { name: "a", url: leadlex(SMALL_WORKFLOW, 1), headers: direct },
    { name: "b", url: `${runboard.origin}/api/health` },
    { name: "c", url: ours(SMALL_WORKFLOW, 1), headers: session },
    { name: "c big", url: ours(BIG_WORKFLOW, 1), headers: session },
    { name: "a big last", url: leadlex(BIG_WORKFLOW, BIG_LAST_PAGE), headers: direct },
    { name: "c big last", url: ours(BIG_WORKFLOW, BIG_LAST_PAGE), headers: session },
  ];
}

export interface UpstreamSplit {
  name: string;
  /** From the request's start to LeadLex seeing the first call, median ms. */
  before: number;
  /** From the first call's start to the last call's end. */
  upstream: number;
  /** From LeadLex's last answer to the response's last byte. */
  after: number;
}

interface LoggedCall {
  startedAt: number;
  finishedAt: number | null;
}

/** Lines each timed request up with the upstream calls that fell inside it (requests were sequential). */
export async function splitAroundUpstream(
  runboard: RunboardUnderTest,
  series: readonly LatencySeries[],
): Promise<UpstreamSplit[]> {
  const response = await fetch(`${runboard.emulator.origin}/__emulator/requests`);
  const { requests } = (await response.json()) as { requests: LoggedCall[] };
  return series.map(({ name, spans }) => {
    const before: number[] = [];
    const upstream: number[] = [];
    const after: number[] = [];
    for (const span of spans) {
      const calls = requests.filter((r) => r.startedAt >= span.start && r.startedAt <= span.end);
      const finished = calls.map((call) => call.finishedAt);
      if (calls.length === 0 || finished.includes(null)) continue;
      const first = Math.min(...calls.map((call) => call.startedAt));
      const last = Math.max(...(finished as number[]));
      before.push(first - span.start);
      upstream.push(last - first);
      after.push(span.end - last);
    }
    return { name, before: median(before), upstream: median(upstream), after: median(after) };
  });
}
