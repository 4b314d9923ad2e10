import { ApiFailure, parseAppErrorBody } from "@/lib/model/app-error-body";

/**
 * The browser's only way to our route handlers. A failed answer becomes an `ApiFailure` with the
 * error body our server sent; a network failure on the way to our own server is reported as such.
 */
export async function fetchOwnApi<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { signal, headers: { Accept: "application/json" } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiFailure({
      code: "upstream_unavailable",
      message: "Runboard's server could not be reached. Check your connection and try again.",
      requestId: null,
      retryAfterSeconds: null,
    });
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok && body !== null) return body as T;
  const errorBody = parseAppErrorBody(body);
  throw new ApiFailure(
    errorBody?.error ?? {
      code: "internal_error",
      message: "",
      requestId: null,
      retryAfterSeconds: null,
    },
  );
}
