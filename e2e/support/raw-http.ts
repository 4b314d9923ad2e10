import { request as httpRequest } from "node:http";
import type { BrowserContext } from "@playwright/test";

/**
 * HTTP exactly as written: the path goes on the wire byte for byte (no dot-segment removal, no
 * re-encoding), which Playwright's request API and browsers would "fix" first. For hostile URLs.
 */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  ms: number;
}

export interface RawRequest {
  baseUrl: string;
  /** Path and query as they go on the wire. */
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs?: number;
}

export function rawRequest({
  baseUrl,
  path,
  method = "GET",
  headers = {},
  body,
  timeoutMs = 20_000,
}: RawRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      // Next answers some odd paths with a redirect that repeats the path in two headers.
      { host: hostname, port, path, method, headers, timeout: timeoutMs, maxHeaderSize: 1 << 20 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            ms: Date.now() - started,
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`timed out after ${timeoutMs} ms: ${path}`)));
    req.on("error", reject);
    req.end(body);
  });
}

export const SESSION_COOKIE_NAME = "__Host-runboard_session";

/** `Cookie:` header value carrying the context's session, for requests made outside the browser. */
export async function sessionCookieHeader(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE_NAME);
  if (!cookie) throw new Error(`no ${SESSION_COOKIE_NAME} cookie in this context`);
  return `${cookie.name}=${cookie.value}`;
}

/** Runs `work` over `items`, `concurrency` at a time, keeping the order of results. */
export async function mapPool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
