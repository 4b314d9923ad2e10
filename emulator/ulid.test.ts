import { describe, expect, it } from "vitest";
import { runIdFor } from "./data/run-materializer";
import { encodeUlid, encodeUlidRandom, encodeUlidTime, newRequestId, ULID_PATTERN } from "./ulid";

describe("ULID encoding", () => {
  it("matches the spec's time example", () => {
    expect(encodeUlidTime(1469918176385)).toBe("01ARYZ6S41");
  });

  it("encodes 80 random bits as 16 Crockford characters, most significant first", () => {
    expect(encodeUlidRandom(new Uint8Array(10))).toBe("0000000000000000");
    expect(encodeUlidRandom(new Uint8Array(10).fill(255))).toBe("ZZZZZZZZZZZZZZZZ");
    const one = new Uint8Array(10);
    one[9] = 1;
    expect(encodeUlidRandom(one)).toBe("0000000000000001");
    const top = new Uint8Array(10);
    top[0] = 0x80;
    expect(encodeUlidRandom(top)).toBe("G000000000000000");
  });

  it("sorts as strings in time order", () => {
    const random = new Uint8Array(10).fill(7);
    const ids = [1, 31, 32, 1_000, 1_713_351_031_000, 1_776_000_000_000].map((ms) =>
      encodeUlid(ms, random),
    );
    expect([...ids].sort()).toEqual(ids);
  });

  it("makes request ids of the documented form", () => {
    const ids = new Set(Array.from({ length: 100 }, () => newRequestId(Date.now())));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^req_[0-9A-HJKMNP-TV-Z]{26}$/);
  });
});

describe("run ids", () => {
  it("order within one second follows the seed, which the run store sorts by", () => {
    const seeds = [0, 1, 2, 1_000, 4_294_967, 4_294_968, 2 ** 31, 2 ** 32 - 2, 2 ** 32 - 1];
    const ids = seeds.map((seed) => runIdFor(1_776_000_000, seed, 12345));
    for (const id of ids) expect(id.slice(4)).toMatch(ULID_PATTERN);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
