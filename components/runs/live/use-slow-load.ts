"use client";

import { useIsFetching, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { LogsQuery } from "@/lib/model/queries";
import type { RunsQueryOptionsFor } from "@/lib/query/runs-query";

/** After this long a load says it is still waiting, rather than a silent skeleton or dim rows. */
export const SLOW_LOAD_MS = 2_000;
const TICK_MS = 250;

export interface SlowLoad {
  /** How long the view's load has waited, once that is over `SLOW_LOAD_MS`; null otherwise. */
  waitedMs: number | null;
  /** The load this view's filters, page or Refresh started was cancelled by the person. */
  cancelled: boolean;
  cancel: () => void;
  retry: () => void;
}

/**
 * Watches the one query the view's rows come from (a new filter, a page, a refetch after
 * Refresh); Live's polls have a key of their own and never count. Cancel aborts its fetch (the
 * signal reaches our route, which drops its LeadLex call when nobody else waits for it) and
 * leaves the previous rows on screen.
 */
export function useSlowLoad(query: LogsQuery, optionsFor: RunsQueryOptionsFor): SlowLoad {
  const queryClient = useQueryClient();
  const { queryKey } = optionsFor(query);
  const keyText = JSON.stringify(queryKey);
  const fetching = useIsFetching({ queryKey, exact: true }) > 0;
  const [waited, setWaited] = useState<{ key: string; ms: number } | null>(null);
  const [cancelledKey, setCancelledKey] = useState<string | null>(null);

  useEffect(() => {
    if (!fetching) return;
    const startedMs = Date.now();
    const timer = setInterval(
      () => setWaited({ key: keyText, ms: Date.now() - startedMs }),
      TICK_MS,
    );
    return () => {
      clearInterval(timer);
      setWaited(null);
    };
  }, [fetching, keyText]);

  const waitedMs =
    fetching && waited?.key === keyText && waited.ms >= SLOW_LOAD_MS ? waited.ms : null;
  return {
    waitedMs,
    cancelled: cancelledKey === keyText && !fetching,
    cancel: () => {
      setCancelledKey(keyText);
      void queryClient.cancelQueries({ queryKey, exact: true });
    },
    retry: () => {
      setCancelledKey(null);
      void queryClient.refetchQueries({ queryKey, exact: true });
    },
  };
}
