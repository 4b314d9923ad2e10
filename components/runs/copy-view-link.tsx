"use client";

import { useEffect, useState } from "react";
import { CheckIcon, LinkIcon } from "@/components/ui/icons";

const CONFIRMATION_MS = 1_500;

/** Copies the address of the current view; every filter, the page and the open run are in it. */
export function CopyViewLink() {
  const [copied, setCopied] = useState<boolean | null>(null);

  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <>
      {/* A live region inside the button would leave the button without a name; it sits beside it. */}
      <button
        type="button"
        onClick={() => void copy()}
        className="inline-flex h-9 items-center gap-1.5 rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
      >
        {copied ? <CheckIcon className="size-4" /> : <LinkIcon className="size-4" />}
        {copied === null ? "Copy link" : copied ? "Link copied" : "Copy failed"}
      </button>
      <span role="status" className="sr-only">
        {copied === null ? "" : copied ? "Link copied" : "Copy failed"}
      </span>
    </>
  );
}
