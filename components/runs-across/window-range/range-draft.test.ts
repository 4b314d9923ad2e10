import { describe, expect, it } from "vitest";
import { initialRangeDraft, rangeInZone, rangeResult } from "./range-draft";

const NOW = "2026-04-17T09:31:00Z";

describe("the custom window's draft", () => {
  it("starts from the last 24 hours, open-ended, when no window is applied", () => {
    const draft = initialRangeDraft(null, "UTC", NOW);
    expect(draft.from).toEqual({ date: "2026-04-16", time: "09:31" });
    expect(rangeResult(draft)).toEqual({ ok: true, after: "2026-04-16T09:31:00Z", before: null });
  });

  it("starts from the applied window, read in the viewer's zone", () => {
    const applied = { after: "2026-04-10T22:00:00Z", before: "2026-04-11T22:00:00Z" };
    const draft = initialRangeDraft(applied, "Europe/Berlin", NOW);
    expect(draft.from).toEqual({ date: "2026-04-11", time: "00:00" });
    expect(draft.to).toEqual({ date: "2026-04-12", time: "00:00" });
    expect(rangeResult(draft)).toEqual({ ok: true, ...applied });
  });

  it("names the same instants after the zone is flipped", () => {
    const draft = {
      from: { date: "2026-04-11", time: "00:00" },
      to: { date: "2026-04-12", time: "06:30" },
      zone: "Europe/Berlin",
    };
    const flipped = rangeInZone(draft, "UTC");
    expect(flipped.from).toEqual({ date: "2026-04-10", time: "22:00" });
    expect(flipped.to).toEqual({ date: "2026-04-12", time: "04:30" });
    expect(rangeResult(flipped)).toEqual(rangeResult(draft));
  });

  it("refuses an end that is not after the start, or half an end", () => {
    const from = { date: "2026-04-11", time: "10:00" };
    expect(rangeResult({ from, to: from, zone: "UTC" })).toEqual({
      ok: false,
      problem: "The window must end after it starts.",
    });
    expect(rangeResult({ from, to: { date: "2026-04-12", time: "" }, zone: "UTC" }).ok).toBe(false);
    expect(rangeResult({ from: { date: "", time: "10:00" }, to: from, zone: "UTC" }).ok).toBe(
      false,
    );
  });

  it("refuses a day Runboard never sends upstream", () => {
    const draft = { from: { date: "1999-12-31", time: "10:00" }, to: { date: "", time: "" } };
    expect(rangeResult({ ...draft, zone: "UTC" }).ok).toBe(false);
  });
});
