import { describe, expect, it } from "vitest";
import { findRecordViewRepairs } from "./record-view-repairs";
import { loadRecordViewState, serializeRecordViewState } from "./record-view-state";

describe("the record view's URL state", () => {
  it("opens on the last 7 days, page 1, and leaves defaults out of the link", () => {
    const state = loadRecordViewState({});
    expect(state).toEqual({ window: "7d", page: 1, per_page: 25, open: null });
    expect(serializeRecordViewState(state)).toBe("");
  });

  it("keeps a longer window in the link, so it reopens the same answer", () => {
    const state = loadRecordViewState({ window: "30D", page: "2" });
    expect(state.window).toBe("30d");
    expect(serializeRecordViewState(state)).toBe("?window=30d&page=2");
    expect(findRecordViewRepairs({ window: "30D", page: "2" }, state)).toEqual([]);
  });

  it("repairs what it cannot use and says so", () => {
    const raw = { window: "1y", per_page: "1000", open: "../x" };
    const state = loadRecordViewState(raw);
    expect(state).toMatchObject({ window: "7d", per_page: 100, open: null });
    expect(findRecordViewRepairs(raw, state).map((repair) => repair.parameter)).toEqual([
      "window",
      "per_page",
      "open",
    ]);
  });
});
