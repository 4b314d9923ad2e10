"use client";

import dynamic from "next/dynamic";
import type { RateLimitStatus } from "@/lib/model/page-meta";
import { QuotaIndicator } from "./quota-indicator";

// Server-rendered like the rest, but their code only matters once someone uses them; the zone
// toggle's chunk is shared with the "After" picker, which shows it too.
const TimeZoneToggle = dynamic(() =>
  import("@/components/time/time-zone-toggle").then((m) => m.TimeZoneToggle),
);
const CopyButton = dynamic(() => import("@/components/ui/copy-button").then((m) => m.CopyButton));

function currentAddress(): string {
  return window.location.href;
}

/** The runs view's own actions: its quota, how times are shown, and a link to exactly this view. */
export function RunsViewActions({ rateLimit }: { rateLimit: RateLimitStatus | null }) {
  return (
    <>
      <QuotaIndicator rateLimit={rateLimit} />
      <TimeZoneToggle />
      <CopyButton
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
