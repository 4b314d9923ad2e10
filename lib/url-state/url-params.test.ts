import { describe, expect, it } from "vitest";
import {
  applyUrlParamChanges,
  createLoader,
  createSerializer,
  toSearchString,
  urlParam,
} from "./url-params";

const map = {
  status: urlParam<string>(
    (raw) => (["a", "b"].includes(raw) ? raw : null),
    (value) => value,
  ),
  page: urlParam<number>((raw) => (/^\d+$/.test(raw) ? Number(raw) : null)).withDefault(1),
};
const load = createLoader(map);
const serialize = createSerializer(map);

describe("url params", () => {
  it("reads values, falling back to the default or null", () => {
    expect(load("?status=a&page=3")).toEqual({ status: "a", page: 3 });
    expect(load("?status=zzz&page=x")).toEqual({ status: null, page: 1 });
    expect(load({ status: ["b", "a"] })).toEqual({ status: "b", page: 1 });
  });

  it("leaves defaults and nulls out of the link", () => {
    expect(serialize({ status: null, page: 1 })).toBe("");
    expect(serialize({ status: "b", page: 2 })).toBe("?status=b&page=2");
  });

  it("keeps colons readable, and reads the link back the same", () => {
    const withTime = {
      ...map,
      after: urlParam<string>(
        (raw) => raw,
        (value) => value,
      ),
    };
    const search = createSerializer(withTime)({ after: "2026-04-17T09:31:00Z", page: 2 });
    expect(search).toBe("?after=2026-04-17T09:31:00Z&page=2");
    expect(createLoader(withTime)(search).after).toBe("2026-04-17T09:31:00Z");
    expect(toSearchString(new URLSearchParams("q=a%3Ab+c%26d"))).toBe("q=a:b+c%26d");
  });

  it("changes only the named parameters and keeps unknown ones", () => {
    const next = applyUrlParamChanges(map, new URLSearchParams("utm=x&page=4&status=a"), {
      page: 1,
    });
    expect(next.toString()).toBe("utm=x&status=a");
  });
});
