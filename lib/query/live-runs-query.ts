import type { FetchQueryOptions } from "@tanstack/react-query";
import { ApiFailure } from "@/lib/model/app-error-body";
import type { LogsQuery } from "@/lib/model/queries";
import type { RunsQueryOptionsFor, ServedRunsPage } from "./runs-query";

/** A Live poll's answer; with the tests' interval when the server has one for the emulator. */
export type LiveRunsPage = ServedRunsPage & { livePollIntervalMs?: number };

/** What one Live poll found: page 1 as it is now, or the quota layer's "not now, after this". */
export type LivePoll = { page: LiveRunsPage } | { heldBackMs: number };

/** When LeadLex or the layer gave no wait, a held-back poll tries again when the minute turns. */
const DEFAULT_HELD_BACK_MS = 60_000;

/**
 * Live's own key, apart from the view's (`runsQueryKey`): a poll never replaces the rows on
 * screen; the view takes its answer only when someone presses "N new runs".
 */
export function liveRunsQueryKey(workflowId: string, query: LogsQuery) {
  return ["runs-live", workflowId, query.perPage, query.status, query.after] as const;
}

/**
 * Page 1 of the view's filters at priority `live`, fetched with the view's own fetcher
 * (`optionsFor`). Plain options for `fetchQuery`: Live's chunk imports no `useQuery`, whose
 * import there split the page's shared chunks apart and cost ~400 B gzip of first-load JS
 * (measured with `npm run test:budget`).
 */
export function liveRunsQueryOptions(
  workflowId: string,
  query: LogsQuery,
  optionsFor: RunsQueryOptionsFor,
): FetchQueryOptions<LivePoll, Error, LivePoll, ReturnType<typeof liveRunsQueryKey>> {
  const { queryKey: pageOneKey, queryFn: fetchPageOne } = optionsFor({ ...query, page: 1 }, "live");
  return {
    queryKey: liveRunsQueryKey(workflowId, query),
    queryFn: async (context) => {
      if (!fetchPageOne) throw new Error("The runs view's query options have no fetcher.");
      try {
        return { page: await fetchPageOne({ ...context, queryKey: pageOneKey }) };
      } catch (error) {
        // Held back for people's clicks (or LeadLex's own 429): Live waits and says so.
        if (error instanceof ApiFailure && error.details.code === "rate_limited") {
          const seconds = error.details.retryAfterSeconds;
          return { heldBackMs: seconds === null ? DEFAULT_HELD_BACK_MS : seconds * 1000 };
        }
        throw error;
      }
    },
    // Every poll is a new question; the interval, not the cache, decides when it is asked.
    staleTime: 0,
  };
}
