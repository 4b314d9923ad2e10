import { describe, expect, it } from "vitest";
import { PLANS } from "@/lib/quota-layer/plans";
import { LIVE_SHARE_OF_MINUTE, liveIntervalMs } from "./live-interval";

describe("liveIntervalMs", () => {
  it("fits each plan's minute: Starter every 30 s, Pro every 6 s, Org every 5 s", () => {
    expect(liveIntervalMs(100)).toBe(30_000);
    expect(liveIntervalMs(1_000)).toBe(6_000);
    expect(liveIntervalMs(10_000)).toBe(5_000);
  });

  it("treats an unknown daily quota as the smallest plan", () => {
    expect(liveIntervalMs(null)).toBe(30_000);
    expect(liveIntervalMs(5)).toBe(30_000);
  });

  it("never spends more than its share of any plan's minute", () => {
    for (const plan of PLANS) {
      const callsPerMinute = 60_000 / liveIntervalMs(plan.perDay);
      expect(callsPerMinute).toBeLessThanOrEqual(plan.perMinute * LIVE_SHARE_OF_MINUTE);
    }
  });
});
