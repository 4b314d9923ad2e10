import { describe, expect, it } from "vitest";
import { countNewRuns, describeNewRuns } from "./count-new-runs";

const run = (id: string, second: number) => ({
  id,
  triggeredAt: `2026-04-17T09:31:${String(second).padStart(2, "0")}Z`,
});

describe("countNewRuns", () => {
  const shown = run("wfl_3", 30);

  it("counts the runs above the newest shown one", () => {
    const polled = [run("wfl_5", 50), run("wfl_4", 40), shown, run("wfl_2", 20)];
    expect(countNewRuns(shown, polled, 40)).toEqual({ count: 2, atLeast: false });
  });

  it("finds none when the newest shown run is still first", () => {
    expect(countNewRuns(shown, [shown, run("wfl_2", 20)], 40)).toEqual({
      count: 0,
      atLeast: false,
    });
  });

  it("says 'at least' a page when the shown run was pushed off the page", () => {
    const polled = [run("wfl_6", 59), run("wfl_5", 50), run("wfl_4", 40)];
    expect(countNewRuns(shown, polled, 400)).toEqual({ count: 3, atLeast: true });
  });

  it("counts by time when the shown run is gone but older runs remain", () => {
    const polled = [run("wfl_5", 50), run("wfl_2", 20)];
    expect(countNewRuns(shown, polled, 2)).toEqual({ count: 1, atLeast: false });
  });

  it("counts everything when nothing was shown", () => {
    expect(countNewRuns(null, [run("wfl_1", 1)], 1)).toEqual({ count: 1, atLeast: false });
    expect(countNewRuns(null, [run("wfl_1", 1)], 30)).toEqual({ count: 1, atLeast: true });
  });
});

describe("describeNewRuns", () => {
  it("words the count", () => {
    expect(describeNewRuns({ count: 1, atLeast: false })).toBe("1 new run");
    expect(describeNewRuns({ count: 3, atLeast: false })).toBe("3 new runs");
    expect(describeNewRuns({ count: 25, atLeast: true })).toBe("25+ new runs");
  });
});
