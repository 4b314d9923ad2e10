import { describe, expect, it } from "vitest";
import { isoToWallTime, wallTimeToIso } from "./zoned-wall-time";
import { formatBoundDateTime } from "./date-time";

const BERLIN = "Europe/Berlin";
const NEW_YORK = "America/New_York";

describe("wallTimeToIso", () => {
  it.each([
    ["2026-04-17", "09:31", BERLIN, "2026-04-17T07:31:00Z"],
    ["2026-01-17", "09:31", BERLIN, "2026-01-17T08:31:00Z"],
    ["2026-04-17", "09:31", NEW_YORK, "2026-04-17T13:31:00Z"],
    ["2026-04-17", "09:31", "UTC", "2026-04-17T09:31:00Z"],
    ["2026-04-17", "00:00", "Asia/Kolkata", "2026-04-16T18:30:00Z"],
    ["2026-01-01", "00:00", "Asia/Kathmandu", "2025-12-31T18:15:00Z"],
    ["2026-04-17", "23:59", "Pacific/Kiritimati", "2026-04-17T09:59:00Z"],
    ["2028-02-29", "12:00", "UTC", "2028-02-29T12:00:00Z"],
  ])("reads %s %s in %s as %s", (date, time, zone, expected) => {
    expect(wallTimeToIso({ date, time }, zone)).toBe(expected);
  });

  describe("in a spring-forward gap, takes the first minute after it", () => {
    it.each([
      // Berlin: 02:00 CET jumps to 03:00 CEST.
      ["2026-03-29", "02:30", BERLIN, "2026-03-29T01:00:00Z", "03:00"],
      ["2026-03-29", "02:00", BERLIN, "2026-03-29T01:00:00Z", "03:00"],
      ["2026-03-29", "02:59", BERLIN, "2026-03-29T01:00:00Z", "03:00"],
      // New York: 02:00 EST jumps to 03:00 EDT.
      ["2026-03-08", "02:30", NEW_YORK, "2026-03-08T07:00:00Z", "03:00"],
      // Lord Howe moves by half an hour: 02:00 jumps to 02:30.
      ["2026-10-04", "02:15", "Australia/Lord_Howe", "2026-10-03T15:30:00Z", "02:30"],
    ])("%s %s in %s is %s (%s on the clock)", (date, time, zone, expected, clock) => {
      const iso = wallTimeToIso({ date, time }, zone);
      expect(iso).toBe(expected);
      expect(isoToWallTime(expected, zone)).toEqual({ date, time: clock });
    });

    it("skips a whole missing day (Samoa, 30 Dec 2011) to the next midnight", () => {
      expect(wallTimeToIso({ date: "2011-12-30", time: "12:00" }, "Pacific/Apia")).toBe(
        "2011-12-30T10:00:00Z",
      );
      expect(isoToWallTime("2011-12-30T10:00:00Z", "Pacific/Apia")).toEqual({
        date: "2011-12-31",
        time: "00:00",
      });
    });

    it("leaves the minutes either side of the gap alone", () => {
      expect(wallTimeToIso({ date: "2026-03-29", time: "01:59" }, BERLIN)).toBe(
        "2026-03-29T00:59:00Z",
      );
      expect(wallTimeToIso({ date: "2026-03-29", time: "03:00" }, BERLIN)).toBe(
        "2026-03-29T01:00:00Z",
      );
      expect(wallTimeToIso({ date: "2026-03-29", time: "03:01" }, BERLIN)).toBe(
        "2026-03-29T01:01:00Z",
      );
    });
  });

  describe("in an autumn overlap, takes the earlier instant", () => {
    it.each([
      // Berlin: 03:00 CEST falls back to 02:00 CET, so 02:xx happens at +02:00 and again at +01:00.
      ["2026-10-25", "02:30", BERLIN, "2026-10-25T00:30:00Z"],
      ["2026-10-25", "02:00", BERLIN, "2026-10-25T00:00:00Z"],
      ["2026-10-25", "02:59", BERLIN, "2026-10-25T00:59:00Z"],
      // New York: 02:00 EDT falls back to 01:00 EST.
      ["2026-11-01", "01:30", NEW_YORK, "2026-11-01T05:30:00Z"],
      ["2026-11-01", "01:00", NEW_YORK, "2026-11-01T05:00:00Z"],
      // Lord Howe: 02:00 (+11:00) falls back to 01:30 (+10:30).
      ["2026-04-05", "01:45", "Australia/Lord_Howe", "2026-04-04T14:45:00Z"],
    ])("%s %s in %s is %s", (date, time, zone, expected) => {
      expect(wallTimeToIso({ date, time }, zone)).toBe(expected);
    });

    it("is the instant an hour before the later reading of the same clock", () => {
      const later = Date.parse("2026-10-25T01:30:00Z");
      expect(isoToWallTime("2026-10-25T01:30:00Z", BERLIN)).toEqual({
        date: "2026-10-25",
        time: "02:30",
      });
      expect(Date.parse(wallTimeToIso({ date: "2026-10-25", time: "02:30" }, BERLIN) ?? "")).toBe(
        later - 60 * 60 * 1000,
      );
    });

    it("leaves the minutes either side of the overlap alone", () => {
      expect(wallTimeToIso({ date: "2026-10-25", time: "01:59" }, BERLIN)).toBe(
        "2026-10-24T23:59:00Z",
      );
      expect(wallTimeToIso({ date: "2026-10-25", time: "03:00" }, BERLIN)).toBe(
        "2026-10-25T02:00:00Z",
      );
    });
  });

  it.each([
    ["not a date", { date: "17/04/2026", time: "09:31" }, BERLIN],
    ["an empty date", { date: "", time: "09:31" }, BERLIN],
    ["30 February", { date: "2026-02-30", time: "09:31" }, BERLIN],
    ["29 February of a common year", { date: "2027-02-29", time: "09:31" }, BERLIN],
    ["month 13", { date: "2026-13-01", time: "09:31" }, BERLIN],
    ["month 0", { date: "2026-00-10", time: "09:31" }, BERLIN],
    ["day 0", { date: "2026-04-00", time: "09:31" }, BERLIN],
    ["a short year", { date: "26-04-17", time: "09:31" }, BERLIN],
    ["an empty time (an unfinished time input)", { date: "2026-04-17", time: "" }, BERLIN],
    ["hour 24", { date: "2026-04-17", time: "24:00" }, BERLIN],
    ["minute 60", { date: "2026-04-17", time: "09:60" }, BERLIN],
    ["a time with seconds", { date: "2026-04-17", time: "09:31:00" }, BERLIN],
    ["a 12-hour time", { date: "2026-04-17", time: "9:31 AM" }, BERLIN],
    ["an unknown zone", { date: "2026-04-17", time: "09:31" }, "Mars/Olympus_Mons"],
    ["an empty zone", { date: "2026-04-17", time: "09:31" }, ""],
    ["a year before 2000", { date: "1999-12-31", time: "12:00" }, "UTC"],
    ["a year after 2200", { date: "2201-01-01", time: "00:00" }, "UTC"],
    ["a year that only leaves range in UTC", { date: "2200-12-31", time: "23:00" }, NEW_YORK],
    ["year 0050 (no 1950 by accident)", { date: "0050-01-01", time: "00:00" }, "UTC"],
  ])("is null for %s", (_label, wall, zone) => {
    expect(wallTimeToIso(wall, zone)).toBeNull();
  });

  it("round-trips with isoToWallTime for every minute of a DST-free day", () => {
    for (let minute = 0; minute < 24 * 60; minute += 7) {
      const time = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
      const iso = wallTimeToIso({ date: "2026-04-17", time }, BERLIN);
      expect(iso).not.toBeNull();
      expect(isoToWallTime(iso ?? "", BERLIN)).toEqual({ date: "2026-04-17", time });
    }
  });
});

