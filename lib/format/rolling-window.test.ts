import { describe, expect, it } from "vitest";
import {
  describeRollingWindow,
  isRollingWindow,
  readRollingWindow,
  resolveAfter,
  resolveAfterIn,
} from "./rolling-window";

describe("readRollingWindow", () => {
  it.each([
    ["-24h", "-24h"],
    ["-1h", "-1h"],
    ["-7d", "-7d"],
    ["-90m", "-90m"],
    [" -024H ", "-24h"],
    ["-3650d", "-3650d"],
  ])("reads %j as %s", (raw, expected) => {
    expect(readRollingWindow(raw)).toBe(expected);
  });

  it.each(["24h", "-0h", "-1w", "-1.5h", "-3651d", "-h", "--1h", "-1h30m", "2026-04-17T09:31:00Z"])(
    "is null for %j",
    (raw) => {
      expect(readRollingWindow(raw)).toBeNull();
    },
  );

  it("knows the canonical form only", () => {
    expect(isRollingWindow("-24h")).toBe(true);
    expect(isRollingWindow("-24H")).toBe(false);
    expect(isRollingWindow("2026-04-17T09:31:00Z")).toBe(false);
  });
});

describe("resolveAfter", () => {
  const now = Date.parse("2026-04-17T09:31:27.845Z");

  it.each([
    ["-1h", "2026-04-17T08:31:00Z"],
    ["-24h", "2026-04-16T09:31:00Z"],
    ["-7d", "2026-04-10T09:31:00Z"],
    ["-30d", "2026-03-18T09:31:00Z"],
    ["-90m", "2026-04-17T08:01:00Z"],
  ])("%s counts back from the start of the minute: %s", (window, expected) => {
    expect(resolveAfter(window, now)).toBe(expected);
  });

  it("moves with the clock: the same link names a later instant a day later", () => {
    expect(resolveAfter("-24h", now + 86_400_000)).toBe("2026-04-17T09:31:00Z");
  });

  it("names one instant for every request within a minute", () => {
    const start = Date.parse("2026-04-17T09:31:00.000Z");
    expect(resolveAfter("-24h", start)).toBe(resolveAfter("-24h", start + 59_999));
    expect(resolveAfter("-24h", start + 60_000)).not.toBe(resolveAfter("-24h", start));
  });

  it("counts elapsed hours, not calendar days, across a DST change", () => {
    // Berlin moved its clocks on 29 March; 7 days is still 168 hours.
    expect(resolveAfter("-7d", Date.parse("2026-04-02T10:00:00Z"))).toBe("2026-03-26T10:00:00Z");
  });

  it("leaves an absolute instant as it is", () => {
    expect(resolveAfter("2026-04-17T09:31:00Z", now)).toBe("2026-04-17T09:31:00Z");
  });

  it("resolves a query's after and nothing else", () => {
    const query = { page: 2, after: "-1h" };
    expect(resolveAfterIn(query, now)).toEqual({ page: 2, after: "2026-04-17T08:31:00Z" });
    expect(resolveAfterIn({ page: 1, after: null }, now)).toEqual({ page: 1, after: null });
    expect(query.after).toBe("-1h");
  });
});

describe("describeRollingWindow", () => {
  it.each([
    ["-1h", "the last hour"],
    ["-24h", "the last 24 hours"],
    ["-7d", "the last 7 days"],
    ["-1d", "the last day"],
    ["-1440m", "the last 1,440 minutes"],
  ])("%s is %s", (window, expected) => {
    expect(describeRollingWindow(window)).toBe(expected);
  });

  it("is null for an instant", () => {
    expect(describeRollingWindow("2026-04-17T09:31:00Z")).toBeNull();
  });
});
