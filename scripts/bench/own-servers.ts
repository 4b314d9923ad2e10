import { join } from "node:path";
import {
  startAppProcess,
  startEmulatorProcess,
  type AppProcess,
  type EmulatorProcess,
} from "../support/app-instances";
import { startRedisServer, type RedisServer } from "../support/redis-server";
import { REPOSITORY_ROOT } from "../floors/scratch-project";
import type { BenchContext } from "./context";

/**
 * Servers a section starts for itself, because what it counts must not see any other section's
 * traffic or cache: a LeadLex emulator process with a request log of its own, app instances of the
 * standalone build with empty caches, a throw-away Redis. Each is handed to `context.deferClose`,
 * so it is stopped when the run ends even if the section fails half-way; stopping one earlier is
 * allowed (a second stop does nothing).
 */

/** The app instances' output: in the bench's scratch folder, not beside the committed results. */
const APP_LOG_DIR = join(REPOSITORY_ROOT, ".runboard/bench-logs");

export async function startOwnEmulator(context: BenchContext): Promise<EmulatorProcess> {
  const emulator = await startEmulatorProcess();
  context.deferClose(() => emulator.stop());
  return emulator;
}

export async function startOwnRedis(context: BenchContext): Promise<RedisServer> {
  const redis = await startRedisServer();
  context.deferClose(() => redis.stop());
  return redis;
}

/**
 * An instance of this checkout's standalone build (what a replica runs). It cannot start a copy
 * named by `BENCH_RUNBOARD_DIR`, so a run measuring a copy says so instead of measuring this one.
 */
export async function startOwnApp(
  context: BenchContext,
  env: Record<string, string>,
): Promise<AppProcess> {
  if (context.runboardDir !== REPOSITORY_ROOT) {
    throw new Error(
      "this section starts this checkout's standalone build, not the copy BENCH_RUNBOARD_DIR names",
    );
  }
  const app = await startAppProcess(env, APP_LOG_DIR);
  context.deferClose(() => app.stop());
  return app;
}
