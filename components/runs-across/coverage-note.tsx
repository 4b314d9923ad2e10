"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useState } from "react";
import { DateTimeWithAge } from "@/components/time/date-time-with-age";
import { RelativeTime } from "@/components/time/relative-time";
import { Button } from "@/components/ui/button";
import { formatCount } from "@/lib/format/numbers";
import { formatWait } from "@/lib/format/wait";
import type { RunsAcrossPage } from "@/lib/model/runs-across-page";
import { fetchOwnApi } from "@/lib/query/fetch-own-api";

const calls = (count: number) => `${formatCount(count)} LeadLex call${count === 1 ? "" : "s"}`;

/**
 * What the answer rests on, said before the figures: the window synced and how fresh, what this
 * answer cost, what is still filling, and what filling the rest would cost before it is spent.
 */
interface CoverageNoteProps {
  page: Pick<RunsAcrossPage, "coverage" | "fill" | "workflows" | "callsSpent">;
  /** The view's query key: the answer to a confirmation or a cancel replaces its page. */
  queryKey: QueryKey;
  /** The view's route with `fill=confirm`: starts the fill whose cost was shown. */
  confirmPath: string;
  /** Where given (the view's route with `fill=cancel`), a running fill can be stopped. */
  cancelPath?: string;
}

interface FillLineProps {
  page: CoverageNoteProps["page"];
  onConfirmFill: () => void;
  onCancelFill?: () => void;
  /** A confirmation or a cancel is on its way. */
  sending: boolean;
}

export function CoverageNote({ page, queryKey, confirmPath, cancelPath }: CoverageNoteProps) {
  const queryClient = useQueryClient();
  const [sending, setSending] = useState(false);
  // Loaded with this note, not with the page: the view's first load stays inside its budget.
  async function send(path: string) {
    setSending(true);
    try {
      queryClient.setQueryData(queryKey, await fetchOwnApi(path));
    } finally {
      setSending(false);
    }
  }
  const { coverage } = page;
  const gaps = coverage.gapWorkflows.length;
  const windowStart = new Date(coverage.windowFromMs).toISOString();
  return (
    <div
      data-testid="coverage-note"
      className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300"
    >
      <p>
        Synced from{" "}
        {coverage.windowToMs === null ? (
          <RelativeTime iso={windowStart} />
        ) : (
          <DateTimeWithAge iso={windowStart} />
        )}{" "}
        {coverage.complete ? (
          <>for all {page.workflows.length} workflows in scope</>
        ) : (
          <>
            for {page.workflows.length - gaps} of {page.workflows.length} workflows; the rest is
            partial
          </>
        )}
        {coverage.syncedAsOfMs !== null ? (
          <>
            , as of <RelativeTime iso={new Date(coverage.syncedAsOfMs).toISOString()} />
          </>
        ) : null}
        . This answer cost {calls(page.callsSpent)}.
        {coverage.windowToMs !== null ? (
          <>
            {" "}
            Shown up to <DateTimeWithAge iso={new Date(coverage.windowToMs).toISOString()} />.
            LeadLex filters runs by their start only, so the sync reads every run since the
            window&apos;s start.
          </>
        ) : null}
        {coverage.droppedBeforeMs !== null ? (
          <>
            {" "}
            Runs older than <RelativeTime
              iso={new Date(coverage.droppedBeforeMs).toISOString()}
            />{" "}
            were dropped to keep the index within its size.
          </>
        ) : null}
      </p>
      <FillLine
        page={page}
        onConfirmFill={() => void send(confirmPath)}
        onCancelFill={cancelPath === undefined ? undefined : () => void send(cancelPath)}
        sending={sending}
      />
    </div>
  );
}

function FillLine({ page, onConfirmFill, onCancelFill, sending }: FillLineProps) {
  const { fill } = page;
  switch (fill.state) {
    case "running": {
      const total = fill.callsMade + (fill.callsToFill ?? 0);
      return (
        <div className="flex flex-wrap items-center gap-3">
          <p role="status">
            Filling the rest: {formatCount(fill.callsMade)} of about {calls(total)} made. Rows
            appear as they arrive.
          </p>
          <progress
            aria-label="Filling the window"
            value={fill.callsMade}
            max={Math.max(1, total)}
            className="h-2 w-40 max-w-full accent-sky-700"
          />
          {onCancelFill ? <CancelFillButton onClick={onCancelFill} disabled={sending} /> : null}
        </div>
      );
    }
    case "paused":
      return (
        <div className="flex flex-wrap items-center gap-3">
          <p role="status">
            Filling paused by LeadLex&apos;s rate limit after {calls(fill.callsMade)}; it goes on
            {fill.retryAfterSeconds !== null
              ? ` in ${formatWait(fill.retryAfterSeconds)}`
              : " soon"}
            .
          </p>
          {onCancelFill ? <CancelFillButton onClick={onCancelFill} disabled={sending} /> : null}
        </div>
      );
    case "held_back":
      return (
        <p role="status">
          The rest waits so the key keeps calls for your own clicks
          {fill.retryAfterSeconds !== null
            ? `; it is asked for again in ${formatWait(fill.retryAfterSeconds)}`
            : ""}
          .
        </p>
      );
    case "needs_confirmation":
      return (
        <div className="flex flex-wrap items-center gap-3">
          <p>
            Syncing the rest of this window costs about {calls(fill.callsToFill ?? 0)}
            {fill.remainingQuota !== null &&
            fill.unconfirmedBudget !== null &&
            (fill.callsToFill ?? 0) > fill.unconfirmedBudget
              ? `, more than 20 % of the ${formatCount(fill.remainingQuota)} left today`
              : ""}
            . Nothing more is spent until you say so.
          </p>
          <Button variant="secondary" size="sm" onClick={onConfirmFill} disabled={sending}>
            Spend {calls(fill.callsToFill ?? 0)}
          </Button>
        </div>
      );
    case "stopped":
      return <p>Filling stopped ({fill.stopReason ?? "unknown reason"}); ask again to resume.</p>;
    default:
      return null;
  }
}

function CancelFillButton({ onClick, disabled }: { onClick: () => void; disabled: boolean }) {
  return (
    <Button variant="secondary" size="sm" onClick={onClick} disabled={disabled}>
      Cancel
    </Button>
  );
}
