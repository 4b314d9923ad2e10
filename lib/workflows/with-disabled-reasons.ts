import "server-only";
import { toAppError } from "@/lib/model/app-error";
import { oldestFetchedAt, type AsOf } from "@/lib/model/freshness";
import type { RateLimitStatus } from "@/lib/model/page-meta";
import type { WorkflowsQuery } from "@/lib/model/queries";
import type { WorkflowsPage } from "@/lib/model/workflow";
import type { QuotaLayer, QuotaLayerCallOptions } from "@/lib/quota-layer/quota-layer";
import { logServerEvent } from "@/lib/server-log";
import type { WorkflowListItem, WorkflowListPage } from "./workflow-list";

/**
 * List items do not say why a workflow is disabled; only `GET /v1/workflows/{id}` carries
 * `auto_disabled_reason`. So for the disabled workflows on one page (usually few) the details are
 * fetched in parallel, at most `MAX_REASON_LOOKUPS` of them, since every call spends the key's
 * LeadLex quota. A failed lookup only costs the reason: that workflow shows as plain "Disabled".
 * The home page and `GET /api/workflows` both list through here, so a refetched page matches the
 * server-rendered one. The details are the same cached entries the runs page uses; the page's time
 * is the oldest of its answers.
 */
export const MAX_REASON_LOOKUPS = 10;

export async function listWorkflowsWithDisabledReasons(
  client: Pick<QuotaLayer, "listWorkflows" | "getWorkflow">,
  apiKey: string,
  query: WorkflowsQuery,
  options?: QuotaLayerCallOptions,
): Promise<WorkflowListPage> {
  const page = await client.listWorkflows(apiKey, query, options);
  return withDisabledReasons(client, apiKey, page, options);
}

export async function withDisabledReasons(
  client: Pick<QuotaLayer, "getWorkflow">,
  apiKey: string,
  page: WorkflowsPage & AsOf,
  options?: QuotaLayerCallOptions,
): Promise<WorkflowListPage> {
  const ids = [
    ...new Set(page.workflows.filter((workflow) => !workflow.enabled).map((w) => w.id)),
  ].slice(0, MAX_REASON_LOOKUPS);
  if (ids.length === 0) return page;

  const results = await Promise.allSettled(
    ids.map((id) => client.getWorkflow(apiKey, id, options)),
  );

  const reasons = new Map<string, string | null>();
  let rateLimit = page.rateLimit;
  let fetchedAt = page.fetchedAt;
  results.forEach((result, index) => {
    const id = ids[index];
    if (id === undefined) return;
    if (result.status === "fulfilled") {
      reasons.set(id, result.value.autoDisabledReason);
      rateLimit = lowerRemaining(rateLimit, result.value.rateLimit);
      fetchedAt = oldestFetchedAt(fetchedAt, result.value.fetchedAt) ?? fetchedAt;
      return;
    }
    if (options?.signal?.aborted) return;
    const error = toAppError(result.reason);
    logServerEvent("warn", "disabled_reason_lookup_failed", {
      code: error.code,
      status: error.status,
      requestId: error.requestId,
    });
  });

  const workflows: WorkflowListItem[] = page.workflows.map((workflow) =>
    reasons.has(workflow.id)
      ? { ...workflow, autoDisabledReason: reasons.get(workflow.id) ?? null }
      : workflow,
  );
  return { ...page, workflows, rateLimit, fetchedAt };
}

/** The calls count against one daily counter: the lowest `remaining` is the latest figure. */
function lowerRemaining(
  current: RateLimitStatus | null,
  next: RateLimitStatus | null,
): RateLimitStatus | null {
  if (current === null) return next;
  if (next === null) return current;
  return next.remaining < current.remaining ? next : current;
}
