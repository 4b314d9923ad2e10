import { Agent, request } from "node:http";
import { processCpuMs } from "./machine";
import { interleaved } from "./interleave";
import { percentile } from "./stats";

/** One kind of request the benchmark repeats. */
export interface Target {
  name: string;
  url: string;
  headers?: Record<string, string>;
}

interface Timed {
  ms: number;
  status: number;
  body: Buffer;
}

/** One GET, timed from the call to the body's last byte, on a kept-alive connection of `agent`. */
export function timedGet(target: Target, agent: Agent): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(target.url, { agent, headers: target.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          ms: performance.now() - started,
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks),
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

export interface LatencySeries {
  name: string;
  samples: number[];
  /** Each sample's start and end on the epoch clock (ms), to line up with the emulator's log. */
  spans: { start: number; end: number }[];
  errors: string[];
  p50: number;
  p99: number;
}

/**
 * Sequential requests, one at a time: the targets are interleaved (their order rotating every
 * round) so that whatever else the machine does lands on all of them alike. Each target has its own
 * kept-alive connection.
 */
export async function measureLatency(
  targets: readonly Target[],
  options: { warmup: number; samples: number },
): Promise<LatencySeries[]> {
  const agents = targets.map(() => new Agent({ keepAlive: true, maxSockets: 1 }));
  const series = targets.map((target) => ({
    name: target.name,
    samples: [] as number[],
    spans: [] as { start: number; end: number }[],
    errors: [] as string[],
  }));
  try {
    for (const { round, index } of interleaved(options.warmup + options.samples, targets.length)) {
      const target = targets[index] as Target;
      const entry = series[index] as (typeof series)[number];
      try {
        const start = performance.timeOrigin + performance.now();
        const result = await timedGet(target, agents[index] as Agent);
        if (result.status !== 200) {
          entry.errors.push(`HTTP ${result.status}`);
        } else if (round >= options.warmup) {
          entry.samples.push(result.ms);
          entry.spans.push({ start, end: start + result.ms });
        }
      } catch (error) {
        entry.errors.push(String(error));
      }
    }
  } finally {
    for (const agent of agents) agent.destroy();
  }
  return series.map((entry) => ({
    ...entry,
    p50: percentile(entry.samples, 50),
    p99: percentile(entry.samples, 99),
  }));
}

export interface ThroughputResult {
  name: string;
  connections: number;
  /** Time spent measuring this target, summed over its windows. */
  durationMs: number;
  requests: number;
  errors: number;
  firstErrors: string[];
  requestsPerSecond: number;
  /** Each window's rate, in the order measured: their spread shows how steady the machine was. */
  windowRates: number[];
  p50: number;
  p99: number;
  /** CPU the target's server used while measured, in % of one core; null if unreadable. */
  serverCpuPercent: number | null;
  /** The server's CPU time per successful request, ms; null if unreadable. */
  serverCpuMsPerRequest: number | null;
  /** CPU this process (load generator and emulator) used, in % of one core. */
  benchCpuPercent: number;
}

export interface LoadTarget extends Target {
  /** The process that serves it, for its CPU time. */
  serverPid: number;
}

interface Tally {
  latencies: number[];
  errors: number;
  firstErrors: string[];
  elapsedMs: number;
  serverCpuMs: number | null;
  benchCpuMs: number;
  windowRates: number[];
}

/**
 * Closed-loop load: `connections` clients on kept-alive sockets, each sending its next request as
 * soon as the previous answer has fully arrived. The targets take turns in windows of `windowMs`
 * (the order rotating each round), so a burst of other work on the machine lands on all of them.
 */
export async function measureThroughputInterleaved(
  targets: readonly LoadTarget[],
  options: { connections: number; warmupMs: number; windowMs: number; rounds: number },
): Promise<ThroughputResult[]> {
  const agents = targets.map(() => new Agent({ keepAlive: true, maxSockets: options.connections }));
  const tallies: Tally[] = targets.map(() => ({
    latencies: [],
    errors: 0,
    firstErrors: [],
    elapsedMs: 0,
    serverCpuMs: 0,
    benchCpuMs: 0,
    windowRates: [],
  }));
  try {
    for (const [index, target] of targets.entries()) {
      await closedLoop(target, agents[index] as Agent, options.connections, options.warmupMs, null);
    }
    for (const { index } of interleaved(options.rounds, targets.length)) {
      const target = targets[index] as LoadTarget;
      const tally = tallies[index] as Tally;
      const serverBefore = processCpuMs(target.serverPid);
      const benchBefore = process.cpuUsage();
      const okBefore = tally.latencies.length;
      const started = performance.now();
      await closedLoop(
        target,
        agents[index] as Agent,
        options.connections,
        options.windowMs,
        tally,
      );
      const elapsed = performance.now() - started;
      const serverAfter = processCpuMs(target.serverPid);
      const bench = process.cpuUsage(benchBefore);
      tally.elapsedMs += elapsed;
      tally.benchCpuMs += (bench.user + bench.system) / 1000;
      tally.serverCpuMs =
        tally.serverCpuMs === null || serverBefore === null || serverAfter === null
          ? null
          : tally.serverCpuMs + serverAfter - serverBefore;
      tally.windowRates.push(((tally.latencies.length - okBefore) * 1000) / elapsed);
    }
  } finally {
    for (const agent of agents) agent.destroy();
  }
  return targets.map((target, index) => {
    const tally = tallies[index] as Tally;
    const ok = tally.latencies.length;
    return {
      name: target.name,
      connections: options.connections,
      durationMs: tally.elapsedMs,
      requests: ok + tally.errors,
      errors: tally.errors,
      firstErrors: tally.firstErrors,
      requestsPerSecond: (ok * 1000) / tally.elapsedMs,
      windowRates: tally.windowRates,
      p50: percentile(tally.latencies, 50),
      p99: percentile(tally.latencies, 99),
      serverCpuPercent:
        tally.serverCpuMs === null ? null : (tally.serverCpuMs / tally.elapsedMs) * 100,
      serverCpuMsPerRequest: tally.serverCpuMs === null || ok === 0 ? null : tally.serverCpuMs / ok,
      benchCpuPercent: (tally.benchCpuMs / tally.elapsedMs) * 100,
    };
  });
}

/** Runs the loop for `durationMs`; records into `tally` unless it is a warm-up (`null`). */
async function closedLoop(
  target: Target,
  agent: Agent,
  connections: number,
  durationMs: number,
  tally: Tally | null,
): Promise<void> {
  const until = performance.now() + durationMs;
  const fail = (reason: string) => {
    if (!tally) return;
    tally.errors += 1;
    if (tally.firstErrors.length < 3) tally.firstErrors.push(reason);
  };
  const client = async () => {
    while (performance.now() < until) {
      try {
        const result = await timedGet(target, agent);
        if (result.status !== 200) fail(`HTTP ${result.status}`);
        else tally?.latencies.push(result.ms);
      } catch (error) {
        fail(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
}
