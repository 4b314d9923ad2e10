import { describe, expect, it } from "vitest";
import type { LedgerSnapshot } from "@/lib/quota-layer/quota-ledger";
import { healthAllowance } from "./health-budget";

const NOW = Date.UTC(2026, 3, 20, 14, 30, 20);
const MINUTE_ENDS = Date.UTC(2026, 3, 20, 14, 31, 0);

function ledger(
  perMinute: number,
  used: number,
  daily: { limit: number; remaining: number } | null = null,
): LedgerSnapshot {
  return {
    daily: daily && { ...daily, resetAt: null },
    minute: { limit: perMinute, used, resetAtMs: MINUTE_ENDS },
    blockedUntilMs: null,
  };
}

describe("healthAllowance", () => {
  it("spends nothing by itself on a 10-a-minute key, and says why", () => {
    expect(healthAllowance("auto", ledger(10, 0), NOW)).toEqual({
      calls: 0,
      limitedBy: "starter_plan",
      retryAfterSeconds: null,
    });
  });

  it("spends at most a fifth of the minute by itself on larger plans", () => {
    expect(healthAllowance("auto", ledger(50, 3), NOW)).toMatchObject({
      calls: 10,
      limitedBy: "list_budget",
    });
    expect(healthAllowance("auto", ledger(200, 0), NOW).calls).toBe(40);
  });

  it("leaves the minute's last quarter and the day's last fifth to clicks", () => {
    // 50 a minute, 30 used: 20 left, 13 of them kept.
    expect(healthAllowance("auto", ledger(50, 30), NOW)).toEqual({
      calls: 7,
      limitedBy: "quota",
      retryAfterSeconds: 40,
    });
    expect(healthAllowance("auto", ledger(50, 0, { limit: 1000, remaining: 205 }), NOW).calls).toBe(
      5,
    );
    expect(healthAllowance("auto", ledger(50, 45), NOW).calls).toBe(0);
  });

  it("when asked, spends the minute's room but one call, and never the day's last", () => {
    expect(healthAllowance("requested", ledger(10, 3), NOW)).toMatchObject({ calls: 6 });
    expect(
      healthAllowance("requested", ledger(10, 0, { limit: 100, remaining: 3 }), NOW).calls,
    ).toBe(2);
    expect(healthAllowance("requested", ledger(10, 10), NOW).calls).toBe(0);
  });

  it("spends nothing while a 429's wait runs", () => {
    const blocked = { ...ledger(200, 0), blockedUntilMs: NOW + 12_000 };
    expect(healthAllowance("requested", blocked, NOW)).toEqual({
      calls: 0,
      limitedBy: "quota",
      retryAfterSeconds: 12,
    });
  });
});
