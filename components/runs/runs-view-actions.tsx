"use client";

import dynamic from "next/dynamic";
import type { RateLimitStatus } from "@/lib/model/page-meta";
import type { RefreshTarget } from "@/lib/refresh/refresh-target";
import { CopyButtonOnDemand } from "@/components/ui/copy-button-on-demand";
import { QuotaIndicator } from "./quota-indicator";

// Server-rendered like the rest, but its code only matters once someone uses it; the chunk is
// shared with the "After" picker, which shows the toggle too.
const AsOfRefresh = dynamic(() =>
  import("@/components/freshness/as-of-refresh").then((m) => m.AsOfRefresh),
);
// Its panel, the cost question and the streamed download: code for the few who export.
const ExportRuns = dynamic(() => import("./export-runs").then((m) => m.ExportRuns));
const TimeZoneToggle = dynamic(() =>
  import("@/components/time/time-zone-toggle").then((m) => m.TimeZoneToggle),
);

function currentAddress(): string {
  return window.location.href;
}

interface RunsViewActionsProps {
  rateLimit: RateLimitStatus | null;
  /** The age of the oldest answer on screen (the runs page or the workflow's details). */
  fetchedAt: string | null;
  refreshTarget: RefreshTarget;
}

/**
 * The runs view's own actions: how old its answers are (and Refresh), its quota, how times are
 * shown, a link to exactly this view, and an export of the whole filtered set.
 */
export function RunsViewActions({ rateLimit, fetchedAt, refreshTarget }: RunsViewActionsProps) {
  return (
    <>
      <AsOfRefresh fetchedAt={fetchedAt} target={refreshTarget} />
      <QuotaIndicator rateLimit={rateLimit} />
      <TimeZoneToggle />
      <CopyButtonOnDemand
        value={currentAddress}
        label="Copy link"
        copiedLabel="Link copied"
        showLabel
        icon="link"
        variant="secondary"
        size="md"
      />
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
