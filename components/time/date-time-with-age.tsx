"use client";

import { formatExactUtc, formatRelative, formatShortDateTime } from "@/lib/format/date-time";
import type { RelativeTimeProps } from "./relative-time";
import { useTime } from "./time-provider";

/**
 * "17 Apr, 09:31:05 · 3 h ago": the date and time in the viewer's chosen zone first (what tells
 * rows apart), its age as secondary text, the exact UTC time on hover. A time LeadLex sent that
 * cannot be read is shown as it came.
 */
export function DateTimeWithAge({ iso, className }: RelativeTimeProps) {
  const { now, timeZone } = useTime();
  if (Number.isNaN(Date.parse(iso))) return <span className={className}>{iso}</span>;
  return (
    <time dateTime={iso} title={formatExactUtc(iso)} className={className}>
      <span className="date-time-value">{formatShortDateTime(iso, timeZone, now)}</span>{" "}
      <span className="date-time-age">{formatRelative(iso, now)}</span>
    </time>
  );
}
