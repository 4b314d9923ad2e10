"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { RefreshIcon, WarningIcon } from "@/components/ui/icons";
import type { AppError } from "@/lib/model/app-error";
import { isRetryable } from "@/lib/model/app-error";
import { connectUrlFor } from "@/lib/session/safe-next-path";

interface RunsErrorStateProps {
  error: AppError;
  onRetry: () => void;
  /** The page to come back to after reconnecting. */
  returnTo: string;
}

const titleByCode: Partial<Record<AppError["code"], string>> = {
  not_connected: "You are not connected",
  invalid_key: "Your API key was rejected",
  key_expired: "Your API key has expired",
  insufficient_permissions: "This key cannot read workflows",
  not_found: "Workflow not found",
  bad_request: "That request was not valid",
  rate_limited: "Rate limit reached",
  upstream_unavailable: "LeadLex is unavailable",
  upstream_timeout: "LeadLex timed out",
  upstream_invalid_response: "LeadLex sent an unreadable answer",
};

/**
 * What went wrong, what to do, and the request id to quote. A rate limit counts down to its reset
 * and retries by itself once it has passed.
 */
export function RunsErrorState({ error, onRetry, returnTo }: RunsErrorStateProps) {
  const needsReconnect =
    error.code === "invalid_key" || error.code === "key_expired" || error.code === "not_connected";

  return (
    <div
      role="alert"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-700/60 dark:bg-amber-950/40"
    >
      <h2 className="flex items-center gap-2 text-base font-semibold">
        <WarningIcon className="size-5 text-amber-700 dark:text-amber-400" />
        {titleByCode[error.code] ?? "Something went wrong"}
      </h2>
      <p className="mt-1">{error.message}</p>
      {error.code === "rate_limited" ? (
        <RateLimitCountdown seconds={error.retryAfterSeconds} onElapsed={onRetry} />
      ) : null}
      {error.requestId ? (
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          LeadLex request id: <span className="font-mono select-all">{error.requestId}</span>
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        {needsReconnect ? (
          <Link
            href={connectUrlFor(returnTo)}
            className="inline-flex h-9 items-center rounded-md bg-sky-700 px-3 font-medium text-white hover:bg-sky-800"
          >
            Reconnect
          </Link>
        ) : null}
        {error.code === "not_found" || error.code === "insufficient_permissions" ? (
          <Link
            href="/"
            className="inline-flex h-9 items-center rounded-md border border-slate-300 px-3 font-medium hover:bg-white dark:border-slate-600 dark:hover:bg-slate-900"
          >
            Back to all workflows
          </Link>
        ) : null}
        {isRetryable(error.code) ? (
          <button
            type="button"
            onClick={onRetry}
            className="inline-flex h-9 items-center gap-1.5 rounded-md border border-slate-300 px-3 font-medium hover:bg-white dark:border-slate-600 dark:hover:bg-slate-900"
          >
            <RefreshIcon className="size-4" />
            Try again
          </button>
        ) : null}
      </div>
    </div>
  );
}

function RateLimitCountdown({
  seconds,
  onElapsed,
}: {
  seconds: number | null;
  onElapsed: () => void;
}) {
  const [deadline] = useState(() => (seconds === null ? null : Date.now() + seconds * 1000));
  const [left, setLeft] = useState(seconds);

  useEffect(() => {
    if (deadline === null) return;
    const timer = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        onElapsed();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [deadline, onElapsed]);

  if (left === null) {
    return (
      <p className="mt-2">LeadLex did not say when the limit resets; try again in a minute.</p>
    );
  }
  return (
    <p className="mt-2" aria-live="polite">
      {left > 0 ? (
        <>
          The limit resets in <span className="font-semibold tabular-nums">{formatWait(left)}</span>
          ; Runboard will retry automatically then.
        </>
      ) : (
        "Retrying now…"
      )}
    </p>
  );
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, "0")} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}
