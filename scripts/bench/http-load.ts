import { Agent, request } from "node:http";
import { processCpuMs } from "./machine";
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
    for (let round = 0; round < options.warmup + options.samples; round++) {
      for (let k = 0; k < targets.length; k++) {
        const index = (round + k) % targets.length;
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
  durationMs: number;
  requests: number;
  errors: number;
  firstErrors: string[];
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** CPU the app server used during the measured window, in % of one core; null if unreadable. */
  appCpuPercent: number | null;
  /** CPU this process (load generator and emulator) used, in % of one core. */
  benchCpuPercent: number;
}

/**
 * A closed loop: `connections` clients on kept-alive sockets, each sending its next request as soon
 * as the previous answer has fully arrived, for a fixed time after a warm-up of the same shape.
 */
export async function measureThroughput(
  target: Target,
  options: { connections: number; durationMs: number; warmupMs: number; appPid: number },
): Promise<ThroughputResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  const firstErrors: string[] = [];
  let errors = 0;

  async function run(untilMs: number, record: boolean): Promise<void> {
    const client = async () => {
      while (performance.now() < untilMs) {
        try {
          const result = await timedGet(target, agent);
          if (!record) continue;
          if (result.status === 200) {
            latencies.push(result.ms);
          } else {
            errors += 1;
            if (firstErrors.length < 3) firstErrors.push(`HTTP ${result.status}`);
          }
        } catch (error) {
          if (!record) continue;
          errors += 1;
          if (firstErrors.length < 3) firstErrors.push(String(error));
        }
      }
    };
    await Promise.all(Array.from({ length: options.connections }, client));
  }

  try {
    await run(performance.now() + options.warmupMs, false);
    const appCpuBefore = processCpuMs(options.appPid);
    const benchCpuBefore = process.cpuUsage();
    const started = performance.now();
    await run(started + options.durationMs, true);
    const elapsed = performance.now() - started;
    const appCpuAfter = processCpuMs(options.appPid);
    const benchCpu = process.cpuUsage(benchCpuBefore);
    return {
      name: target.name,
      connections: options.connections,
      durationMs: elapsed,
      requests: latencies.length + errors,
      errors,
      firstErrors,
      requestsPerSecond: (latencies.length * 1000) / elapsed,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      appCpuPercent:
        appCpuBefore === null || appCpuAfter === null
          ? null
          : ((appCpuAfter - appCpuBefore) / elapsed) * 100,
      benchCpuPercent: ((benchCpu.user + benchCpu.system) / 1000 / elapsed) * 100,
    };
  } finally {
    agent.destroy();
  }
}
