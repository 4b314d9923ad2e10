"use client";

import {
  formatDateTime,
  formatExactUtc,
  formatRelative,
  formatZoneOffset,
} from "@/lib/format/date-time";
import { useTime } from "./time-provider";

export interface RelativeTimeProps {
  iso: string;
  className?: string;
}

/** "12 min ago", with the exact time (viewer's zone and UTC) on hover and for assistive tech. */
export function RelativeTime({ iso, className }: RelativeTimeProps) {
  const { now, timeZone } = useTime();
  const exact = `${formatDateTime(iso, timeZone)} ${formatZoneOffset(iso, timeZone)}`;
  const title = timeZone === "UTC" ? exact : `${exact} · ${formatExactUtc(iso)}`;
  return (
    <time dateTime={iso} title={title} className={className}>
      {formatRelative(iso, now)}
    </time>
  );
}
