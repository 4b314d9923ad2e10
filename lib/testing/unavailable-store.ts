import { StoreUnavailableError, type Store } from "@/lib/store/store";

/** A store every call of which fails as Redis does when it is down or too slow. */
export function unavailableStore(): Store {
  const fail = async (): Promise<never> => {
    throw new StoreUnavailableError("Redis did not answer.");
  };
  return {
    engine: "redis",
    get: fail,
    set: fail,
    delete: fail,
    purgeNamespace: fail,
    acquireLease: fail,
    renewLease: fail,
    releaseLease: fail,
    addToWindow: fail,
    close: async () => {},
  };
}
