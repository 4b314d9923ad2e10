import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { RunsAcrossView } from "@/components/runs-across/runs-across-view";
import { getQueryClient } from "@/lib/query/get-query-client";
import { runsAcrossQueryKey } from "@/lib/query/runs-across-query";
import { quotaLayer } from "@/lib/quota-layer";
import { runIndexService } from "@/lib/run-index/server";
import { loadFirstRunsAcross } from "@/lib/runs/load-runs-across";
import { requireApiKey } from "@/lib/session/session";
import { findRunsAcrossViewRepairs } from "@/lib/url-state/runs-across-view-repairs";
import {
  loadRunsAcrossViewState,
  serializeRunsAcrossViewState,
  toRunsAcrossQuery,
  withConsistentRange,
} from "@/lib/url-state/runs-across-view-state";
import { searchStringOf } from "@/lib/url-state/url-params";
import { clientWentAway } from "@/lib/http/request-lifetime";

export const metadata: Metadata = { title: "Runs" };

/**
 * Runs across every workflow of the workspace. The first answer is computed here from the run
 * index (syncing what the filters need) and handed to the view under the key the browser uses.
 */
export default async function RunsAcrossPage({ searchParams }: PageProps<"/runs">) {
  const raw = await searchParams;
  const apiKey = await requireApiKey(`/runs${searchStringOf(raw)}`);
  const state = loadRunsAcrossViewState(raw);
  const query = toRunsAcrossQuery(state);
  const first = await loadFirstRunsAcross(quotaLayer(), runIndexService(), apiKey, query);
  // Dropped while LeadLex was asked: drawing the answer would be work for a closed socket.
  if (clientWentAway()) return null;

  const queryClient = getQueryClient();
  if (first.ok) queryClient.setQueryData(runsAcrossQueryKey(query), first.page);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Runs</h1>
        <p className="mt-1 hidden text-sm sm:block text-slate-600 dark:text-slate-400">
          Every workflow&apos;s runs in one list, from Runboard&apos;s run index.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RunsAcrossView
          serverError={first.ok ? null : first.error}
          repairs={findRunsAcrossViewRepairs(raw, state)}
          canonicalSearch={serializeRunsAcrossViewState(withConsistentRange(state))}
        />
      </HydrationBoundary>
    </div>
  );
}
