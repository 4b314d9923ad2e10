import { parseArgs } from "node:util";

/** How long and how often each kind of measurement runs. */
export interface BenchSettings {
  quick: boolean;
  /** Sequential requests per target, after a warm-up of the same kind. */
  latency: { warmup: number; samples: number };
  /** Closed-loop load: each target gets `rounds` windows, alternating with the other targets. */
  throughput: { connections: number; warmupMs: number; windowMs: number; rounds: number };
  /** Clicks per interaction scenario, alternating between the scenarios. */
  interactions: number;
  /** Lighthouse runs per page and form factor, alternating between the pages. */
  lighthouse: { mobile: number; desktop: number };
}

const FULL: BenchSettings = {
  quick: false,
  latency: { warmup: 50, samples: 300 },
  throughput: { connections: 10, warmupMs: 2_000, windowMs: 2_000, rounds: 5 },
  interactions: 20,
  lighthouse: { mobile: 5, desktop: 5 },
};

/** For working on the bench: the same figures, from a fraction of the samples. */
const QUICK: BenchSettings = {
  quick: true,
  latency: { warmup: 20, samples: 100 },
  throughput: { connections: 10, warmupMs: 1_000, windowMs: 1_000, rounds: 3 },
  interactions: 5,
  lighthouse: { mobile: 1, desktop: 0 },
};

export function describeSettings(settings: BenchSettings): string {
  const { latency, throughput, interactions, lighthouse } = settings;
  return [
    settings.quick ? "--quick (a development run: few samples, not for comparison)" : "full run",
    `${latency.samples} sequential requests per target after ${latency.warmup} warm-up, targets interleaved`,
    `${throughput.rounds} alternating windows of ${throughput.windowMs / 1000} s per target at ` +
      `${throughput.connections} connections after ${throughput.warmupMs / 1000} s warm-up`,
    `median of ${interactions} interactions per scenario, scenarios interleaved`,
    `median of ${lighthouse.mobile} mobile and ${lighthouse.desktop} desktop Lighthouse runs per page, pages interleaved`,
  ].join("; ");
}

export interface BenchOptions {
  settings: BenchSettings;
  /** Section names to run, in registry order; all when not given. */
  only: string[] | null;
  help: boolean;
}

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: "boolean", default: false },
      only: { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  const only = values.only
    ?.split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  return {
    settings: values.quick ? QUICK : FULL,
    only: only && only.length > 0 ? only : null,
    help: values.help ?? false,
  };
}
