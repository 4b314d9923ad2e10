"use client";

import dynamic from "next/dynamic";
import type { RateLimitStatus } from "@/lib/model/page-meta";
import type { RunsQueryOptionsFor } from "@/lib/query/runs-query";
import type { RefreshTarget } from "@/lib/refresh/refresh-target";
import { TimeZoneToggleOnDemand } from "@/components/time/time-zone-toggle-on-demand";
import { CopyButtonOnDemand } from "@/components/ui/copy-button-on-demand";
import { HeaderQuotaOnDemand } from "@/components/layout/header-quota-on-demand";

// Server-rendered like the rest, but their code only matters once someone uses them.
const AsOfRefresh = dynamic(() =>
  import("@/components/freshness/as-of-refresh").then((m) => m.AsOfRefresh),
);
// Its panel, the cost question and the streamed download: code for the few who export.
const ExportRuns = dynamic(() => import("./export-runs").then((m) => m.ExportRuns));
const FrozenLinkButton = dynamic(() =>
  import("./frozen-link-button").then((m) => m.FrozenLinkButton),
);
// Live, its banner and the slow-load note: the first load carries only this line (the budget).
const RunsLive = dynamic(() => import("./live/runs-live").then((m) => m.RunsLive));

function currentAddress(): string {
  return window.location.href;
}

interface RunsViewActionsProps {
  rateLimit: RateLimitStatus | null;
  /** The age of the oldest answer on screen (the runs page or the workflow's details). */
  fetchedAt: string | null;
  refreshTarget: RefreshTarget;
  /** The view's time filter rolls with the clock: a second link, frozen to instants, is offered. */
  rolling: boolean;
  /** The view's fetcher, for Live's polls. */
  optionsFor: RunsQueryOptionsFor;
}

/**
 * The runs view's own actions: how old its answers are (and Refresh), Live, its quota (shown in
 * the app header), how times are
 * shown, a link to exactly this view (rolling, and frozen when its window rolls), and an
 * export of the whole filtered set.
 */
export function RunsViewActions({
  rateLimit,
  fetchedAt,
  refreshTarget,
  rolling,
  optionsFor,
}: RunsViewActionsProps) {
  return (
    <>
      <AsOfRefresh fetchedAt={fetchedAt} target={refreshTarget} />
      {refreshTarget.view === "runs" ? (
        <RunsLive
          workflowId={refreshTarget.workflowId}
          query={refreshTarget.query}
          rateLimit={rateLimit}
          optionsFor={optionsFor}
        />
      ) : null}
      <HeaderQuotaOnDemand rateLimit={rateLimit} />
      <TimeZoneToggleOnDemand />
      <CopyButtonOnDemand
        value={currentAddress}
        label={rolling ? "Copy rolling link" : "Copy link"}
        copiedLabel="Link copied"
        showLabel
        icon="link"
        variant="secondary"
        size="md"
      />
      {rolling ? <FrozenLinkButton /> : null}
      {refreshTarget.view === "runs" ? (
        <ExportRuns
          // A new filter is a new file: its cost is asked again, nothing of the last one kept.
          key={`${refreshTarget.query.status}|${refreshTarget.query.after}`}
          workflowId={refreshTarget.workflowId}
          query={refreshTarget.query}
        />
      ) : null}
    </>
  );
}
