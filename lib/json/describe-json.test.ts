import { describe, expect, it } from "vitest";
import {
  collapsedBrackets,
  containerChildren,
  containerKeys,
  containerSize,
  describeOther,
  hasNestedContainers,
  jsonKind,
  nextPageCount,
  planExpandAll,
  sizeLabel,
  toJsonText,
} from "./describe-json";

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { level: depth, leaf: true };
  for (let level = depth - 1; level >= 1; level--) value = { level, child: value };
  return value;
}

describe("jsonKind", () => {
  it.each([
    [null, "null"],
    ["", "string"],
    [0, "number"],
    [false, "boolean"],
    [[], "array"],
    [{}, "object"],
    [undefined, "other"],
    [10n, "other"],
  ] as const)("%o is %s", (value, kind) => {
    expect(jsonKind(value)).toBe(kind);
  });
});

describe("containers", () => {
  it("sizes arrays and objects", () => {
    expect(containerSize([1, 2, 3])).toBe(3);
    expect(containerSize({ a: 1, b: 2 })).toBe(2);
    expect(containerSize("not a container")).toBe(0);
  });

  it("pages through a 10,000-item array without reading the rest", () => {
    const items = Array.from({ length: 10_000 }, (_, index) => index * 2);
    const page = containerChildren(items, [], 100, 200);
    expect(page).toHaveLength(100);
    expect(page[0]).toEqual([100, 200]);
    expect(page.at(-1)).toEqual([199, 398]);
    expect(containerChildren(items, [], 9_990, 10_100)).toHaveLength(10);
  });

  it("reads a __proto__ key from JSON.parse as data, not the prototype", () => {
    const value: unknown = JSON.parse('{"__proto__":{"polluted":true},"constructor":1}');
    const keys = containerKeys(value);
    expect(keys).toEqual(["__proto__", "constructor"]);
    expect(containerChildren(value, keys, 0, 10)).toEqual([
      ["__proto__", { polluted: true }],
      ["constructor", 1],
    ]);
  });

  it("labels sizes and collapsed brackets in JSON's own punctuation", () => {
    expect(sizeLabel("object", 1)).toBe("1 key");
    expect(sizeLabel("object", 3)).toBe("3 keys");
    expect(sizeLabel("array", 0)).toBe("0 items");
    expect(sizeLabel("array", 10_000)).toBe("10,000 items");
    expect(collapsedBrackets("object", 3)).toBe("{…}");
    expect(collapsedBrackets("array", 12)).toBe("[…]");
    expect(collapsedBrackets("array", 0)).toBe("[]");
  });

  it("says how many children the next click reveals", () => {
    expect(nextPageCount(10_000, 100)).toBe(100);
    expect(nextPageCount(137, 100)).toBe(37);
    expect(nextPageCount(100, 100)).toBe(0);
    expect(nextPageCount(5, 0, 2)).toBe(2);
  });
});

describe("toJsonText", () => {
  it("pretty-prints with two spaces", () => {
    expect(toJsonText({ a: [1, "x"] })).toBe('{\n  "a": [\n    1,\n    "x"\n  ]\n}');
    expect(toJsonText("<script>")).toBe('"<script>"');
    expect(toJsonText(null)).toBe("null");
  });

  it("handles 60 levels of nesting", () => {
    const text = toJsonText(nested(60));
    expect(text).not.toBeNull();
    expect(JSON.parse(text ?? "")).toEqual(nested(60));
  });

  it("returns null for values JSON cannot hold", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(toJsonText(cyclic)).toBeNull();
    expect(toJsonText(10n)).toBeNull();
    expect(toJsonText(undefined)).toBeNull();
  });
});

describe("describeOther", () => {
  it("names what is not JSON", () => {
    expect(describeOther(undefined)).toBe("undefined");
    expect(describeOther(10n)).toBe("10n");
    expect(describeOther(() => 1)).toBe("[function]");
  });
});

describe("planExpandAll", () => {
  it("opens a primitive or an empty container to depth 0", () => {
    expect(planExpandAll("text", 2_000)).toEqual({ depth: 0, complete: true });
    expect(planExpandAll({}, 2_000)).toEqual({ depth: 0, complete: true });
  });

  it("opens every level of a 60-deep value", () => {
    expect(planExpandAll(nested(60), 2_000)).toEqual({ depth: 60, complete: true });
  });

  it("stops at the last level that fits the row budget", () => {
    const wide = Array.from({ length: 50 }, () => ({ a: { b: 1 }, c: 2 }));
    // Rows: root 1, level 1 +50, level 2 +100, level 3 +50.
    expect(planExpandAll(wide, 201)).toEqual({ depth: 3, complete: true });
    expect(planExpandAll(wide, 200)).toEqual({ depth: 2, complete: false });
    expect(planExpandAll(wide, 150)).toEqual({ depth: 1, complete: false });
  });

  it("counts only the first page of each container", () => {
    const items = Array.from({ length: 10_000 }, (_, index) => index);
    expect(planExpandAll(items, 2_000)).toEqual({ depth: 1, complete: true });
  });

  it("terminates on a cyclic value", () => {
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = cyclic;
    expect(planExpandAll(cyclic, 500).complete).toBe(false);
  });
});

describe("hasNestedContainers", () => {
  it("is true only when a child has something to expand", () => {
    expect(hasNestedContainers({ a: 1, b: "x" })).toBe(false);
    expect(hasNestedContainers({ a: {}, b: [] })).toBe(false);
    expect(hasNestedContainers({ a: { b: 1 } })).toBe(true);
    expect(hasNestedContainers([[1]])).toBe(true);
    expect(hasNestedContainers("text")).toBe(false);
  });
});
