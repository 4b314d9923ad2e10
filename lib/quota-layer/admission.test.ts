import { describe, expect, it } from "vitest";
import { admit } from "./admission";
import type { LedgerSnapshot } from "./quota-ledger";

const NOW = 1_000_000;

function ledger(minuteUsed: number, dayRemaining = 900, blockedUntilMs: number | null = null) {
  return {
    daily: { limit: 1_000, remaining: dayRemaining, resetAt: null },
    minute: { limit: 50, used: minuteUsed, resetAtMs: NOW + 30_000 },
    blockedUntilMs,
  } satisfies LedgerSnapshot;
}

describe("admit: a Live poll", () => {
  it("goes while the minute has more than half its calls left", () => {
    expect(admit("live", ledger(24), NOW)).toEqual({ admitted: true });
  });

  it("waits for the minute to turn once half of it is spent, while a click still goes", () => {
    expect(admit("live", ledger(25), NOW)).toEqual({ admitted: false, retryAfterMs: 30_000 });
    expect(admit("user", ledger(49), NOW)).toEqual({ admitted: true });
  });

  it("leaves the day's last fifth to people's clicks", () => {
    expect(admit("live", ledger(0, 201), NOW).admitted).toBe(true);
    expect(admit("live", ledger(0, 200), NOW).admitted).toBe(false);
  });

  it("waits out LeadLex's 429 instead of meeting another", () => {
    expect(admit("live", ledger(0, 900, NOW + 5_000), NOW)).toEqual({
      admitted: false,
      retryAfterMs: 5_000,
    });
  });
});
