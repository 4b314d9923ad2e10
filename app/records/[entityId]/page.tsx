import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { RecordHistoryView } from "@/components/records/record-history-view";
import { RecordIdRefused } from "@/components/records/record-id-refused";
import { isEntityId } from "@/lib/model/entity-id";
import { getQueryClient } from "@/lib/query/get-query-client";
import { recordHistoryQueryKey } from "@/lib/query/record-history-query";
import { quotaLayer } from "@/lib/quota-layer";
import { loadFirstRecordHistory } from "@/lib/records/load-record-history";
import { runIndexService } from "@/lib/run-index/server";
import { requireApiKey } from "@/lib/session/session";
import { findRecordViewRepairs } from "@/lib/url-state/record-view-repairs";
import {
  loadRecordViewState,
  serializeRecordViewState,
  toRecordHistoryQuery,
} from "@/lib/url-state/record-view-state";
import { searchStringOf } from "@/lib/url-state/url-params";
import { clientWentAway } from "@/lib/http/request-lifetime";

export async function generateMetadata({
  params,
}: PageProps<"/records/[entityId]">): Promise<Metadata> {
  const { entityId } = await params;
  return { title: isEntityId(entityId) ? `Runs of ${entityId}` : "Record" };
}

/**
 * One CRM record's history across the workspace's workflows. The first answer is computed here
 * from the run index (syncing the workflows the id's type triggers) and handed to the view under
 * the key the browser polls while the rest of the window fills.
 */
export default async function RecordHistoryPage({
  params,
  searchParams,
}: PageProps<"/records/[entityId]">) {
  const { entityId } = await params;
  const raw = await searchParams;
  if (!isEntityId(entityId)) {
    await requireApiKey(`/records${searchStringOf(raw)}`);
    return <RecordIdRefused given={entityId} />;
  }
  const apiKey = await requireApiKey(`/records/${entityId}${searchStringOf(raw)}`);
  const state = loadRecordViewState(raw);
  const query = toRecordHistoryQuery(entityId, state);
  // Opened by a person (often from a run they just saw): synced now, not answered as held.
  const first = await loadFirstRecordHistory(quotaLayer(), runIndexService(), apiKey, query, {
    maxSyncAgeMs: 0,
  });
  // Dropped while LeadLex was asked: drawing the answer would be work for a closed socket.
  if (clientWentAway()) return null;

  const queryClient = getQueryClient();
  if (first.ok) queryClient.setQueryData(recordHistoryQueryKey(query), first.page);

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          CRM record{first.ok ? ` · ${first.page.entityType}` : ""}
        </p>
        <h1 className="font-mono text-xl font-semibold tracking-tight [overflow-wrap:anywhere]">
          {entityId}
        </h1>
        <p className="mt-1 hidden text-sm sm:block text-slate-600 dark:text-slate-400">
          Its runs in every workflow its type triggers, from Runboard&apos;s run index.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RecordHistoryView
          entityId={entityId}
          serverError={first.ok ? null : first.error}
          repairs={findRecordViewRepairs(raw, state)}
          canonicalSearch={serializeRecordViewState(state)}
        />
      </HydrationBoundary>
    </div>
  );
}
