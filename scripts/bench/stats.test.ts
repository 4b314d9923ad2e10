import { describe, expect, it } from "vitest";
import { median, percentile } from "./stats";

describe("percentile", () => {
  it("returns a measured value by nearest rank", () => {
    const values = Array.from({ length: 300 }, (_, i) => 300 - i);
    expect(percentile(values, 50)).toBe(150);
    expect(percentile(values, 99)).toBe(297);
    expect(percentile(values, 100)).toBe(300);
    expect(percentile([7], 99)).toBe(7);
  });

  it("is NaN for no values, so a missing figure never reads as zero", () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("median", () => {
  it("averages the middle two of an even count", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
