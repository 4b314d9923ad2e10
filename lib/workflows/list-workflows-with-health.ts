import "server-only";
import type { QuotaLayer, QuotaLayerCallOptions } from "@/lib/quota-layer/quota-layer";
import { loadWorkflowHealth, type HealthSources } from "./load-workflow-health";
import type { HealthMode } from "./health-budget";
import { sortByAttention } from "./needs-attention";
import { listWorkflowsWithDisabledReasons } from "./with-disabled-reasons";
import {
  upstreamListQuery,
  type WorkflowListQuery,
  type WorkflowListWithHealth,
} from "./workflow-list";

export interface ListWithHealthOptions extends QuotaLayerCallOptions {
  /** "requested": a person pressed Load health. */
  healthMode?: HealthMode;
  nowMs?: number;
}

/**
 * The workflow list as the home page and `GET /api/workflows` serve it: LeadLex's page (plus the
 * disabled rows' reasons), then each row's health within the quota rules (`load-workflow-health`),
 * then, sorted by attention, the ranking's page. The disabled rows' details are fetched first so
 * the health finds them in the cache rather than pricing them again.
 */
export async function listWorkflowsWithHealth(
  sources: HealthSources & { layer: Pick<QuotaLayer, "listWorkflows"> },
  apiKey: string,
  query: WorkflowListQuery,
  options: ListWithHealthOptions = {},
): Promise<WorkflowListWithHealth> {
  const { healthMode = "auto", nowMs = Date.now(), ...callOptions } = options;
  const listed = await listWorkflowsWithDisabledReasons(
    sources.layer,
    apiKey,
    upstreamListQuery(query),
    callOptions,
  );
  const health = await loadWorkflowHealth(sources, apiKey, listed.workflows, {
    mode: healthMode,
    nowMs,
    signal: callOptions.signal,
  });
  const ledger = await sources.layer.readLedger(apiKey);
  const rateLimit = ledger.daily ?? listed.rateLimit;
  if (query.sort === null) return { ...listed, rateLimit, health, ranking: null };

  const ranked = sortByAttention(listed.workflows, health.byId);
  const offset = (query.page - 1) * query.perPage;
  return {
    ...listed,
    rateLimit,
    workflows: ranked.slice(offset, offset + query.perPage),
    meta: { page: query.page, perPage: query.perPage, total: ranked.length },
    health,
    ranking: { ranked: ranked.length, total: listed.meta.total },
  };
}
