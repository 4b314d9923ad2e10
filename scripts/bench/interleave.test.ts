import { describe, expect, it } from "vitest";
import { interleaved } from "./interleave";

describe("interleaved", () => {
  it("gives every target one turn per round, the first turn moving along each round", () => {
    const order = [...interleaved(3, 3)].map(({ index }) => "ABC"[index]).join("");
    expect(order).toBe("ABCBCACAB");
  });

  it("alternates two targets A B, B A, so neither always follows the other's load", () => {
    const turns = [...interleaved(4, 2)];
    expect(turns.map(({ index }) => index)).toEqual([0, 1, 1, 0, 0, 1, 1, 0]);
    expect(turns.map(({ round }) => round)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it("yields nothing for no rounds or no targets", () => {
    expect([...interleaved(0, 3)]).toEqual([]);
    expect([...interleaved(3, 0)]).toEqual([]);
  });
});
