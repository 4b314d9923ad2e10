"use client";

import dynamic from "next/dynamic";
import type { RateLimitStatus } from "@/lib/model/page-meta";
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
}

/**
 * The runs view's own actions: how old its answers are (Refresh, and Live beside it), its quota
 * (shown in the app header), how times are
 * shown, a link to exactly this view (rolling, and frozen when its window rolls), and an
 * export of the whole filtered set.
 */
export function RunsViewActions({
  rateLimit,
  fetchedAt,
  refreshTarget,
  rolling,
}: RunsViewActionsProps) {
  return (
    <>
      <AsOfRefresh fetchedAt={fetchedAt} target={refreshTarget} />
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
