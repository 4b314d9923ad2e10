"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { resolveAfter } from "@/lib/format/rolling-window";
import { toSearchString } from "@/lib/url-state/url-params";

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

/** "Copy link with fixed times", offered while the view's window rolls. */
export function FrozenLinkButton() {
  return (
    <CopyButton
      value={frozenAddress}
      label="Copy link with fixed times"
      copiedLabel="Fixed link copied"
      showLabel
      icon="link"
      variant="secondary"
      size="md"
    />
  );
}
