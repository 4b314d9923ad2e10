/**
 * Identical calls in flight share one promise: the second caller for a key gets the first one's
 * answer (or failure) instead of a call of its own. The entry goes once the call settles, so a
 * later caller starts afresh.
 *
 * A caller whose request is abandoned (its signal aborts) stops waiting at once. The shared call
 * goes on while anyone still waits for it, and is cancelled (its own signal aborts) when the last
 * waiter has left: an abandoned page load then costs no more upstream time, and no retries.
 * A caller without a signal never leaves.
 */
export interface InFlight {
  run<T>(
    key: string,
    start: (signal: AbortSignal) => Promise<T>,
    callerSignal?: AbortSignal,
  ): Promise<T>;
  readonly size: number;
}

interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiting: number;
}

export function createInFlight(): InFlight {
  const flights = new Map<string, Flight>();

  function forget(key: string, flight: Flight) {
    if (flights.get(key) === flight) flights.delete(key);
  }

  return {
    run<T>(
      key: string,
      start: (signal: AbortSignal) => Promise<T>,
      callerSignal?: AbortSignal,
    ): Promise<T> {
      if (callerSignal?.aborted) return Promise.reject(callerSignal.reason as Error);
      let flight = flights.get(key);
      if (!flight) {
        const controller = new AbortController();
        const created: Flight = { controller, waiting: 0, promise: Promise.resolve() };
        created.promise = start(controller.signal).finally(() => forget(key, created));
        flights.set(key, created);
        flight = created;
      }
      flight.waiting += 1;
      const joined = flight;
      if (!callerSignal) return joined.promise as Promise<T>;

      return new Promise<T>((resolve, reject) => {
        const leave = () => {
          joined.waiting -= 1;
          if (joined.waiting === 0) {
            // Nobody is left to answer: a caller arriving now starts a call of its own.
            forget(key, joined);
            joined.controller.abort(callerSignal.reason);
          }
          reject(callerSignal.reason as Error);
        };
        callerSignal.addEventListener("abort", leave, { once: true });
        joined.promise.then(
          (value) => {
            callerSignal.removeEventListener("abort", leave);
            resolve(value as T);
          },
          (error: unknown) => {
            callerSignal.removeEventListener("abort", leave);
            reject(error as Error);
          },
        );
      });
    },
    get size() {
      return flights.size;
    },
  };
}
