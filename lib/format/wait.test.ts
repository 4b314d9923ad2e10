import { describe, expect, it } from "vitest";
import { formatWait } from "./wait";

describe("formatWait", () => {
  it.each([
    [0, "0 s"],
    [1, "1 s"],
    [59, "59 s"],
    [60, "1 min 00 s"],
    [125, "2 min 05 s"],
    [3_599, "59 min 59 s"],
    [3_600, "1 h 00 min"],
    [3_900, "1 h 05 min"],
    [3_601, "1 h 01 min"],
    [50_000, "13 h 54 min"],
    [86_399, "24 h 00 min"],
  ])("%i seconds read as %s", (seconds, words) => {
    expect(formatWait(seconds)).toBe(words);
  });

  it("rounds a fraction up, so a countdown never shows 0 s before it is over", () => {
    expect(formatWait(0.2)).toBe("1 s");
  });
});
