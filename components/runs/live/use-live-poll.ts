"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { countNewRuns, type NewRunsCount } from "@/lib/live/count-new-runs";
import { liveIntervalMs } from "@/lib/live/live-interval";
import { livePauseReason, type LivePauseReason } from "@/lib/live/live-pause";
import type { LogsQuery } from "@/lib/model/queries";
import { liveRunsQueryOptions, type LivePoll } from "@/lib/query/live-runs-query";
import type { RunsQueryOptionsFor, ServedRunsPage } from "@/lib/query/runs-query";
import { useDocumentHidden } from "./use-document-hidden";

export interface LivePollState {
  /** Why Live is not polling now, or null while it polls. */
  paused: LivePauseReason | null;
  intervalMs: number;
  /** The quota layer held the last poll back for people's clicks: the wait before the next. */
  heldBackMs: number | null;
  failed: boolean;
  /** Runs above the newest one on screen, when the last poll found some. */
  newRuns: NewRunsCount | null;
  /** Puts the last poll's page 1 on screen: what the banner counted, with no new call. */
  showNewRuns: () => void;
}

interface PollResult {
  key: string;
  poll: LivePoll | null;
}

function nextPollMs(poll: LivePoll | null | undefined, fittedMs: number): number {
  if (poll && "heldBackMs" in poll) return Math.max(fittedMs, poll.heldBackMs);
  return poll?.page.livePollIntervalMs ?? fittedMs;
}

/**
 * Live's polling: page 1 of the view's filters, through our logs route at priority `live` (asked
 * past the cache, held back before a click would be), once at once and then every interval while
 * on, visible and not historical; turning visible again polls at once. A timer of its own rather
 * than `useQuery`'s `refetchInterval`: importing `useQuery` here cost the page's first load ~400 B
 * (see `live-runs-query.ts`). The rows on screen are only compared with its answers.
 */
export function useLivePoll(
  workflowId: string,
  query: LogsQuery,
  on: boolean,
  optionsFor: RunsQueryOptionsFor,
): LivePollState {
  const queryClient = useQueryClient();
  const hidden = useDocumentHidden();
  // The runs view's time filter is a start (`after`): its window always reaches now.
  const paused = livePauseReason({ hidden, page: query.page, windowEnded: false });
  const shown = useShownPage(optionsFor(query).queryKey);
  // The plan, and so the interval, from the daily quota the rows on screen came with.
  const fittedMs = liveIntervalMs(shown?.rateLimit?.limit ?? null);
  const live = liveRunsQueryOptions(workflowId, query, optionsFor);
  const liveKey = JSON.stringify(live.queryKey);
  const latestLive = useRef(live);
  useEffect(() => {
    latestLive.current = live;
  });
  const [result, setResult] = useState<PollResult | null>(null);
  const polling = on && paused === null;

  useEffect(() => {
    if (!polling) return;
    const options = latestLive.current;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pollOnce = async () => {
      const poll = await queryClient.fetchQuery(options).catch(() => null);
      if (stopped) return;
      setResult({ key: liveKey, poll });
      timer = setTimeout(() => void pollOnce(), nextPollMs(poll, fittedMs));
    };
    void pollOnce();
    return () => {
      stopped = true;
      clearTimeout(timer);
      void queryClient.cancelQueries({ queryKey: options.queryKey, exact: true });
    };
  }, [polling, liveKey, fittedMs, queryClient]);

  const current = on && result?.key === liveKey ? result : null;
  const poll = current?.poll ?? null;
  const polledPage = poll && "page" in poll ? poll.page : null;
  const counted =
    polledPage && shown && query.page === 1
      ? countNewRuns(shown.runs[0] ?? null, polledPage.runs, polledPage.meta.total)
      : null;

  return {
    paused,
    intervalMs: nextPollMs(poll, fittedMs),
    heldBackMs: poll && "heldBackMs" in poll ? poll.heldBackMs : null,
    failed: current !== null && poll === null,
    newRuns: counted && counted.count > 0 ? counted : null,
    showNewRuns: () => {
      if (!polledPage) return;
      const { queryKey } = optionsFor(query);
      // The other pages moved down by the new runs: asked again when next shown.
      void queryClient.invalidateQueries({ queryKey: queryKey.slice(0, 2), refetchType: "none" });
      queryClient.setQueryData(queryKey, polledPage);
    },
  };
}

/** The page the view shows under `queryKey`, watched in the cache without ever fetching it. */
function useShownPage(queryKey: readonly unknown[]): ServedRunsPage | undefined {
  const queryClient = useQueryClient();
  const keyText = JSON.stringify(queryKey);
  const subscribe = useCallback(
    (onChange: () => void) => queryClient.getQueryCache().subscribe(onChange),
    [queryClient],
  );
  const read = () => queryClient.getQueryData<ServedRunsPage>(JSON.parse(keyText) as unknown[]);
  return useSyncExternalStore(subscribe, read, read);
}
