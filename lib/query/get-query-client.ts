import { isServer, QueryClient } from "@tanstack/react-query";
import { AppError } from "@/lib/model/app-error";

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
        // The gateway already retried upstream; an AppError is its final answer.
        retry: (failureCount, error) => !(error instanceof AppError) && failureCount < 1,
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
