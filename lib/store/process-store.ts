import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { logServerEvent } from "@/lib/server-log";
import { guardStore } from "./guarded-store";
import { createMemoryStore } from "./memory-store";
import { createRedisStore } from "./redis-store";
import type { Store } from "./store";

/**
 * The one store engine of this server process, built from the environment: Redis when REDIS_URL
 * is set (shared by replicas), else the in-process store. The quota layer seals its entries on
 * top of it; session records and connect-attempt windows hold no user data and use it directly.
 */

/** After a failed Redis command, how long callers go on without the store before trying again. */
const REDIS_COOLDOWN_MS = 10_000;
/** How long server start-up waits for Redis; a replica starts without it after that. */
const REDIS_CONNECT_WAIT_MS = 3_000;

// One per process, on globalThis: Next bundles pages, route handlers and server actions into
// separate module graphs, and a page's cached answer, an action's purge and a route handler's
// read must all reach the same store. Only bytes cross between graphs.
const ENGINE = "__runboardStoreEngine";
type Global = typeof globalThis & { [ENGINE]?: Store };

let connecting: Promise<boolean> = Promise.resolve(true);

export function processStore(): Store {
  const global = globalThis as Global;
  if (!global[ENGINE]) {
    const env = serverEnv();
    global[ENGINE] = openStore(env.REDIS_URL, env.CACHE_MEMORY_MB);
  }
  return global[ENGINE];
}

/**
 * Opens the store at server start (see `instrumentation.ts`), so the first requests find Redis
 * connected; false when it did not connect in time (the server then starts without it).
 */
export function openStoreEarly(): Promise<boolean> {
  processStore();
  return connecting;
}

function openStore(redisUrl: string | undefined, memoryMb: number): Store {
  if (!redisUrl) return createMemoryStore({ maxBytes: memoryMb * 1024 * 1024 });
  const redis = createRedisStore({ url: redisUrl });
  connecting = redis.ready(REDIS_CONNECT_WAIT_MS);
  return guardStore(redis, {
    cooldownMs: REDIS_COOLDOWN_MS,
    // One line per outage, not one per request; the URL (it may hold a password) is never logged.
    onDown: (error) =>
      logServerEvent("warn", "store_unavailable", {
        engine: "redis",
        cause: error instanceof Error ? error.name : undefined,
        fallback: "calling LeadLex directly",
      }),
    onUp: () => logServerEvent("info", "store_available", { engine: "redis" }),
  });
}
