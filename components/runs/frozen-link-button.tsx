"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { frozenLink } from "@/lib/url-state/frozen-link";

/** "Copy link with fixed times", offered while the view's window rolls. */
export function FrozenLinkButton() {
  return (
    <CopyButton
      value={() => frozenLink(window.location.href, Date.now())}
      label="Copy link with fixed times"
      copiedLabel="Fixed link copied"
      showLabel
      icon="link"
      variant="secondary"
      size="md"
    />
  );
}
