/**
 * The one storage interface Runboard's server keeps shared state in: cached LeadLex answers, the
 * quota ledger, locks and leases, rate-limit windows. Two engines implement it (`memory-store.ts`,
 * in this process; `redis-store.ts`, shared by replicas) and pass the same contract suite
 * (`store-contract.ts`). Engines store bytes as given: sealing sits above them (`sealed-store.ts`).
 *
 * Keys are `<namespace>:<rest>`. The namespace is everything before the first `:` and is what
 * `purgeNamespace` removes at once (one API key's entries, for sign-out). Every operation may
 * reject with `StoreUnavailableError` when the engine cannot answer in time.
 */

export interface Store {
  readonly engine: "memory" | "redis";

  get(key: string): Promise<Buffer | null>;
  /** Stores `value` for `ttlMs` (at least 1 ms); replaces what was there. */
  set(key: string, value: Buffer, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Removes every value, lease and window counter whose key starts with `<namespace>:`. */
  purgeNamespace(namespace: string): Promise<void>;

  /**
   * Takes the lease `key` for `ttlMs` if nobody holds it: a fresh token, or null while another
   * holder's lease runs. A holder that crashes loses it when the time runs out.
   */
  acquireLease(key: string, ttlMs: number): Promise<string | null>;
  /** Extends a lease still held with `token`; false when it expired or someone else took it. */
  renewLease(key: string, token: string, ttlMs: number): Promise<boolean>;
  /** Ends a lease held with `token`; false when it was no longer ours (nothing is changed then). */
  releaseLease(key: string, token: string): Promise<boolean>;

  /**
   * Adds `amount` (0 reads) to the counter of the fixed window of `windowMs` that contains now, and
   * returns it with the previous window's final count, enough for a fixed-window limit or the
   * sliding-window estimate `previous × (1 − elapsed / windowMs) + current`.
   */
  addToWindow(key: string, amount: number, windowMs: number): Promise<WindowCount>;

  close(): Promise<void>;
}

export interface WindowCount {
  current: number;
  previous: number;
  /** Epoch ms where the current window began. */
  windowStartMs: number;
}

/** The engine did not answer (down, or slower than its time limit). Callers carry on without it. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreUnavailableError";
  }
}

/**
 * By name, not `instanceof`: Next bundles server code into several module graphs (pages, route
 * handlers, actions) that share one engine, so the error may come from another graph's class.
 */
export function isStoreUnavailable(error: unknown): boolean {
  return error instanceof Error && error.name === "StoreUnavailableError";
}

export function namespaceOf(key: string): string {
  const colon = key.indexOf(":");
  if (colon <= 0) throw new Error("Store keys are <namespace>:<rest>.");
  return key.slice(0, colon);
}

export function windowStart(nowMs: number, windowMs: number): number {
  return Math.floor(nowMs / windowMs) * windowMs;
}
