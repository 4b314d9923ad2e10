import { describe, expect, it } from "vitest";
import { draftResult, draftStatus, initialDraft, readInZone, type Draft } from "./after-draft";

const BERLIN = "Europe/Berlin";

function draft(fields: Partial<Draft>): Draft {
  return { date: null, time: "00:00", zone: BERLIN, edited: true, ...fields };
}

describe("the After picker's draft", () => {
  it("starts from the applied bound, read in the viewer's zone", () => {
    expect(initialDraft("2026-04-17T07:31:00Z", BERLIN)).toEqual({
      date: "2026-04-17",
      time: "09:31",
      zone: BERLIN,
      edited: false,
    });
    expect(initialDraft(null, BERLIN).date).toBeNull();
  });

  it("keeps the applied bound to the second until something is edited", () => {
    const applied = "2026-04-17T07:31:42Z";
    expect(draftResult(initialDraft(applied, BERLIN), applied)).toBe(applied);
    expect(draftResult({ ...initialDraft(applied, BERLIN), edited: true }, applied)).toBe(
      "2026-04-17T07:31:00Z",
    );
  });

  it("names the same instant after the zone is switched", () => {
    const inBerlin = draft({ date: "2026-04-17", time: "09:31" });
    const inUtc = readInZone(inBerlin, "UTC");
    expect(inUtc).toMatchObject({ date: "2026-04-17", time: "07:31", zone: "UTC" });
    expect(draftResult(inUtc, null)).toBe(draftResult(inBerlin, null));
  });

  it("says when a time falls in a spring-forward gap, and what it uses instead", () => {
    const gap = draft({ date: "2026-03-29", time: "02:30" });
    const result = draftResult(gap, null);
    expect(result).toBe("2026-03-29T01:00:00Z");
    expect(draftStatus(gap, result)).toBe(
      "02:30 does not exist that day in Europe/Berlin (clocks go forward); using 03:00. = 2026-03-29 01:00:00 UTC",
    );
  });

  it("says what is missing", () => {
    expect(draftStatus(draft({}), null)).toBe("Choose a day, or a preset above.");
    expect(draftStatus(draft({ date: "2026-04-17", time: "" }), null)).toBe("Enter a time of day.");
    expect(draftStatus(draft({ date: "1999-12-31" }), null)).toBe(
      "Choose a day from 2000 to 2200.",
    );
  });
});
