import { describe, expect, it } from "vitest";
import { backoffDelayMs, fitsInBudget, RETRYABLE_STATUSES } from "./retry-policy";

const fixed = (value: number) => () => value;

describe("backoffDelayMs", () => {
  // Default base 100 ms, cap 2000 ms: the ceiling doubles from 200 ms per retry.
  it.each([
    [0, 200],
    [1, 400],
    [2, 800],
    [3, 1_600],
    [4, 2_000],
    [10, 2_000],
    [2_000, 2_000],
  ])("keeps retry %i within [0, %i) ms", (retryIndex, ceiling) => {
    const delay = (random: number) =>
      backoffDelayMs({ retryIndex, serverWaitSeconds: null, random: fixed(random) });
    expect(delay(0)).toBe(0);
    expect(delay(0.5)).toBe(ceiling / 2);
    expect(delay(0.999)).toBe(Math.floor(0.999 * ceiling));
    expect(delay(0.999)).toBeLessThan(ceiling);
  });

  it("respects a custom base and cap", () => {
    const options = { serverWaitSeconds: null, random: fixed(0.999), baseMs: 50, capMs: 300 };
    expect(backoffDelayMs({ ...options, retryIndex: 0 })).toBe(99);
    expect(backoffDelayMs({ ...options, retryIndex: 1 })).toBe(199);
    expect(backoffDelayMs({ ...options, retryIndex: 5 })).toBe(299);
  });

  it("lets the server's wait win over the jitter", () => {
    for (const random of [0, 0.5, 0.999]) {
      expect(backoffDelayMs({ retryIndex: 0, serverWaitSeconds: 3, random: fixed(random) })).toBe(
        3_000,
      );
    }
    expect(backoffDelayMs({ retryIndex: 3, serverWaitSeconds: 0, random: fixed(0.999) })).toBe(0);
  });

  it("does not cap the server's wait (the budget check decides)", () => {
    expect(backoffDelayMs({ retryIndex: 0, serverWaitSeconds: 30, random: fixed(0) })).toBe(30_000);
  });
});

describe("fitsInBudget", () => {
  it("keeps at least 250 ms for the attempt after the wait by default", () => {
    expect(fitsInBudget(750, 1_000)).toBe(true);
    expect(fitsInBudget(751, 1_000)).toBe(false);
    expect(fitsInBudget(0, 250)).toBe(true);
    expect(fitsInBudget(0, 249)).toBe(false);
  });

  it("never fits once the budget is spent", () => {
    expect(fitsInBudget(0, 0)).toBe(false);
    expect(fitsInBudget(0, -10)).toBe(false);
  });

  it("takes a custom minimum attempt time", () => {
    expect(fitsInBudget(500, 1_000, 500)).toBe(true);
    expect(fitsInBudget(501, 1_000, 500)).toBe(false);
  });
});

describe("RETRYABLE_STATUSES", () => {
  it("retries only 429, 502, 503 and 504", () => {
    expect([...RETRYABLE_STATUSES].sort()).toEqual([429, 502, 503, 504]);
  });
});
