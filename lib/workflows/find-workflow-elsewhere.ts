import "server-only";
import type { QuotaLayer } from "@/lib/quota-layer";
import type { SessionWorkspace } from "@/lib/session/workspaces";

export interface WorkflowElsewhere {
  workspaceId: string;
  label: string;
}

/**
 * Which other workspace of the session holds a workflow the active key does not know, for a
 * link opened under the wrong workspace. Costs one details call per other key, through the quota
 * layer: cached 5 minutes like the runs page's own details answer, so a second look costs
 * nothing, and each answer stays under its own key. The first workspace in the session's order
 * that knows the id wins; any failure (not found, a refused or expired key, LeadLex down) counts
 * as "not there".
 */
export async function findWorkflowElsewhere(
  layer: Pick<QuotaLayer, "getWorkflow">,
  others: readonly SessionWorkspace[],
  workflowId: string,
): Promise<WorkflowElsewhere | null> {
  const answers = await Promise.all(
    others.map(async (workspace) => {
      try {
        await layer.getWorkflow(workspace.apiKey, workflowId);
        return { workspaceId: workspace.id, label: workspace.label };
      } catch {
        return null;
      }
    }),
  );
  return answers.find((answer) => answer !== null) ?? null;
}
