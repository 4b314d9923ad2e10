import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { JumpToWorkflow } from "@/components/workflows/jump-to-workflow";
import { RecentWorkflows } from "@/components/workflows/recent-workflows";
import { WorkflowsView } from "@/components/workflows/workflows-view";
import { getQueryClient } from "@/lib/query/get-query-client";
import { workflowsQueryKey } from "@/lib/query/workflows-query";
import { requireApiKey } from "@/lib/session/session";
import { searchStringOf } from "@/lib/url-state/url-params";
import { findWorkflowsViewRepairs } from "@/lib/url-state/workflows-view-repairs";
import {
  loadWorkflowsViewState,
  serializeWorkflowsViewState,
  toWorkflowsQuery,
} from "@/lib/url-state/workflows-view-state";
import { loadWorkflowList } from "@/lib/workflows/load-workflow-list";
import { clientWentAway } from "@/lib/http/request-lifetime";

export const metadata: Metadata = { title: "Workflows" };

/**
 * The home page: every workflow of the connected workspace. The page the URL asks for is fetched
 * here and handed to the list under the query key the browser will use, so the first paint has
 * rows; filters and pages after that are fetched by the browser through `/api/workflows`.
 */
export default async function HomePage({ searchParams }: PageProps<"/">) {
  const raw = await searchParams;
  const apiKey = await requireApiKey(`/${searchStringOf(raw)}`);
  const state = loadWorkflowsViewState(raw);
  const query = toWorkflowsQuery(state);
  const first = await loadWorkflowList(apiKey, query);
  // Dropped while LeadLex was asked: drawing the answer would be work for a closed socket.
  if (clientWentAway()) return null;

  const queryClient = getQueryClient();
  if (first.ok) queryClient.setQueryData(workflowsQueryKey(query), first.page);

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Workflows</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            The workflows of your LeadLex workspace. Open one to see its run history.
          </p>
        </div>
        <JumpToWorkflow />
      </div>
      <Link
        href="/runs"
        className="block rounded-lg border border-sky-300 bg-sky-50 px-4 py-3 font-medium text-sky-900 hover:bg-sky-100 dark:border-sky-800 dark:bg-sky-950/40 dark:text-sky-100 dark:hover:bg-sky-950"
      >
        What failed in the last 24 hours
        <span className="block text-sm font-normal text-slate-600 dark:text-slate-400">
          Failed runs of every enabled workflow, in one list
        </span>
      </Link>
      <RecentWorkflows />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <WorkflowsView
          serverError={first.ok ? null : first.error}
          repairs={findWorkflowsViewRepairs(raw, state)}
          canonicalSearch={serializeWorkflowsViewState(state)}
        />
      </HydrationBoundary>
    </div>
  );
}
