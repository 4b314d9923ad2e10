import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { JumpToWorkflow } from "@/components/workflows/jump-to-workflow";
import { RecentWorkflows } from "@/components/workflows/recent-workflows";
import { WorkflowsView } from "@/components/workflows/workflows-view";
import {
  retryButtonClass,
  WorkflowsErrorState,
} from "@/components/workflows/workflows-error-state";
import { RefreshIcon, WarningIcon } from "@/components/ui/icons";
import { AppError, type AppErrorBody } from "@/lib/model/app-error";
import type { WorkflowsQuery } from "@/lib/model/queries";
import { getQueryClient } from "@/lib/query/get-query-client";
import { workflowsQueryKey } from "@/lib/query/workflows-query";
import { quotaLayer } from "@/lib/quota-layer";
import { requireApiKey } from "@/lib/session/session";
import {
  findWorkflowsViewCorrections,
  loadWorkflowsView,
  toWorkflowsQuery,
  type WorkflowsViewCorrection,
} from "@/lib/url-state/workflows-view";
import { listWorkflowsWithDisabledReasons } from "@/lib/workflows/with-disabled-reasons";
import type { WorkflowListPage } from "@/lib/workflows/workflow-list";

export const metadata: Metadata = { title: "Workflows" };

type RawSearchParams = Awaited<PageProps<"/">["searchParams"]>;

/**
 * The home page: every workflow of the connected workspace. The page the URL asks for is fetched
 * here and handed to the list under the query key the browser will use, so the first paint has
 * rows; filters and pages after that are fetched by the browser through `/api/workflows`.
 */
export default async function HomePage({ searchParams }: PageProps<"/">) {
  const raw = await searchParams;
  const search = toSearchString(raw);
  const apiKey = await requireApiKey(`/${search}`);
  const view = loadWorkflowsView(raw);
  const corrections = findWorkflowsViewCorrections(raw, view);
  const query = toWorkflowsQuery(view);
  const result = await loadFirstPage(apiKey, query);

  let list: ReactNode;
  if (result.ok) {
    const queryClient = getQueryClient();
    queryClient.setQueryData(workflowsQueryKey(query), result.page);
    list = (
      <HydrationBoundary state={dehydrate(queryClient)}>
        <WorkflowsView />
      </HydrationBoundary>
    );
  } else {
    list = (
      <WorkflowsErrorState
        error={result.error}
        returnTo={`/${search}`}
        retry={
          // A new request for this same URL runs this page, and so the LeadLex call, again.
          <Link href={`/${search}`} prefetch={false} className={retryButtonClass}>
            <RefreshIcon className="size-4" />
            Try again
          </Link>
        }
      />
    );
  }

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
      <RecentWorkflows />
      {corrections.length > 0 ? <CorrectionsNotice corrections={corrections} /> : null}
      {list}
    </div>
  );
}

type FirstPage = { ok: true; page: WorkflowListPage } | { ok: false; error: AppErrorBody["error"] };

/** An AppError is a designed state of this page; anything else is a bug for `error.tsx`. */
async function loadFirstPage(apiKey: string, query: WorkflowsQuery): Promise<FirstPage> {
  try {
    return { ok: true, page: await listWorkflowsWithDisabledReasons(quotaLayer(), apiKey, query) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toBody().error };
    throw error;
  }
}

/** `?q=won&enabled=false`, or "" — the URL as given, for coming back to it after connecting. */
function toSearchString(raw: RawSearchParams): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(raw)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      params.append(name, item);
    }
  }
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/** Same look and words as the runs page's notice, for repairs made to this page's link. */
function CorrectionsNotice({ corrections }: { corrections: WorkflowsViewCorrection[] }) {
  return (
    <div
      role="status"
      className="flex items-start gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700/60 dark:bg-amber-950/40"
    >
      <WarningIcon className="mt-0.5 size-4 shrink-0 text-amber-700 dark:text-amber-400" />
      <div className="min-w-0 flex-1">
        <p className="font-medium">This link had values Runboard could not use as given:</p>
        <ul className="mt-1 list-disc space-y-0.5 pl-5 [overflow-wrap:anywhere]">
          {corrections.map((correction, index) => (
            <li key={`${correction.parameter}-${index}`}>{correction.message}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
