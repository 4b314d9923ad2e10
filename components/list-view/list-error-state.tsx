"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Button, buttonVariants } from "@/components/ui/button";
import { RefreshIcon } from "@/components/ui/icons/refresh-icon";
import { WarningIcon } from "@/components/ui/icons/warning-icon";
import type { AppErrorDetails } from "@/lib/model/app-error-body";
import { errorWordsFor } from "@/lib/model/error-vocabulary";
import { connectUrlFor } from "@/lib/session/safe-next-path";
import { RateLimitCountdown } from "./rate-limit-countdown";

export interface ListErrorStateProps {
  error: AppErrorDetails;
  onRetry: () => void;
}

/**
 * A list could not be loaded: the code's title, what happened, the request id to quote, and the
 * one way on the error vocabulary names for it. A rate limit counts down to its reset and retries
 * by itself once it has passed.
 */
export function ListErrorState({ error, onRetry }: ListErrorStateProps) {
  const { title, message, action } = errorWordsFor(error.code);
  return (
    <div
      role="alert"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-700/60 dark:bg-amber-950/40"
    >
      <h2 className="flex items-center gap-2 text-base font-semibold">
        <WarningIcon className="size-5 shrink-0 text-amber-700 dark:text-amber-400" />
        {title}
      </h2>
      <p className="mt-1 max-w-2xl [overflow-wrap:anywhere]">{error.message || message}</p>
      {action === "wait_and_retry" ? (
        <RateLimitCountdown seconds={error.retryAfterSeconds} onElapsed={onRetry} />
      ) : null}
      {error.requestId ? (
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          LeadLex request id:{" "}
          <span className="font-mono [overflow-wrap:anywhere] select-all">{error.requestId}</span>{" "}
          (quote it when you report this problem)
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        {action === "reconnect" ? <ReconnectLink /> : null}
        {action === "back_to_list" ? (
          <Link href="/" className={buttonVariants({ variant: "secondary" })}>
            Back to all workflows
          </Link>
        ) : null}
        {action === "retry" || action === "wait_and_retry" ? (
          <Button onClick={onRetry}>
            <RefreshIcon className="size-4" />
            Try again
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** To the connect page, and back to this view with its filters once connected. */
function ReconnectLink() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const returnTo = `${pathname}${searchParams.size > 0 ? `?${searchParams}` : ""}`;
  return (
    <Link href={connectUrlFor(returnTo)} className={buttonVariants({ variant: "primary" })}>
      Reconnect
    </Link>
  );
}
