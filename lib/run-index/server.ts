import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { sleepUnlessAborted } from "@/lib/leadlex/transport";
import { quotaLayerWithoutRetries, sealedStore } from "@/lib/quota-layer";
import { createRunIndexService, type RunIndexService } from "./index-service";
import { fetchThroughQuotaLayer, remainingDailyQuotaOf } from "./quota-layer-fetch";

/**
 * The run index as route handlers use it: one per key in the quota layer's sealed store (purged
 * on sign-out with the rest of the key's entries), filled through the quota layer.
 */
let service: RunIndexService | undefined;

export function runIndexService(): RunIndexService {
  service ??= createRunIndexService({
    store: sealedStore(),
    fetchLogsPageFor: (apiKey) => fetchThroughQuotaLayer(quotaLayerWithoutRetries(), apiKey),
    remainingDailyQuota: (apiKey) => remainingDailyQuotaOf(quotaLayerWithoutRetries(), apiKey),
    now: Date.now,
    sleep: sleepUnlessAborted,
    indexOptions: { idleTtlMs: serverEnv().RUN_INDEX_IDLE_HOURS * 60 * 60_000 },
  });
  return service;
}