describe("isoToWallTime", () => {
  it.each([
    ["2026-04-17T07:31:00Z", BERLIN, { date: "2026-04-17", time: "09:31" }],
    ["2026-04-17T07:31:00Z", "UTC", { date: "2026-04-17", time: "07:31" }],
    ["2026-04-17T03:31:00Z", NEW_YORK, { date: "2026-04-16", time: "23:31" }],
    ["2026-04-17T07:31:59Z", BERLIN, { date: "2026-04-17", time: "09:31" }],
    ["2026-04-17T09:31:00+02:00", "UTC", { date: "2026-04-17", time: "07:31" }],
    ["2026-12-31T23:30:00Z", "Asia/Tokyo", { date: "2027-01-01", time: "08:30" }],
  ])("reads %s in %s", (iso, zone, expected) => {
    expect(isoToWallTime(iso, zone)).toEqual(expected);
  });

  it.each([
    ["a non-ISO string", "yesterday", BERLIN],
    ["an impossible date", "2026-02-30T00:00:00Z", BERLIN],
    ["an instant without a zone", "2026-04-17T09:31:00", BERLIN],
    ["an unknown zone", "2026-04-17T07:31:00Z", "Nowhere/Special"],
  ])("is null for %s", (_label, iso, zone) => {
    expect(isoToWallTime(iso, zone)).toBeNull();
  });
});

describe("formatBoundDateTime", () => {
  it.each([
    ["2026-04-17T07:31:00Z", BERLIN, "17 Apr 2026, 09:31"],
    ["2026-04-17T07:31:00Z", "UTC", "17 Apr 2026, 07:31"],
    ["2026-04-17T07:31:27Z", BERLIN, "17 Apr 2026, 09:31:27"],
    ["2026-01-05T23:05:00Z", NEW_YORK, "5 Jan 2026, 18:05"],
  ])("shows %s in %s as %s", (iso, zone, expected) => {
    expect(formatBoundDateTime(iso, zone)).toBe(expected);
  });
});
