import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { RunsView } from "@/components/runs/runs-view";
import { WorkflowRunsSkeleton } from "@/components/runs/workflow-runs-skeleton";
import { RememberRecentWorkflow } from "@/components/workflows/remember-recent-workflow";
import { WorkflowHeader } from "@/components/workflows/workflow-header";
import { WorkflowInOtherWorkspace } from "@/components/workflows/workflow-in-other-workspace";
import { settleWithin } from "@/lib/async/settle-within";
import { clientWentAway } from "@/lib/http/request-lifetime";
import { resolveAfterNow } from "@/lib/format/rolling-window";
import { isWorkflowId } from "@/lib/model/workflow-id";
import { getQueryClient } from "@/lib/query/get-query-client";
import { runsQueryKey } from "@/lib/query/runs-query";
import { quotaLayer } from "@/lib/quota-layer";
import { readOtherWorkspaces, requireApiKey } from "@/lib/session/session";
import type { LinkRepair } from "@/lib/url-state/link-repairs";
import { findRunsViewRepairs } from "@/lib/url-state/runs-view-repairs";
import { loadRunsViewState, serializeRunsViewState } from "@/lib/url-state/runs-link-state";
import { toLogsQuery } from "@/lib/url-state/runs-view-state";
import { searchStringOf } from "@/lib/url-state/url-params";
import { findWorkflowElsewhere } from "@/lib/workflows/find-workflow-elsewhere";
import { loadWorkflowRuns, type WorkflowRuns } from "@/lib/workflows/load-workflow-runs";

/**
 * How long the page waits for LeadLex before it starts streaming. An unknown id can only answer
 * a real 404 while nothing has been sent yet; LeadLex normally answers in well under this, so it
 * almost always does. A slower LeadLex gets the skeleton at this point instead, and an unknown id
 * found out later is the same not-found page, sent with 200 and `noindex`.
 */
const STATUS_DECISION_MS = 1_500;

export async function generateMetadata({
  params,
}: PageProps<"/workflows/[id]">): Promise<Metadata> {
  const { id } = await params;
  // The id, not the name: a title is not worth a second upstream call per page view.
  return { title: isWorkflowId(id) ? `Runs of ${id}` : "Workflow" };
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
  if (!isWorkflowId(id)) notFound();
  const raw = await searchParams;
  const returnTo = `/workflows/${id}${searchStringOf(raw)}`;
  const apiKey = await requireApiKey(returnTo);

  const state = loadRunsViewState(raw);
  const query = toLogsQuery(state);
  const content = {
    id,
    query,
    repairs: findRunsViewRepairs(raw, state),
    canonicalSearch: serializeRunsViewState(state),
    returnTo,
  };
  // The cache key keeps a rolling window rolling; LeadLex gets the instant it names now.
  const loading = loadWorkflowRuns(quotaLayer(), apiKey, id, resolveAfterNow(query));

  const early = await settleWithin(loading, STATUS_DECISION_MS);
  // A load dropped while LeadLex was asked (its call is cancelled with it, which settles `loading`
  // early): drawing the page, or its error, would be work for a closed socket.
  if (clientWentAway()) return null;
  if (early.settled) return <WorkflowRuns data={early.value} {...content} />;
  return (
    <Suspense fallback={<WorkflowRunsSkeleton />}>
      <StreamedWorkflowRuns loading={loading} {...content} />
    </Suspense>
  );
}

interface WorkflowRunsProps {
  data: WorkflowRuns;
  id: string;
  query: ReturnType<typeof toLogsQuery>;
  repairs: LinkRepair[];
  canonicalSearch: string;
  returnTo: string;
}

async function StreamedWorkflowRuns({
  loading,
  ...props
}: Omit<WorkflowRunsProps, "data"> & { loading: Promise<WorkflowRuns> }) {
  const data = await loading;
  // Abandoned while LeadLex was asked: draw nothing for nobody (a storm of dropped loads otherwise
  // costs a full render each).
  if (clientWentAway()) return null;
  return <WorkflowRuns data={data} {...props} />;
}

function WorkflowRuns({ data, id, query, repairs, canonicalSearch, returnTo }: WorkflowRunsProps) {
  const { workflow, runs } = data;
  const workflowError = workflow.ok ? null : workflow.error;
  const runsError = runs.ok ? null : runs.error;
  if (workflowError?.code === "not_found" && runsError?.code === "not_found") {
    return <UnknownWorkflow id={id} returnTo={returnTo} />;
  }

  const queryClient = getQueryClient();
  if (runs.ok) queryClient.setQueryData(runsQueryKey(id, query), runs.value);
  // LeadLex keeps the runs of a deleted workflow: its details are gone but its history is not.
  const deleted = workflowError?.code === "not_found" && runsError === null;
  // When both calls failed the same way, the runs section says it once.
  const headerError =
    workflowError && !deleted && workflowError.code !== runsError?.code
      ? { message: workflowError.message, requestId: workflowError.requestId }
      : null;

  return (
    <div className="space-y-4">
      <WorkflowHeader
        workflow={workflow.ok ? workflow.value : null}
        workflowId={id}
        deleted={deleted}
        loadError={headerError}
      />
      {workflow.ok ? <RememberRecentWorkflow id={id} name={workflow.value.name} /> : null}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RunsView
          workflowId={id}
          serverError={runsError?.toBody() ?? null}
          repairs={repairs}
          canonicalSearch={canonicalSearch}
          workflowFetchedAt={workflow.ok ? workflow.value.fetchedAt : null}
          workflowName={workflow.ok ? workflow.value.name : null}
        />
      </HydrationBoundary>
    </div>
  );
}

/**
 * A workflow the active key does not know: if another workspace of the session holds it (one
 * details call per other key, cached), the page says so and offers the switch; else not found.
 */
async function UnknownWorkflow({ id, returnTo }: { id: string; returnTo: string }) {
  const session = await readOtherWorkspaces();
  const elsewhere = session ? await findWorkflowElsewhere(quotaLayer(), session.others, id) : null;
  if (!session || !elsewhere) notFound();
  return (
    <WorkflowInOtherWorkspace
      activeLabel={session.activeLabel}
      elsewhere={elsewhere}
      returnTo={returnTo}
    />
  );
}
