import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { leadlex } from "@/lib/leadlex";
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

let store: SealedStore | undefined;
let layer: QuotaLayer | undefined;

/** For the run index and later hardening: the sealed store the layer uses. */
export function sealedStore(): SealedStore {
  store ??= createSealedStore(engine(), serverEnv().sessionSecret);
  return store;
}

export function quotaLayer(): QuotaLayer {
  layer ??= createQuotaLayer({
    client: leadlex(),
    store: sealedStore(),
    now: Date.now,
    sleep: (ms) => sleepUnlessAborted(ms),
    upstreamBudgetMs: serverEnv().LEADLEX_TOTAL_TIMEOUT_MS,
  });
  return layer;
}

function openStore(redisUrl: string | undefined, memoryMb: number): Store {
  if (!redisUrl) return createMemoryStore({ maxBytes: memoryMb * 1024 * 1024 });
  return guardStore(createRedisStore({ url: redisUrl }), {
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
