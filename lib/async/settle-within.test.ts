import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { settleWithin } from "./settle-within";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("settleWithin", () => {
  it("gives the value of a promise that settles in time", async () => {
    const waiting = settleWithin(Promise.resolve("runs"), 1_000);
    await expect(waiting).resolves.toEqual({ settled: true, value: "runs" });
  });

  it("gives up at the deadline, and the promise still delivers later", async () => {
    let deliver: (value: string) => void = () => undefined;
    const slow = new Promise<string>((resolve) => (deliver = resolve));
    const waiting = settleWithin(slow, 1_000);
    await vi.advanceTimersByTimeAsync(999);
    let done = false;
    void waiting.then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(waiting).resolves.toEqual({ settled: false });
    deliver("late");
    await expect(slow).resolves.toBe("late");
  });

  it("leaves no timer behind once the promise has settled", async () => {
    await settleWithin(Promise.resolve(1), 60_000);
    expect(vi.getTimerCount()).toBe(0);
  });
});
