/**
 * Identical calls in flight share one promise: the second caller for a key gets the first one's
 * answer (or failure) instead of a call of its own. The entry goes once the call settles, so a
 * later caller starts afresh.
 */
export interface InFlight {
  run<T>(key: string, start: () => Promise<T>): Promise<T>;
  readonly size: number;
}

export function createInFlight(): InFlight {
  const flights = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, start: () => Promise<T>): Promise<T> {
      const running = flights.get(key);
      if (running) return running as Promise<T>;
      const flight = start().finally(() => flights.delete(key));
      flights.set(key, flight);
      return flight;
    },
    get size() {
      return flights.size;
    },
  };
}
