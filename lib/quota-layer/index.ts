import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { currentRequestSignal } from "@/lib/http/request-lifetime";
import { leadlex, leadlexWithoutRetries, type LeadlexClient } from "@/lib/leadlex";
import { sleepUnlessAborted } from "@/lib/leadlex/transport";
import { processStore } from "@/lib/store/process-store";
import { createSealedStore, type SealedStore } from "@/lib/store/sealed-store";
import { createQuotaLayer, type QuotaLayer } from "./quota-layer";

/**
 * The quota layer and its sealed store, built once per module graph on the process's one store
 * engine (`lib/store/process-store.ts`). Pages, route handlers and server actions call LeadLex
 * only through `quotaLayer()`.
 */

let store: SealedStore | undefined;
let layer: QuotaLayer | undefined;
let backgroundLayer: QuotaLayer | undefined;

/** For the run index and later hardening: the sealed store the layer uses. */
export function sealedStore(): SealedStore {
  store ??= createSealedStore(processStore(), serverEnv().sessionSecret);
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
    requestSignal: currentRequestSignal,
  });
}

export type { QuotaLayer, QuotaLayerCallOptions } from "./quota-layer";
export type { LedgerSnapshot } from "./quota-ledger";
export { HeldBackError } from "./held-back-error";
export { NotCachedError } from "./not-cached-error";
