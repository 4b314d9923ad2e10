import { describe, expect, it } from "vitest";
import { encodeUlid } from "@/emulator/ulid";
import { afterIncluding, pageOfRun, runIdTime } from "./run-id-time";

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const idAt = (ms: number) => `wfl_${encodeUlid(ms, new Uint8Array(10).fill(7))}`;

describe("runIdTime", () => {
  it("reads the millisecond a run id was made", () => {
    const ms = Date.UTC(2026, 10, 30, 9, 31, 7, 250);
    expect(runIdTime(idAt(ms), NOW)?.getTime()).toBe(ms);
  });

  it.each([
    ["an id of another shape", "wfl_01HY1"],
    ["another prefix", `run_${idAt(NOW).slice(4)}`],
    ["letters outside Crockford's alphabet", `wfl_01KFFFBYJ8FB0H37XY6EZZ1X3I`],
    ["a time before 2015", idAt(Date.UTC(2014, 11, 31))],
    ["a time more than a day ahead", idAt(NOW + 2 * 24 * 60 * 60 * 1000)],
    ["lower case", idAt(NOW).toLowerCase()],
  ])("says nothing for %s", (_, id) => {
    expect(runIdTime(id, NOW)).toBeNull();
  });
});

describe("afterIncluding", () => {
  it("drops the milliseconds, so the run's own second is included", () => {
    expect(afterIncluding(new Date(Date.UTC(2026, 10, 30, 9, 31, 7, 999)))).toBe(
      "2026-11-30T09:31:07Z",
    );
  });
});

describe("pageOfRun", () => {
  it.each([
    [1, 25, 1],
    [25, 25, 1],
    [26, 25, 2],
    [412, 100, 5],
    [0, 25, 1],
  ])("%i runs from its second at %i a page: page %i", (count, perPage, page) => {
    expect(pageOfRun(count, perPage)).toBe(page);
  });
});
