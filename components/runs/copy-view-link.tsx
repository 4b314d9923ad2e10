"use client";

import { useState } from "react";
import { CheckIcon, LinkIcon } from "@/components/ui/icons";

/** Copies the address of the current view; every filter, the page and the open run are in it. */
export function CopyViewLink() {
  const [copied, setCopied] = useState<boolean | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
    } catch {
      setCopied(false);
    }
    setTimeout(() => setCopied(null), 1_500);
  }

  return (
    <button
      type="button"
      onClick={() => void copy()}
      className="inline-flex h-9 items-center gap-1.5 rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
    >
      {copied ? <CheckIcon className="size-4" /> : <LinkIcon className="size-4" />}
      <span role="status">
        {copied === null ? "Copy link" : copied ? "Link copied" : "Copy failed"}
      </span>
    </button>
  );
}
