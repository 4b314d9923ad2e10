import { writeFileSync } from "node:fs";
import { Agent } from "node:http";
import { join, relative, resolve } from "node:path";
import { buildRunsFloor } from "../floors/runs-floor";
import { floorPageKey } from "../floors/runs-floor-app/lib/floor-runs";
import type { BuiltProject } from "../floors/scratch-project";
import { REPOSITORY_ROOT } from "../floors/scratch-project";
import { sessionCookieHeader } from "./browser";
import { timedGet } from "./http-load";
import {
  startEmulator,
  startNextServer,
  startRunboard,
  type InProcessEmulator,
  type NextServer,
} from "./servers";
import type { BenchSettings } from "./settings";
import {
  BIG_LAST_PAGE,
  BIG_WORKFLOW,
  BIG_WORKFLOW_RUNS,
  PER_PAGE,
  runboardLogsPath,
  SMALL_WORKFLOW,
  SMALL_WORKFLOW_NAME,
} from "./workloads";

export interface RunboardUnderTest extends NextServer {
  distDir: string;
  /** A `Cookie` header value with a session for the emulator's Org demo key. */
  cookie: string;
  emulator: InProcessEmulator;
}

export interface FloorUnderTest extends NextServer {
  build: BuiltProject;
}

/** What a section gets: the settings, and the servers it may share with other sections. */
export interface BenchContext {
  readonly settings: BenchSettings;
  /**
   * The Runboard project measured: this repository, or a copy given as `BENCH_RUNBOARD_DIR` (to
   * compare a variant, e.g. one built with the React Compiler, against the same floors).
   */
  readonly runboardDir: string;
  /** Its production build folder (`NEXT_DIST_DIR`, default `.next`). */
  readonly distDir: string;
  /** Runboard's production build and the emulator, started on first use. */
  runboard(): Promise<RunboardUnderTest>;
  /** The render and interaction floors, built if needed and started on first use. */
  floor(): Promise<FloorUnderTest>;
  /** For a section that starts servers of its own: they are stopped when the run ends. */
  deferClose(close: () => Promise<void>): void;
}

/** The pages of runs the floors serve: what the interaction scenarios on the floor ask for. */
const FLOOR_PAGES = [null, "failed"].flatMap((status) =>
  [1, 2, 3].map((page) => ({ workflowId: SMALL_WORKFLOW, page, status })),
);

export class BenchRun implements BenchContext {
  private readonly closers: (() => Promise<void>)[] = [];
  private runboardStarted?: Promise<RunboardUnderTest>;
  private floorStarted?: Promise<FloorUnderTest>;
  readonly runboardDir = resolve(REPOSITORY_ROOT, process.env.BENCH_RUNBOARD_DIR ?? ".");
  readonly distDir = process.env.NEXT_DIST_DIR ?? ".next";

  constructor(readonly settings: BenchSettings) {}

  deferClose(close: () => Promise<void>): void {
    this.closers.push(close);
  }

  runboard(): Promise<RunboardUnderTest> {
    this.runboardStarted ??= this.startRunboard();
    return this.runboardStarted;
  }

  floor(): Promise<FloorUnderTest> {
    this.floorStarted ??= this.startFloor();
    return this.floorStarted;
  }

  /** Stops every server, the last started first. */
  async close(): Promise<void> {
    for (const close of this.closers.reverse()) {
      await close().catch(() => undefined);
    }
  }

  /** For the report's header: which builds were measured, and which the bench made itself. */
  async describeBuilds(): Promise<string[]> {
    const project = relative(REPOSITORY_ROOT, this.runboardDir);
    const builds = [`Runboard from \`${join(project, this.distDir)}/\``];
    const floor = this.floorStarted && (await this.floorStarted.catch(() => null));
    if (floor) {
      builds.push(
        floor.build.built
          ? `floors built in ${(floor.build.buildMs / 1000).toFixed(0)} s into \`.runboard/\``
          : "floors reused from an identical earlier build in `.runboard/`",
      );
    }
    return builds;
  }

  private async startRunboard(): Promise<RunboardUnderTest> {
    const emulator = await startEmulator();
    this.deferClose(() => emulator.close());
    const server = await startRunboard(this.runboardDir, this.distDir, emulator);
    this.deferClose(() => server.close());
    const cookie = await sessionCookieHeader(server.browserOrigin);
    const runboard = { ...server, distDir: this.distDir, cookie, emulator };
    await checkRunboard(runboard);
    return runboard;
  }

  private async startFloor(): Promise<FloorUnderTest> {
    const build = await buildRunsFloor();
    const runboard = await this.runboard();
    const dataFile = join(REPOSITORY_ROOT, ".runboard/bench-runs-floor-data.json");
    writeFileSync(dataFile, JSON.stringify(await copyFloorPages(runboard)));
    const server = await startNextServer({
      label: "floor",
      cwd: build.dir,
      env: { BENCH_FLOOR_DATA: dataFile },
      readinessPath: `/render/${SMALL_WORKFLOW}`,
    });
    this.deferClose(() => server.close());
    return { ...server, build };
  }
}

/** The floors show exactly what Runboard's own route answers for the same pages. */
async function copyFloorPages(runboard: RunboardUnderTest): Promise<Record<string, unknown>> {
  const pages: Record<string, unknown> = {};
  for (const { workflowId, page, status } of FLOOR_PAGES) {
    const search = new URLSearchParams({ page: String(page), per_page: String(PER_PAGE) });
    if (status) search.set("status", status);
    const url = `${runboard.origin}/api/workflows/${workflowId}/logs?${search}`;
    const response = await fetch(url, { headers: { Cookie: runboard.cookie } });
    if (!response.ok) throw new Error(`Copying ${url} for the floors: HTTP ${response.status}.`);
    pages[floorPageKey(workflowId, page, status)] = await response.json();
  }
  return pages;
}

/** One request of each kind before timing anything: a wrong setup must fail, not look fast. */
async function checkRunboard(runboard: RunboardUnderTest): Promise<void> {
  const agent = new Agent({ keepAlive: false });
  const headers = { Cookie: runboard.cookie };
  try {
    const last = await timedGet(
      {
        name: "check",
        url: `${runboard.origin}${runboardLogsPath(BIG_WORKFLOW, BIG_LAST_PAGE)}`,
        headers,
      },
      agent,
    );
    const body = JSON.parse(last.body.toString()) as { runs?: unknown[]; meta?: { total: number } };
    if (
      last.status !== 200 ||
      body.runs?.length !== PER_PAGE ||
      body.meta?.total !== BIG_WORKFLOW_RUNS
    ) {
      throw new Error(
        `Runboard's answer for ${BIG_WORKFLOW} page ${BIG_LAST_PAGE} is not ${PER_PAGE} of ${BIG_WORKFLOW_RUNS} runs.`,
      );
    }
    const page = await timedGet(
      { name: "check", url: `${runboard.origin}/workflows/${SMALL_WORKFLOW}`, headers },
      agent,
    );
    if (page.status !== 200 || !page.body.toString().includes(SMALL_WORKFLOW_NAME)) {
      throw new Error(`The runs page answered ${page.status} without the workflow: not signed in?`);
    }
  } finally {
    agent.destroy();
  }
}
