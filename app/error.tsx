"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { RefreshIcon } from "@/components/ui/icons/refresh-icon";
import { WarningIcon } from "@/components/ui/icons/warning-icon";

interface ErrorPageProps {
  /** Anything thrown; from a server component, an Error whose message Next has replaced. */
  error: unknown;
  /** Fetches this segment from the server again and renders it anew. */
  retry: () => void;
}

/**
 * The last resort for a page that failed in a way it had no designed state for. The raw message
 * and stack are never shown (they may hold internals); the digest is, so a report can be matched to
 * the server's log line.
 */
export default function ErrorPage({ error, retry }: ErrorPageProps) {
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;

  useEffect(() => {
    // The browser console only; the server has already logged its side under the digest.
    console.error(error);
  }, [error]);

  return (
    <div className="mx-auto max-w-xl py-10">
      <div className="flex items-center gap-2 text-red-800 dark:text-red-300">
        <WarningIcon className="size-5 shrink-0" />
        <h1 className="text-xl font-semibold tracking-tight">This page could not be shown</h1>
      </div>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        Something went wrong inside Runboard while preparing this page. Nothing was changed in
        LeadLex. Trying again usually works; if it keeps failing, reload the page later.
      </p>
      {digest ? (
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
          Reference <span className="font-mono text-xs">{digest}</span> (include it if you report
          this problem)
        </p>
      ) : null}
      <Button variant="primary" onClick={() => retry()} className="mt-5">
        <RefreshIcon className="size-4" />
        Try again
      </Button>
    </div>
  );
}
