/**
 * Links for someone else to open later: a rolling `after` (`-24h`) is fixed to the instant it
 * names now, so a ticket's link shows the same window next week. Browser-safe and pure.
 */
import { resolveAfter } from "@/lib/format/rolling-window";
import { toSearchString } from "./url-params";

/** `href` with its `after` fixed at `nowMs`; with `openRunId`, that run alone is open. */
export function frozenLink(href: string, nowMs: number, openRunId?: string): string {
  const url = new URL(href);
  const after = url.searchParams.get("after");
  if (after !== null) url.searchParams.set("after", resolveAfter(after, nowMs));
  if (openRunId !== undefined) url.searchParams.set("open", openRunId);
  const search = toSearchString(url.searchParams);
  return `${url.origin}${url.pathname}${search ? `?${search}` : ""}${url.hash}`;
}
