"use client";

import {
  formatDateTime,
  formatExactUtc,
  formatRelative,
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
