import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { leadlex, leadlexWithoutRetries, type LeadlexClient } from "@/lib/leadlex";
import { sleepUnlessAborted } from "@/lib/leadlex/transport";
import { logServerEvent } from "@/lib/server-log";
import { guardStore } from "@/lib/store/guarded-store";
import { createMemoryStore } from "@/lib/store/memory-store";
import { createRedisStore } from "@/lib/store/redis-store";
import { createSealedStore, type SealedStore } from "@/lib/store/sealed-store";
import type { Store } from "@/lib/store/store";
import { createQuotaLayer, type QuotaLayer } from "./quota-layer";

/**
 * The quota layer and its sealed store, built once per server process from the environment:
 * Redis when REDIS_URL is set (shared by replicas), else the in-process store. Pages, route
 * handlers and server actions call LeadLex only through `quotaLayer()`.
 */

/** After a failed Redis command, how long the layer goes straight to LeadLex before trying again. */
const REDIS_COOLDOWN_MS = 10_000;
/** How long server start-up waits for Redis; a replica starts without it after that. */
const REDIS_CONNECT_WAIT_MS = 3_000;

// The engine is one per process, on globalThis: Next bundles pages, route handlers and server
// actions into separate module graphs, and a page's cached answer, an action's purge and a route
// handler's read must all reach the same store. Only bytes cross between graphs; each graph builds
// its own layer on it, so errors stay instances of that graph's classes.
const ENGINE = "__runboardStoreEngine";
type Global = typeof globalThis & { [ENGINE]?: Store };

function engine(): Store {
  const global = globalThis as Global;
  if (!global[ENGINE]) {
    const env = serverEnv();
    global[ENGINE] = openStore(env.REDIS_URL, env.CACHE_MEMORY_MB);
  }
  return global[ENGINE];
}

/**
 * Opens the store at server start (see `instrumentation.ts`), so the first requests find Redis
 * connected; false when it did not connect in time (the layer then starts without it).
 */
export function openStoreEarly(): Promise<boolean> {
  engine();
  return connecting;
}

let store: SealedStore | undefined;
let layer: QuotaLayer | undefined;
let backgroundLayer: QuotaLayer | undefined;

/** For the run index and later hardening: the sealed store the layer uses. */
export function sealedStore(): SealedStore {
  store ??= createSealedStore(engine(), serverEnv().sessionSecret);
  return store;
}

export function quotaLayer(): QuotaLayer {
  layer ??= layerOver(leadlex());
  return layer;
}

/**
 * The same layer (the same store, so the same cache, ledger and leases) over a client that never
 * retries: the run index gives up on a 429 at once and picks its own time to try again.
 */
export function quotaLayerWithoutRetries(): QuotaLayer {
  backgroundLayer ??= layerOver(leadlexWithoutRetries());
  return backgroundLayer;
}

function layerOver(client: LeadlexClient): QuotaLayer {
  return createQuotaLayer({
    client,
    store: sealedStore(),
    now: Date.now,
    sleep: (ms) => sleepUnlessAborted(ms),
    upstreamBudgetMs: serverEnv().LEADLEX_TOTAL_TIMEOUT_MS,
  });
}

let connecting: Promise<boolean> = Promise.resolve(true);

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

export type { QuotaLayer, QuotaLayerCallOptions } from "./quota-layer";
export type { LedgerSnapshot } from "./quota-ledger";
export { HeldBackError } from "./held-back-error";
