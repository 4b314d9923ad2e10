import Link from "next/link";
import type { ReactNode } from "react";
import { WarningIcon } from "@/components/ui/icons";
import type { AppErrorBody, AppErrorCode } from "@/lib/model/app-error";
import { safeNextPath } from "@/lib/session/safe-next-path";

export interface WorkflowsErrorStateProps {
  error: AppErrorBody["error"];
  /** Where to come back to after reconnecting: this page with its filters. */
  returnTo: string;
  /** The "Try again" control: a link on the server-rendered page, a refetch button in the browser. */
  retry: ReactNode;
  /** Announce the error when it replaces content the reader was looking at. */
  announce?: boolean;
}

const RECONNECT_CODES: ReadonlySet<AppErrorCode> = new Set([
  "not_connected",
  "invalid_key",
  "key_expired",
  "insufficient_permissions",
]);

/** Codes whose cause is certain enough for a specific heading; the rest get a general one. */
const titles: Partial<Record<AppErrorCode, string>> = {
  not_connected: "Runboard is not connected to LeadLex",
  invalid_key: "LeadLex rejected your API key",
  key_expired: "Your API key has expired",
  insufficient_permissions: "This API key cannot read workflows",
  rate_limited: "LeadLex is rate-limiting this key",
  upstream_timeout: "LeadLex took too long to answer",
  upstream_invalid_response: "LeadLex sent a response Runboard could not read",
  bad_request: "The list could not be requested",
};

/** `45 seconds`, `about 3 minutes`, `about 7 hours`. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} ${seconds === 1 ? "second" : "seconds"}`;
  if (seconds < 3_600) {
    const minutes = Math.ceil(seconds / 60);
    return `about ${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
  }
  const hours = Math.round(seconds / 3_600);
  return `about ${hours} ${hours === 1 ? "hour" : "hours"}`;
}

function explanation(error: WorkflowsErrorStateProps["error"]): string {
  switch (error.code) {
    case "insufficient_permissions":
      return "Listing workflows needs the read:workflows permission (scope), and LeadLex says this key does not have it. Ask a LeadLex admin for a key with read:workflows, then reconnect with that key.";
    case "invalid_key":
    case "key_expired":
      return `${error.message} Reconnecting replaces the key Runboard holds for you.`;
    case "rate_limited":
      if (error.retryAfterSeconds !== null) {
        return `LeadLex asks Runboard to wait ${formatWait(error.retryAfterSeconds)} before the next call with this key; try again after that.${
          error.retryAfterSeconds >= 3_600 ? " The daily quota resets at midnight UTC." : ""
        }`;
      }
      return "Wait a minute, then try again. If the key's daily quota is spent, it resets at midnight UTC.";
    default:
      return error.message;
  }
}

/**
 * The workflow list could not be loaded: what happened, in words, and the one thing to do next —
 * reconnect when the key is the problem, try again otherwise. Shared by the server-rendered page and
 * the browser's refetches, so both say the same thing.
 */
export function WorkflowsErrorState({
  error,
  returnTo,
  retry,
  announce,
}: WorkflowsErrorStateProps) {
  const reconnect = RECONNECT_CODES.has(error.code);
  const connectHref = `/connect?${new URLSearchParams({ next: safeNextPath(returnTo) })}`;
  return (
    <section
      aria-labelledby="workflows-error-title"
      role={announce ? "alert" : undefined}
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-700/60 dark:bg-amber-950/40"
    >
      <h2 id="workflows-error-title" className="flex items-center gap-2 text-base font-semibold">
        <WarningIcon className="size-5 shrink-0 text-amber-700 dark:text-amber-400" />
        {titles[error.code] ?? "The workflows could not be loaded"}
      </h2>
      <p className="mt-1 max-w-2xl">{explanation(error)}</p>
      {error.requestId ? (
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          LeadLex request id:{" "}
          <span className="font-mono [overflow-wrap:anywhere] select-all">{error.requestId}</span>{" "}
          (quote it when you report this problem)
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        {reconnect ? (
          <Link
            href={connectHref}
            className="inline-flex h-9 items-center rounded-md bg-sky-700 px-4 font-medium text-white hover:bg-sky-800"
          >
            Reconnect
          </Link>
        ) : (
          retry
        )}
      </div>
    </section>
  );
}

/** The look of the "Try again" control, whichever element carries it. */
export const retryButtonClass =
  "inline-flex h-9 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-4 font-medium text-slate-900 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";
