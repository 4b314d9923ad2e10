"use client";

import { useState } from "react";
import { resolveAfterNow } from "@/lib/format/rolling-window";
import type { LogsQuery } from "@/lib/model/queries";
import { toErrorDetails } from "@/lib/model/app-error-body";
import { fetchOwnApi } from "@/lib/query/fetch-own-api";
import { runsApiPath, type ServedRunsPage } from "@/lib/query/runs-query";
import { afterIncluding, pageOfRun, runIdTime } from "@/lib/runs/run-id-time";

export interface OpenRunNoteProps {
  runIds: readonly string[];
  workflowId: string;
  /** The view's query: the run is looked for under its filters and page size. */
  query: LogsQuery;
  /** Goes to that page of the view, with the open runs kept open. */
  onShowPage: (page: number) => void;
  onDismiss: () => void;
}

/**
 * The page each run was last taken to by "Show it", so a second miss there says so. Module state,
 * not component state: the note leaves the screen while that page loads.
 */
const shownAt = new Map<string, number>();

type Finding = { state: "idle" } | { state: "finding" } | { state: "failed"; message: string };

/**
 * The link asks for open runs that this page, with these filters, does not have: usually a shared
 * link whose run newer runs have pushed back. "Show it" finds its page from the time in its id
 * with one LeadLex call (`after` = that second, one run a page: `meta.total` is its position).
 */
export function OpenRunNote({
  runIds,
  workflowId,
  query,
  onShowPage,
  onDismiss,
}: OpenRunNoteProps) {
  return (
    <div role="status" className="mb-3 space-y-1 text-sm text-slate-700 dark:text-slate-300">
      {runIds.map((runId) => (
        <MissingRun
          key={runId}
          runId={runId}
          workflowId={workflowId}
          query={query}
          onShowPage={onShowPage}
        />
      ))}
      <button type="button" className="underline" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

interface MissingRunProps {
  runId: string;
  workflowId: string;
  query: LogsQuery;
  onShowPage: (page: number) => void;
}

function MissingRun({ runId, workflowId, query, onShowPage }: MissingRunProps) {
  const [finding, setFinding] = useState<Finding>({ state: "idle" });
  const shownKey = `${workflowId} ${runId}`;
  const time = runIdTime(runId);
  const id = <span className="font-mono">{runId}</span>;

  if (shownAt.get(shownKey) === query.page) {
    return (
      <p>
        Run {id} is not on page {query.page} either, where its time puts it: it does not match this
        view&apos;s filters.
      </p>
    );
  }
  if (time === null) {
    return (
      <p>Run {id} is not on this page with these filters, and its id does not say when it ran.</p>
    );
  }

  const show = async () => {
    setFinding({ state: "finding" });
    const resolved = resolveAfterNow(query);
    if (resolved.after !== null && time.getTime() < Date.parse(resolved.after)) {
      setFinding({
        state: "failed",
        message: "It ran before this view's After time, so no page of this view has it.",
      });
      return;
    }
    try {
      const counted = await fetchOwnApi<ServedRunsPage>(
        runsApiPath(workflowId, { ...resolved, after: afterIncluding(time), page: 1, perPage: 1 }),
      );
      const runPage = pageOfRun(counted.meta.total, query.perPage);
      shownAt.set(shownKey, runPage);
      // Drawn again either way: when its page is this one, the note now says it is not here.
      setFinding({ state: "idle" });
      onShowPage(runPage);
    } catch (error) {
      setFinding({
        state: "failed",
        message: toErrorDetails(error).message || "Runboard could not look for it. Try again.",
      });
    }
  };

  return (
    <p>
      Run {id} is not on this page with these filters.{" "}
      <button
        type="button"
        className="underline disabled:no-underline disabled:opacity-60"
        disabled={finding.state === "finding"}
        onClick={show}
      >
        {finding.state === "finding" ? "Finding it…" : "Show it"}
      </button>{" "}
      <span className="text-slate-500 dark:text-slate-400">(1 LeadLex call)</span>
      {finding.state === "failed" ? <span className="block">{finding.message}</span> : null}
    </p>
  );
}
