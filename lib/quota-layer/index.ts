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

interface Instances {
  store: SealedStore;
  layer: QuotaLayer;
}

// On globalThis: Next may load this module once for pages and once for route handlers, and the
// in-process cache must be one for both.
const INSTANCES = "__runboardQuotaLayer";
type Global = typeof globalThis & { [INSTANCES]?: Instances };

function instances(): Instances {
  const global = globalThis as Global;
  if (!global[INSTANCES]) {
    const env = serverEnv();
    const store = createSealedStore(
      openStore(env.REDIS_URL, env.CACHE_MEMORY_MB),
      env.sessionSecret,
    );
    const layer = createQuotaLayer({
      client: leadlex(),
      store,
      now: Date.now,
      sleep: (ms) => sleepUnlessAborted(ms),
      upstreamBudgetMs: env.LEADLEX_TOTAL_TIMEOUT_MS,
    });
    global[INSTANCES] = { store, layer };
  }
  return global[INSTANCES];
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

export function quotaLayer(): QuotaLayer {
  return instances().layer;
}

/** For the run index and later hardening: the same sealed store the layer uses. */
export function sealedStore(): SealedStore {
  return instances().store;
}

export type { QuotaLayer, QuotaLayerCallOptions } from "./quota-layer";
export type { LedgerSnapshot } from "./quota-ledger";
export { HeldBackError } from "./held-back-error";
