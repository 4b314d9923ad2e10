import "server-only";
import type { QuotaLayer } from "@/lib/quota-layer";

/** LeadLex's largest page: the workspace's workflows in one call (cached like any list). */
const WORKFLOWS_PER_CALL = 100;

/** Every workflow of the workspace, for the views that scan several: one cached call. */
export function listWorkspaceWorkflows(
  layer: Pick<QuotaLayer, "listWorkflows">,
  apiKey: string,
  signal?: AbortSignal,
) {
  return layer.listWorkflows(
    apiKey,
    { page: 1, perPage: WORKFLOWS_PER_CALL, enabled: null, entity: null, search: null },
    { signal },
  );
}
