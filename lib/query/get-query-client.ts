import { isServer, QueryClient } from "@tanstack/react-query";

/**
 * A fresh QueryClient per server request (so one user's data can never be served to another) and
 * one long-lived client in the browser.
 */
function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Prefetched on the server: do not refetch the same data right after hydration.
        staleTime: 30_000,
        // The gateway already retried upstream, within its time budget: its answer is final.
        retry: false,
        refetchOnWindowFocus: false,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
