"use client";

import { useCallback, useRef } from "react";
import { Button } from "@/components/ui/button";
import { describeNewRuns } from "@/lib/live/count-new-runs";
import type { LogsQuery } from "@/lib/model/queries";
import type { RequestPriority } from "@/lib/model/request-priority";
import { runsQueryOptions } from "@/lib/query/runs-query";
import { liveParam } from "@/lib/url-state/live-param";
import { useUrlParams } from "@/lib/url-state/use-url-params";
import { LiveToggle } from "./live-toggle";
import { StillWaitingNote } from "./still-waiting-note";
import { useLivePoll } from "./use-live-poll";
import { useSlowLoad } from "./use-slow-load";

const liveParsers = { live: liveParam };

export interface RunsLiveProps {
  workflowId: string;
  query: LogsQuery;
}

/**
 * A runs view's Live toggle, its "N new runs" banner and the "still waiting…" note of a slow
 * load: one chunk, loaded after the page's first load (by `as-of-refresh.tsx`), which reads
 * `live` from the URL itself. The banner and the note float under the toggle, taking no room,
 * so nothing they do moves the rows under the pointer.
 */
export function RunsLive({ workflowId, query }: RunsLiveProps) {
  // The view's own fetcher and keys: Live asks page 1 with it and finds the rows on screen by it.
  const optionsFor = useCallback(
    (of: LogsQuery, priority?: RequestPriority) => runsQueryOptions(workflowId, of, priority),
    [workflowId],
  );
  const [{ live }, setLive] = useUrlParams(liveParsers);
  const on = live === true;
  const poll = useLivePoll(workflowId, query, on, optionsFor);
  const slowLoad = useSlowLoad(query, optionsFor);
  const toggleRef = useRef<HTMLSpanElement>(null);

  return (
    <span ref={toggleRef} className="relative">
      <LiveToggle
        on={on}
        // Not a new view for Back, as opening a run is not.
        onChange={(next) => setLive({ live: next ? true : null }, { history: "replace" })}
        state={poll}
      />
      <span className="absolute top-full right-0 z-10 mt-2 flex w-max flex-col items-end gap-2">
        {on && poll.newRuns ? (
          <Button
            variant="primary"
            size="sm"
            className="shadow-md"
            onClick={() => {
              poll.showNewRuns();
              // The banner leaves with the press: focus stays on the Live control beside it.
              toggleRef.current?.querySelector("button")?.focus();
            }}
          >
            ↑ {describeNewRuns(poll.newRuns)}
          </Button>
        ) : null}
        <StillWaitingNote {...slowLoad} />
      </span>
    </span>
  );
}
