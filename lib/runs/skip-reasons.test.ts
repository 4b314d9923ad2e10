import { describe, expect, it } from "vitest";
import { explainSkipReason } from "./skip-reasons";

describe("explainSkipReason", () => {
  it("explains a condition that did not match", () => {
    expect(explainSkipReason("condition_not_met")).toEqual({
      title: "Condition not met",
      explanation:
        "The record changed, but not in a way that matches this workflow's trigger condition.",
    });
  });

  it("explains the daily cap: when runs resume and what to change", () => {
    const { title, explanation } = explainSkipReason("daily_cap_reached");
    expect(title).toBe("Daily cap reached");
    expect(explanation).toMatch(/maximum number of times today \(its daily cap\)/);
    expect(explanation).toMatch(/midnight UTC/);
    expect(explanation).toMatch(/raise the cap/);
  });

  it.each(["workflow_disabled", "duplicate_event"])("explains %s", (code) => {
    const { title, explanation } = explainSkipReason(code);
    expect(title).not.toMatch(code);
    expect(explanation.length).toBeGreaterThan(40);
  });

  it("tolerates case and surrounding spaces", () => {
    expect(explainSkipReason(" Daily_Cap_Reached ")).toBe(explainSkipReason("daily_cap_reached"));
  });

  it("shows an unknown code as received and says LeadLex gave no explanation", () => {
    expect(explainSkipReason("quota_paused")).toEqual({
      title: "Unrecognised reason (quota_paused)",
      explanation:
        "LeadLex reported the skip reason “quota_paused” but gives no explanation of it.",
    });
  });

  it("does not mistake Object.prototype names for known reasons", () => {
    expect(explainSkipReason("constructor").title).toBe("Unrecognised reason (constructor)");
    expect(explainSkipReason("__proto__").title).toBe("Unrecognised reason (__proto__)");
  });

  it("says when no reason was given at all", () => {
    expect(explainSkipReason("").title).toBe("No reason given");
    expect(explainSkipReason("   ").explanation).toMatch(/did not say why/);
  });

  it("shortens a runaway code without splitting a character", () => {
    const { title, explanation } = explainSkipReason("🚀".repeat(5_000));
    expect(title).toBe(`Unrecognised reason (${"🚀".repeat(120)}…)`);
    expect(explanation.length).toBeLessThan(400);
  });
});
