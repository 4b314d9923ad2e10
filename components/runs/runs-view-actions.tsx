"use client";

import dynamic from "next/dynamic";
import type { RateLimitStatus } from "@/lib/model/page-meta";
import { CopyButtonOnDemand } from "@/components/ui/copy-button-on-demand";
import { QuotaIndicator } from "./quota-indicator";

// Server-rendered like the rest, but its code only matters once someone uses it; the chunk is
// shared with the "After" picker, which shows the toggle too.
const TimeZoneToggle = dynamic(() =>
  import("@/components/time/time-zone-toggle").then((m) => m.TimeZoneToggle),
);

function currentAddress(): string {
  return window.location.href;
}

/** The runs view's own actions: its quota, how times are shown, and a link to exactly this view. */
export function RunsViewActions({ rateLimit }: { rateLimit: RateLimitStatus | null }) {
  return (
    <>
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
    </>
  );
}
