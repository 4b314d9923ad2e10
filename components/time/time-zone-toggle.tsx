"use client";

import { SegmentedControl } from "@/components/ui/segmented-control";
import type { TimeZoneMode } from "@/lib/format/time-zone-preference";
import { useTime } from "./time-provider";

export interface TimeZoneToggleProps {
  className?: string;
}

/** Longer names ("America/Argentina/Buenos_Aires") shrink to their city so the toggle fits 375 px. */
const MAX_ZONE_LABEL = 16;

function shortZoneName(timeZone: string): string {
  if (timeZone.length <= MAX_ZONE_LABEL) return timeZone;
  return (timeZone.split("/").at(-1) ?? timeZone).replaceAll("_", " ");
}

/**
 * "Local (Europe/Berlin)" | "UTC". The choice applies app-wide and is remembered by the time
 * provider.
 */
export function TimeZoneToggle({ className }: TimeZoneToggleProps) {
  const { mode, localTimeZone, setMode } = useTime();
  const shortLocal = shortZoneName(localTimeZone);
  return (
    <SegmentedControl<TimeZoneMode>
      label="Time zone"
      value={mode}
      onChange={setMode}
      className={className}
      options={[
        {
          value: "local",
          label: `Local (${shortLocal})`,
          title: shortLocal !== localTimeZone ? localTimeZone : undefined,
        },
        { value: "utc", label: "UTC" },
      ]}
    />
  );
}
