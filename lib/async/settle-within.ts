export type SettledWithin<T> = { settled: true; value: T } | { settled: false };

/**
 * Waits for a promise that never rejects, but no longer than `ms`. Whatever the answer, the
 * promise itself goes on and can still be awaited by whoever renders its result later.
 */
export async function settleWithin<T>(promise: Promise<T>, ms: number): Promise<SettledWithin<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<SettledWithin<T>>((resolve) => {
    timer = setTimeout(() => resolve({ settled: false }), ms);
  });
  try {
    return await Promise.race([
      promise.then((value) => ({ settled: true as const, value })),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
