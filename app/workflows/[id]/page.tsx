import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RunsView } from "@/components/runs/runs-view";
import { RememberRecentWorkflow } from "@/components/workflows/remember-recent-workflow";
import { WorkflowHeader } from "@/components/workflows/workflow-header";
import { isValidWorkflowId } from "@/lib/leadlex";
import { toAppError } from "@/lib/model/app-error";
import { getQueryClient } from "@/lib/query/get-query-client";
import { runsQueryKey } from "@/lib/query/runs-query";
import { quotaLayer } from "@/lib/quota-layer";
import { requireApiKey } from "@/lib/session/session";
import {
  findRunsViewCorrections,
  loadRunsView,
  serializeRunsView,
  toLogsQuery,
} from "@/lib/url-state/runs-view";

export async function generateMetadata({
  params,
}: PageProps<"/workflows/[id]">): Promise<Metadata> {
  const { id } = await params;
  // The id, not the name: a title is not worth a second upstream call per page view.
  return { title: isValidWorkflowId(id) ? `Runs of ${id}` : "Workflow" };
}

/**
 * The runs of one workflow. The workflow and its first page of runs are fetched in parallel, here
 * on the server; the runs go into the query cache the browser's table hydrates from.
 */
export default async function WorkflowRunsPage({
  params,
  searchParams,
}: PageProps<"/workflows/[id]">) {
  const { id } = await params;
  if (!isValidWorkflowId(id)) notFound();
  const rawSearchParams = await searchParams;
  const apiKey = await requireApiKey(`/workflows/${id}${searchString(rawSearchParams)}`);

  const view = loadRunsView(rawSearchParams);
  const corrections = findRunsViewCorrections(rawSearchParams, view);
  const query = toLogsQuery(view);

  const [workflowResult, runsResult] = await Promise.allSettled([
    quotaLayer().getWorkflow(apiKey, id),
    quotaLayer().listWorkflowLogs(apiKey, id, query),
  ]);
  const workflow = workflowResult.status === "fulfilled" ? workflowResult.value : null;
  const workflowError =
    workflowResult.status === "rejected" ? toAppError(workflowResult.reason) : null;
  const runsError = runsResult.status === "rejected" ? toAppError(runsResult.reason) : null;

  if (workflowError?.code === "not_found" && runsError?.code === "not_found") notFound();

  const queryClient = getQueryClient();
  if (runsResult.status === "fulfilled") {
    queryClient.setQueryData(runsQueryKey(id, query), runsResult.value);
  }
  // LeadLex keeps the runs of a deleted workflow: its details are gone but its history is not.
  const deleted = workflowError?.code === "not_found" && runsError === null;
  // When both calls failed the same way, the runs section says it once.
  const headerError =
    workflowError && !deleted && workflowError.code !== runsError?.code
      ? { message: workflowError.message, requestId: workflowError.requestId }
      : null;

  return (
    <div className="space-y-6">
      <WorkflowHeader
        workflow={workflow}
        workflowId={id}
        deleted={deleted}
        loadError={headerError}
      />
      {workflow ? <RememberRecentWorkflow id={id} name={workflow.name} /> : null}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RunsView
          workflowId={id}
          serverError={runsError?.toBody() ?? null}
          corrections={corrections}
          canonicalSearch={serializeRunsView(view)}
          workflowFetchedAt={workflow?.fetchedAt ?? null}
        />
      </HydrationBoundary>
    </div>
  );
}

function searchString(raw: Record<string, string | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(raw)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      search.append(name, item);
    }
  }
  return search.size > 0 ? `?${search}` : "";
}
