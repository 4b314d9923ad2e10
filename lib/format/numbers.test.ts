import { describe, expect, it } from "vitest";
import { formatCount, formatDuration } from "./numbers";

describe("formatCount", () => {
  it("groups thousands the same everywhere", () => {
    expect(formatCount(1_000_000)).toBe("1,000,000");
    expect(formatCount(0)).toBe("0");
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0 ms"],
    [412, "412 ms"],
    [999.4, "999 ms"],
    [1_000, "1.00 s"],
    [1_240, "1.24 s"],
    [9_994, "9.99 s"],
    [9_996, "10.0 s"],
    [12_500, "12.5 s"],
    [59_949, "59.9 s"],
    [59_999, "1 min 00 s"],
    [125_000, "2 min 05 s"],
    [119_600, "2 min 00 s"],
    [3_599_400, "59 min 59 s"],
    [3_599_600, "1 h 00 min"],
    [11_220_000, "3 h 07 min"],
    [86_340_000, "23 h 59 min"],
    [86_399_000, "1 d 00 h"],
    [2_147_483_647, "24 d 21 h"],
  ])("%d ms reads %s", (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});
