import { describe, expect, it } from "vitest";
import { hasWindowEnded, livePauseReason } from "./live-pause";

const NOW = Date.parse("2026-04-17T09:31:00Z");
const live = { hidden: false, page: 1, windowEnded: false };

describe("livePauseReason", () => {
  it("polls page 1 of a window that reaches now, in a visible tab", () => {
    expect(livePauseReason(live)).toBeNull();
  });

  it("pauses while the tab is hidden", () => {
    expect(livePauseReason({ ...live, hidden: true })).toBe("hidden");
  });

  it("pauses on a page past the first", () => {
    expect(livePauseReason({ ...live, page: 2 })).toBe("page");
    expect(livePauseReason({ ...live, page: 2, hidden: true })).toBe("page");
  });

  it("pauses on an absolute window that has ended, not on one still open", () => {
    expect(livePauseReason({ ...live, windowEnded: hasWindowEnded(NOW - 1, NOW) })).toBe(
      "past-window",
    );
    expect(livePauseReason({ ...live, windowEnded: hasWindowEnded(NOW + 60_000, NOW) })).toBeNull();
    expect(hasWindowEnded(null, NOW)).toBe(false);
  });
});
