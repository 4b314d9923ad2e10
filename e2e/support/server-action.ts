import type { APIRequestContext, APIResponse, Page, Request } from "@playwright/test";

/**
 * A Server Action call as the browser made it, to replay with changes (another Origin, another
 * field value). Replays go through an API request context, so they carry that context's cookies.
 */
export interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

const DROPPED_HEADERS = new Set(["cookie", "content-length", "host", "connection"]);

export async function captureAction(request: Request): Promise<CapturedAction> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(await request.allHeaders())) {
    if (!DROPPED_HEADERS.has(name) && !name.startsWith(":")) headers[name] = value;
  }
  return { url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) };
}

export function isActionRequest(request: Request): boolean {
  return request.method() === "POST" && request.headers()["next-action"] !== undefined;
}

/**
 * Runs `trigger` (a click that submits a Server Action form) and returns the action request without
 * letting it reach the server: the page's state does not change, the request can be replayed.
 */
export async function interceptAction(
  page: Page,
  trigger: () => Promise<void>,
): Promise<CapturedAction> {
  let seen = false;
  let deliver: (action: CapturedAction) => void = () => undefined;
  const captured = new Promise<CapturedAction>((resolve) => (deliver = resolve));
  await page.route("**/*", async (route) => {
    if (!seen && isActionRequest(route.request())) {
      seen = true;
      deliver(await captureAction(route.request()));
      await route.abort();
    } else {
      await route.fallback();
    }
  });
  await trigger();
  const action = await captured;
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return action;
}

export function replayAction(
  request: APIRequestContext,
  action: CapturedAction,
  changes: { headers?: Record<string, string>; body?: Buffer } = {},
): Promise<APIResponse> {
  return request.fetch(action.url, {
    method: "POST",
    headers: { ...action.headers, ...changes.headers },
    data: changes.body ?? action.body,
    maxRedirects: 0,
  });
}

/** The body with one form value replaced (the multipart boundaries stay as they were). */
export function withFieldValue(action: CapturedAction, from: string, to: string): Buffer {
  const text = action.body.toString("latin1");
  if (!text.includes(from)) throw new Error(`the action body does not contain ${from}`);
  return Buffer.from(text.replace(from, Buffer.from(to, "utf8").toString("latin1")), "latin1");
}
