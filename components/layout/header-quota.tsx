"use client";

import { useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import { QuotaIndicator } from "@/components/runs/quota-indicator";
import type { RateLimitStatus } from "@/lib/model/page-meta";
import { HEADER_QUOTA_SLOT_ID } from "./header-quota-slot";

interface HeaderQuotaProps {
  rateLimit: RateLimitStatus | null;
}

/**
 * The key's remaining daily quota, as the view's latest answer gave it, shown in the app header
 * rather than above the table. A portal, not a shared store: the header is the layout's and
 * client navigations do not re-render it, while the view is re-rendered with every answer. The
 * figure goes when the view does, so another key's session never sees it.
 */
export function HeaderQuota({ rateLimit }: HeaderQuotaProps) {
  const slot = useSyncExternalStore(neverChanges, findSlot, noSlotOnServer);
  return slot ? createPortal(<QuotaIndicator rateLimit={rateLimit} />, slot) : null;
}

// The slot is in the layout's markup for as long as the view exists: nothing to subscribe to.
function neverChanges(): () => void {
  return () => {};
}

function findSlot(): HTMLElement | null {
  return document.getElementById(HEADER_QUOTA_SLOT_ID);
}

// Hydration starts from the server's render, which has no document and so no portal.
function noSlotOnServer(): null {
  return null;
}
