"use client";

import {
  formatDateTime,
  formatExactUtc,
  formatRelative,
  formatShortDateTime,
  formatZoneOffset,
} from "@/lib/format/date-time";
import { useTime } from "./time-provider";

interface RelativeTimeProps {
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

/** The exact time in the viewer's chosen zone, with its offset. */
export function ExactTime({ iso, className }: RelativeTimeProps) {
  const { timeZone } = useTime();
  return (
    <time dateTime={iso} title={formatExactUtc(iso)} className={className}>
      {formatDateTime(iso, timeZone)}{" "}
      <span className="text-slate-500 dark:text-slate-400">{formatZoneOffset(iso, timeZone)}</span>
    </time>
  );
}

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
      <span className="tabular-nums">{formatShortDateTime(iso, timeZone, now)}</span>{" "}
      <span className="text-xs text-slate-500 dark:text-slate-400">{formatRelative(iso, now)}</span>
    </time>
  );
}
