import { describe, expect, it } from "vitest";
import {
  formatDateTime,
  formatExactUtc,
  formatRelative,
  formatShortDateTime,
  formatZoned,
  formatZoneOffset,
  timesInZoneLine,
  UTC,
  wallClock,
} from "./date-time";

const SEED_RUN = "2026-04-17T09:31:00Z";

describe("formatZoned", () => {
  it("prints every supported token in the given zone", () => {
    expect(formatZoned(SEED_RUN, "Europe/Berlin", "yyyy-MM-dd HH:mm:ss xxx")).toBe(
      "2026-04-17 11:31:00 +02:00",
    );
    expect(formatZoned(SEED_RUN, "Europe/Berlin", "d MMM yyyy")).toBe("17 Apr 2026");
    expect(formatZoned(SEED_RUN, "UTC", "HH:mm xxx")).toBe("09:31 +00:00");
  });

  it("handles negative and half-hour offsets", () => {
    expect(formatZoned(SEED_RUN, "America/New_York", "HH:mm xxx")).toBe("05:31 -04:00");
    expect(formatZoned(SEED_RUN, "Asia/Kolkata", "HH:mm xxx")).toBe("15:01 +05:30");
    expect(formatZoned("2026-04-17T23:59:59Z", "Pacific/Kiritimati", "d HH:mm xxx")).toBe(
      "18 13:59 +14:00",
    );
  });
});

describe("date formats", () => {
  it("shows the same instant in UTC and in a local zone", () => {
    expect(formatDateTime(SEED_RUN, "UTC")).toBe("17 Apr 2026, 09:31:00");
    expect(formatDateTime(SEED_RUN, "Europe/Berlin")).toBe("17 Apr 2026, 11:31:00");
    expect(formatExactUtc(SEED_RUN)).toBe("2026-04-17 09:31:00 UTC");
  });

  it("names the offset in effect at that instant (summer and winter time)", () => {
    expect(formatZoneOffset(SEED_RUN, "Europe/Berlin")).toBe("UTC+02:00");
    expect(formatZoneOffset("2026-01-17T09:31:00Z", "Europe/Berlin")).toBe("UTC+01:00");
    expect(formatZoneOffset(SEED_RUN, "UTC")).toBe("UTC");
  });

  it("drops the year only within the current year", () => {
    expect(formatShortDateTime(SEED_RUN, "UTC", "2026-11-25T00:00:00Z")).toBe("17 Apr, 09:31:00");
    expect(formatShortDateTime(SEED_RUN, "UTC", "2027-01-02T00:00:00Z")).toBe(
      "17 Apr 2026, 09:31:00",
    );
    // The year is the zone's: New Year's Eve in UTC is already next year in Tokyo.
    expect(formatShortDateTime("2025-12-31T20:00:00Z", "Asia/Tokyo", "2026-01-02T00:00:00Z")).toBe(
      "1 Jan, 05:00:00",
    );
  });

  it("says how long ago, or how long until", () => {
    const now = "2026-04-17T12:00:00Z";
    expect(formatRelative("2026-04-17T11:59:55Z", now)).toBe("just now");
    expect(formatRelative("2026-04-17T11:59:15Z", now)).toBe("45 s ago");
    expect(formatRelative("2026-04-17T11:48:00Z", now)).toBe("12 min ago");
    expect(formatRelative(SEED_RUN, now)).toBe("2 h ago");
    expect(formatRelative("2026-04-12T12:00:00Z", now)).toBe("5 d ago");
    expect(formatRelative("2026-04-17T12:03:00Z", now)).toBe("in 3 min");
  });
});

describe("the wall clock from offsets asked once a day", () => {
  /** The wall clock as `Intl` itself gives it for that instant: what every zone must match. */
  const formats = new Map<string, Intl.DateTimeFormat>();
  function intlWallClock(ms: number, timeZone: string) {
    const fields: Record<string, string> = {};
    const format =
      formats.get(timeZone) ??
      new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    formats.set(timeZone, format);
    for (const part of format.formatToParts(new Date(ms))) fields[part.type] = part.value;
    return ["year", "month", "day", "hour", "minute", "second"].map((field) =>
      Number(fields[field]),
    );
  }

  // Summer time at 01:00 UTC, at local 02:00, at 00:01 local (St John's until 2011), a half-hour
  // shift (Lord Howe), a 45-minute zone, a zone that skipped a whole day (Apia, end of 2011).
  const zones = [
    "Europe/Berlin",
    "America/New_York",
    "America/St_Johns",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "Pacific/Apia",
    "America/Santiago",
    "Africa/Casablanca",
  ];

  it.each(zones)(
    "matches Intl in %s, every 20 min 1 s across the years around its changes",
    (zone) => {
      const mismatches: string[] = [];
      for (const [from, to] of [
        ["2010-01-01T00:00:00Z", "2012-01-01T00:00:00Z"],
        ["2025-01-01T00:00:00Z", "2027-01-01T00:00:00Z"],
      ] as const) {
        for (let ms = Date.parse(from); ms < Date.parse(to); ms += 1_201_000) {
          const clock = wallClock(ms, zone);
          const ours = [clock.year, clock.month, clock.day, clock.hour, clock.minute, clock.second];
          const expected = intlWallClock(ms, zone);
          if (ours.join() !== expected.join()) mismatches.push(new Date(ms).toISOString());
        }
      }
      expect(mismatches.slice(0, 5)).toEqual([]);
    },
  );

  it("reads UTC without asking for an offset, and refuses an invalid instant", () => {
    expect(wallClock("2026-04-17T09:31:05.900Z", UTC)).toEqual({
      year: 2026,
      month: 4,
      day: 17,
      hour: 9,
      minute: 31,
      second: 5,
      offsetMinutes: 0,
    });
    expect(() => wallClock("not a time", UTC)).toThrow(RangeError);
  });
});

describe("timesInZoneLine", () => {
  it("names UTC alone, and a local zone with its offset at that instant", () => {
    expect(timesInZoneLine(UTC, SEED_RUN)).toBe("Times in UTC");
    expect(timesInZoneLine("Europe/Berlin", SEED_RUN)).toBe("Times in Europe/Berlin (UTC+02:00)");
    expect(timesInZoneLine("Europe/Berlin", "2026-01-17T09:31:00Z")).toBe(
      "Times in Europe/Berlin (UTC+01:00)",
    );
  });
});
