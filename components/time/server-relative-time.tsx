import "server-only";
import {
  formatDateTime,
  formatExactUtc,
  formatRelative,
  formatZoneOffset,
} from "@/lib/format/date-time";
import { readTimeZonePreference } from "@/lib/format/read-time-zone-preference";
import { displayTimeZone } from "@/lib/format/time-zone-preference";
import type { RelativeTimeProps } from "./relative-time";

/**
 * `RelativeTime` drawn on the server: "1 h ago" as of the render, the exact time in the zone the
 * cookie remembers (and UTC) on hover. For a server component's text that need not tick, such as
 * a workflow header's last trigger: it ships no JavaScript, where the client one costs the runs
 * page's first load about 240 B.
 */
export async function ServerRelativeTime({ iso, className }: RelativeTimeProps) {
  const timeZone = displayTimeZone((await readTimeZonePreference()).preference);
  const exact = `${formatDateTime(iso, timeZone)} ${formatZoneOffset(iso, timeZone)}`;
  const title = timeZone === "UTC" ? exact : `${exact} · ${formatExactUtc(iso)}`;
  return (
    <time dateTime={iso} title={title} className={className}>
      {formatRelative(iso, new Date().toISOString())}
    </time>
  );
}
