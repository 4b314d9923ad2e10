"use client";

import dynamic from "next/dynamic";
import { resolveAfter } from "@/lib/format/rolling-window";
import type { RateLimitStatus } from "@/lib/model/page-meta";
import type { RefreshTarget } from "@/lib/refresh/refresh-target";
import { toSearchString } from "@/lib/url-state/url-params";
import { CopyButtonOnDemand } from "@/components/ui/copy-button-on-demand";
import { QuotaIndicator } from "./quota-indicator";

// Server-rendered like the rest, but its code only matters once someone uses it; the chunk is
// shared with the "After" picker, which shows the toggle too.
const AsOfRefresh = dynamic(() =>
  import("@/components/freshness/as-of-refresh").then((m) => m.AsOfRefresh),
);
const TimeZoneToggle = dynamic(() =>
  import("@/components/time/time-zone-toggle").then((m) => m.TimeZoneToggle),
);

function currentAddress(): string {
  return window.location.href;
}

/**
 * The address with a rolling `after` (`-24h`) fixed to the instant it names at the click: the
 * link for a ticket, which should show the same window next week.
 */
function frozenAddress(): string {
  const url = new URL(window.location.href);
  const after = url.searchParams.get("after");
  if (after !== null) url.searchParams.set("after", resolveAfter(after, Date.now()));
  const search = toSearchString(url.searchParams);
  return `${url.origin}${url.pathname}${search ? `?${search}` : ""}${url.hash}`;
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
 * The runs view's own actions: how old its answers are (and Refresh), its quota, how times are
 * shown, and a link to exactly this view (rolling, and frozen when its window rolls).
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
      <QuotaIndicator rateLimit={rateLimit} />
      <TimeZoneToggle />
      <CopyButtonOnDemand
        value={currentAddress}
        label={rolling ? "Copy rolling link" : "Copy link"}
        copiedLabel="Link copied"
        showLabel
        icon="link"
        variant="secondary"
        size="md"
      />
      {rolling ? (
        <CopyButtonOnDemand
          value={frozenAddress}
          label="Copy link with fixed times"
          copiedLabel="Link copied"
          showLabel
          icon="link"
          variant="secondary"
          size="md"
        />
      ) : null}
    </>
  );
}
