import { isStoreUnavailable, StoreUnavailableError, type Store } from "./store";

/**
 * Keeps a failing engine from costing every request its timeout. After one failure the store is
 * "down" for `cooldownMs`: calls fail at once (StoreUnavailableError) and the callers carry on
 * without it (the quota layer calls LeadLex directly). The first call after the cool-down probes
 * the engine again. Each change of state is reported once, so an outage is one warning in the
 * log rather than one per request.
 */

export interface GuardedStoreOptions {
  cooldownMs: number;
  now?: () => number;
  onDown: (error: unknown) => void;
  onUp: () => void;
}

export function guardStore(
  inner: Store,
  { cooldownMs, now = Date.now, onDown, onUp }: GuardedStoreOptions,
): Store {
  let downUntil = 0;
  let down = false;

  function guard<Args extends unknown[], Result>(
    operation: (...args: Args) => Promise<Result>,
  ): (...args: Args) => Promise<Result> {
    return async (...args) => {
      if (down && now() < downUntil) {
        throw new StoreUnavailableError("The store is unavailable; retrying it shortly.");
      }
      try {
        const result = await operation(...args);
        if (down) {
          down = false;
          onUp();
        }
        return result;
      } catch (error) {
        if (!isStoreUnavailable(error)) throw error;
        downUntil = now() + cooldownMs;
        if (!down) {
          down = true;
          onDown((error as Error).cause ?? error);
        }
        throw error;
      }
    };
  }

  return {
    engine: inner.engine,
    get: guard(inner.get),
    set: guard(inner.set),
    delete: guard(inner.delete),
    purgeNamespace: guard(inner.purgeNamespace),
    acquireLease: guard(inner.acquireLease),
    renewLease: guard(inner.renewLease),
    releaseLease: guard(inner.releaseLease),
    addToWindow: guard(inner.addToWindow),
    close: () => inner.close(),
  };
}
