import { describe, expect, it } from "vitest";
import { livePauseReason } from "./live-pause";

const NOW = Date.parse("2026-04-17T09:31:00Z");
const live = { hidden: false, page: 1, windowEndMs: null, nowMs: NOW };

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
    expect(livePauseReason({ ...live, windowEndMs: NOW - 1 })).toBe("past-window");
    expect(livePauseReason({ ...live, windowEndMs: NOW + 60_000 })).toBeNull();
  });
});
