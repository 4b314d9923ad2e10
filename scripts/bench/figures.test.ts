import { describe, expect, it } from "vitest";
import {
  figureList,
  formatComparison,
  formatTarget,
  passes,
  ratioToFloor,
  withUnit,
  type Figure,
} from "./figures";

function figure(overrides: Partial<Figure>): Figure {
  return {
    section: "S",
    name: "n",
    value: 10,
    unit: "ms",
    floor: { name: "floor", value: 8 },
    target: null,
    ...overrides,
  };
}

describe("ratioToFloor", () => {
  it("divides the figure by its floor", () => {
    expect(ratioToFloor(figure({ value: 12, floor: { name: "f", value: 10 } }))).toBeCloseTo(1.2);
  });

  it("treats a zero floor as met by zero and exceeded infinitely by anything more", () => {
    expect(ratioToFloor(figure({ value: 0, floor: { name: "f", value: 0 } }))).toBe(1);
    expect(ratioToFloor(figure({ value: 3, floor: { name: "f", value: 0 } }))).toBe(Infinity);
  });

  it("is NaN without a floor", () => {
    expect(ratioToFloor(figure({ floor: null }))).toBeNaN();
  });
});

describe("passes", () => {
  it("judges a ratio target on figure / floor", () => {
    const target = { of: "ratio", op: "<=", value: 1.2 } as const;
    expect(passes(figure({ value: 11, floor: { name: "f", value: 10 }, target }))).toBe(true);
    expect(passes(figure({ value: 13, floor: { name: "f", value: 10 }, target }))).toBe(false);
  });

  it("judges at the precision shown, so a printed 1.20× meets ≤ 1.2×", () => {
    const target = { of: "ratio", op: "<=", value: 1.2 } as const;
    expect(passes(figure({ value: 12.04, floor: { name: "f", value: 10 }, target }))).toBe(true);
    expect(passes(figure({ value: 12.06, floor: { name: "f", value: 10 }, target }))).toBe(false);
  });

  it("judges a difference target on figure − floor, in the figure's unit", () => {
    const target = { of: "difference", op: "<=", value: 0.5 } as const;
    expect(passes(figure({ value: 2.3, floor: { name: "f", value: 1.9 }, target }))).toBe(true);
    expect(passes(figure({ value: 2.9, floor: { name: "f", value: 1.9 }, target }))).toBe(false);
  });

  it("judges a value target on the figure alone, whatever the floor", () => {
    const target = { of: "value", op: ">=", value: 95 } as const;
    const floor = { name: "f", value: 99 };
    expect(passes(figure({ value: 95, unit: "score", floor, target }))).toBe(true);
    expect(passes(figure({ value: 94, unit: "score", floor, target }))).toBe(false);
  });

  it("fails a missing measurement instead of passing it, and leaves information unjudged", () => {
    const target = { of: "ratio", op: "<=", value: 1.5 } as const;
    expect(passes(figure({ value: Number.NaN, target }))).toBe(false);
    expect(passes(figure({ value: 5, floor: { name: "f", value: 0 }, target }))).toBe(false);
    expect(passes(figure({ target: null }))).toBeNull();
  });
});

describe("formatting", () => {
  it("shows the comparison the target reads", () => {
    expect(formatComparison(figure({ value: 12, floor: { name: "f", value: 10 } }))).toBe("1.20×");
    const difference = { of: "difference", op: "<=", value: 0.5 } as const;
    expect(
      formatComparison(
        figure({ value: 2.74, floor: { name: "f", value: 1.9 }, target: difference }),
      ),
    ).toBe("+0.84 ms");
    expect(
      formatComparison(
        figure({ value: 1.5, floor: { name: "f", value: 1.9 }, target: difference }),
      ),
    ).toBe("−0.40 ms");
    expect(formatComparison(figure({ floor: null }))).toBe("—");
  });

  it("writes targets with what they constrain", () => {
    expect(formatTarget({ of: "ratio", op: "<=", value: 1.2 }, "ms")).toBe("≤ 1.2×");
    expect(formatTarget({ of: "ratio", op: ">=", value: 0.7 }, "req/s")).toBe("≥ 0.7×");
    expect(formatTarget({ of: "difference", op: "<=", value: 40 }, "KB")).toBe("≤ +40.0 KB");
    expect(formatTarget({ of: "value", op: ">=", value: 95 }, "score")).toBe("≥ 95");
    expect(formatTarget(null, "ms")).toBe("—");
  });

  it("rounds by unit and never prints a missing figure as a number", () => {
    expect(withUnit(3.14159, "ms")).toBe("3.14 ms");
    expect(withUnit(183.46, "ms")).toBe("183.5 ms");
    expect(withUnit(52.6, "req/s")).toBe("53 req/s");
    expect(withUnit(39.71, "KB")).toBe("39.7 KB");
    expect(withUnit(16.34, "MB")).toBe("16.3 MB");
    expect(withUnit(Number.NaN, "ms")).toBe("n/a");
    expect(withUnit(Infinity, "ratio")).toBe("∞");
  });
});

describe("figureList", () => {
  it("holds a figure with nothing to compare it with to a target on its own value", () => {
    const list = figureList("Run index");
    list.limited("facets, p50", 34, "ms", { of: "value", op: "<=", value: 50 });
    list.limited("sync: LeadLex calls", 2, "count", { of: "value", op: "<=", value: 1 });
    expect(list.figures.map((f) => [f.section, f.floor, passes(f)])).toEqual([
      ["Run index", null, true],
      ["Run index", null, false],
    ]);
  });
});
