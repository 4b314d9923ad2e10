import { ApiFailure, parseAppErrorBody } from "@/lib/model/app-error-body";
import { PRIORITY_HEADER, type RequestPriority } from "@/lib/model/request-priority";

/**
 * The browser's only way to our route handlers. A failed answer becomes an `ApiFailure` with the
 * error body our server sent; a network failure on the way to our own server is reported as such.
 * A fetch ahead names its priority, so the server's quota layer may hold it back.
 */
export async function fetchOwnApi<T>(
  path: string,
  signal?: AbortSignal,
  priority: RequestPriority = "user",
): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (priority !== "user") headers[PRIORITY_HEADER] = priority;
  let response: Response;
  try {
    response = await fetch(path, { signal, headers });
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
