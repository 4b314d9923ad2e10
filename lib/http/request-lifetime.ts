import { AsyncLocalStorage } from "node:async_hooks";
import type { ServerResponse } from "node:http";

/**
 * The lifetime of the HTTP request being served, as an AbortSignal that aborts when the client
 * goes away before the answer is complete. Route handlers have `request.signal`; a page's server
 * render has nothing of the kind, so the front door (which sees every request first) runs Next's
 * handling of each request inside this context, and code deep in a render reads it.
 *
 * Next bundles the front door and the pages into different module graphs, so the storage lives
 * on globalThis: both must reach the same instance.
 */
const STORAGE = Symbol.for("runboard.request-lifetime");
type Global = typeof globalThis & { [STORAGE]?: AsyncLocalStorage<AbortSignal> };

function storage(): AsyncLocalStorage<AbortSignal> {
  const global = globalThis as Global;
  global[STORAGE] ??= new AsyncLocalStorage<AbortSignal>();
  return global[STORAGE];
}

export function runForRequest<T>(response: ServerResponse, handle: () => T): T {
  const controller = new AbortController();
  response.once("close", () => {
    if (!response.writableFinished) {
      controller.abort(new DOMException("The client went away.", "AbortError"));
    }
  });
  return storage().run(controller.signal, handle);
}

/** The signal of the request this code runs for, if it came through the front door. */
export function currentRequestSignal(): AbortSignal | undefined {
  return storage().getStore();
}

/**
 * The client of the request this code runs for has gone: whatever is rendered now is written to
 * a closed socket, so a render that waited for LeadLex can stop instead of drawing the answer.
 */
export function clientWentAway(): boolean {
  return currentRequestSignal()?.aborted === true;
}
