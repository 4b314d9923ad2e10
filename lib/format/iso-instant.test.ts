import { describe, expect, it } from "vitest";
import { parseIsoInstant, toIsoSeconds } from "./iso-instant";

function iso(value: string): string | undefined {
  return parseIsoInstant(value)?.toISOString();
}

describe("parseIsoInstant", () => {
  it.each([
    ["2026-04-17T09:31:00Z", "2026-04-17T09:31:00.000Z"],
    ["2026-04-17T09:31Z", "2026-04-17T09:31:00.000Z"],
    ["2026-04-17T11:31:00+02:00", "2026-04-17T09:31:00.000Z"],
    ["2026-04-16T23:31:00-10:00", "2026-04-17T09:31:00.000Z"],
    ["2026-04-17T09:31:00+00:00", "2026-04-17T09:31:00.000Z"],
    ["2026-04-17T09:31:00-00:00", "2026-04-17T09:31:00.000Z"],
    ["2026-04-18T09:31:00+14:00", "2026-04-17T19:31:00.000Z"],
    ["2026-04-17T09:31:00.5Z", "2026-04-17T09:31:00.500Z"],
    ["2026-04-17T09:31:00.123Z", "2026-04-17T09:31:00.123Z"],
    ["2026-04-17T09:31:00.123456789Z", "2026-04-17T09:31:00.123Z"],
    ["2026-04-17T11:31:00.250+02:00", "2026-04-17T09:31:00.250Z"],
    ["2028-02-29T00:00:00Z", "2028-02-29T00:00:00.000Z"],
    ["2000-02-29T00:00:00Z", "2000-02-29T00:00:00.000Z"],
    ["2000-01-01T00:00:00Z", "2000-01-01T00:00:00.000Z"],
    ["2200-12-31T23:59:59Z", "2200-12-31T23:59:59.000Z"],
  ])("reads %s as %s", (value, expected) => {
    expect(iso(value)).toBe(expected);
  });

  it.each([
    ["30 February", "2026-02-30T00:00:00Z"],
    ["29 February in a common year", "2026-02-29T00:00:00Z"],
    ["29 February 2100 (not a leap year)", "2100-02-29T00:00:00Z"],
    ["31 April", "2026-04-31T00:00:00Z"],
    ["day 0", "2026-04-00T00:00:00Z"],
    ["month 13", "2026-13-01T00:00:00Z"],
    ["month 0", "2026-00-01T00:00:00Z"],
    ["hour 24", "2026-04-17T24:00:00Z"],
    ["minute 60", "2026-04-17T09:60:00Z"],
    ["second 60", "2026-04-17T09:31:60Z"],
    ["year 1999", "1999-12-31T23:59:59Z"],
    ["year 2201", "2201-01-01T00:00:00Z"],
    ["no zone", "2026-04-17T09:31:00"],
    ["a date only", "2026-04-17"],
    ["a space instead of T", "2026-04-17 09:31:00Z"],
    ["lower-case t and z", "2026-04-17t09:31:00z"],
    ["an offset without a colon", "2026-04-17T09:31:00+0200"],
    ["an hour-only offset", "2026-04-17T09:31:00+02"],
    ["an offset beyond +14:00", "2026-04-17T09:31:00+15:00"],
    ["offset minutes of 60", "2026-04-17T09:31:00+02:60"],
    ["ten fractional digits", "2026-04-17T09:31:00.1234567890Z"],
    ["a bare dot", "2026-04-17T09:31:00.Z"],
    ["a fraction without seconds", "2026-04-17T09:31.5Z"],
    ["an RFC 1123 date", "Fri, 17 Apr 2026 09:31:00 GMT"],
    ["a word", "yesterday"],
    ["an epoch", "1776418260"],
    ["empty", ""],
    ["trailing text", "2026-04-17T09:31:00Z&status=failed"],
    ["leading space", " 2026-04-17T09:31:00Z"],
  ])("rejects %s", (_label, value) => {
    expect(parseIsoInstant(value)).toBeNull();
  });
});

describe("toIsoSeconds", () => {
  it("writes UTC with second precision and Z", () => {
    expect(toIsoSeconds(new Date(Date.UTC(2026, 3, 17, 9, 31, 0)))).toBe("2026-04-17T09:31:00Z");
  });

  it("truncates milliseconds instead of rounding up", () => {
    expect(toIsoSeconds(new Date("2026-04-17T09:31:59.999Z"))).toBe("2026-04-17T09:31:59Z");
  });

  it("round-trips an offset instant to its UTC form", () => {
    const date = parseIsoInstant("2026-04-17T11:31:00+02:00");
    expect(date && toIsoSeconds(date)).toBe("2026-04-17T09:31:00Z");
  });
});
