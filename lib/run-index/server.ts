import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { sleepUnlessAborted } from "@/lib/leadlex/transport";
import { quotaLayerWithoutRetries, sealedStore } from "@/lib/quota-layer";
import { createRunIndexService, type RunIndexService } from "./index-service";
import { fetchThroughQuotaLayer, remainingDailyQuotaOf } from "./quota-layer-fetch";

/**
 * The run index as pages and route handlers use it: one per key in the quota layer's sealed store
 * (purged on sign-out with the rest of the key's entries), filled through the quota layer.
 *
 * One service per process, on globalThis: Next bundles pages and route handlers into separate
 * module graphs, and a fill started by a page's render must be the one the route handler's
 * Cancel stops (with a module-level service each graph had its own running fills, and Cancel
 * found none).
 */
const SERVICE = Symbol.for("runboard.run-index-service");
type Global = typeof globalThis & { [SERVICE]?: RunIndexService };

export function runIndexService(): RunIndexService {
  const global = globalThis as Global;
  global[SERVICE] ??= createRunIndexService({
    store: sealedStore(),
    fetchLogsPageFor: (apiKey) => fetchThroughQuotaLayer(quotaLayerWithoutRetries(), apiKey),
    remainingDailyQuota: (apiKey) => remainingDailyQuotaOf(quotaLayerWithoutRetries(), apiKey),
    now: Date.now,
    sleep: sleepUnlessAborted,
    indexOptions: { idleTtlMs: serverEnv().RUN_INDEX_IDLE_HOURS * 60 * 60_000 },
  });
  return global[SERVICE];
}
