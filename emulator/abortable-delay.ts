import { setTimeout as sleep } from "node:timers/promises";

/** Waits `ms`; resolves false instead if `signal` aborts first (client gone or emulator closing). */
export async function abortableDelay(ms: number, signal: AbortSignal): Promise<boolean> {
  if (ms <= 0) return !signal.aborted;
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch (error) {
    if (signal.aborted) return false;
    throw error;
  }
}
