import { describe, expect, it } from "vitest";
import { formatLogLine } from "./server-log";

const TIME = new Date("2026-04-17T09:31:00Z");
/** Every character a terminal or a log viewer may act on rather than show. */
const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, code) => code),
  ...Array.from({ length: 0x21 }, (_, offset) => 0x7f + offset),
  0x061c,
  0x200e,
  0x200f,
  0x2028,
  0x2029,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
].map((code) => String.fromCharCode(code));
const RAW_CONTROL =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe("formatLogLine", () => {
  it.each(CONTROLS.map((character) => [character.charCodeAt(0).toString(16), character]))(
    "escapes U+%s wherever it appears, and keeps it readable",
    (_code, character) => {
      const value = `GET /a${character}b\r\nX-Injected: 1\u001b[31m`;
      const line = formatLogLine("warn", "request_refused", { [`k${character}`]: value }, TIME);
      expect(line).not.toMatch(RAW_CONTROL);
      expect(line.split("\n")).toHaveLength(1);
      expect(JSON.parse(line)).toMatchObject({ [`k${character}`]: value });
    },
  );

  it("cuts a long value, so one request cannot flood the log", () => {
    const line = formatLogLine("warn", "request_refused", { path: `/${"a".repeat(10_000)}` }, TIME);
    expect(line.length).toBeLessThan(500);
    expect((JSON.parse(line) as { path: string }).path).toMatch(/^\/a+…$/);
  });

  it("writes the time, level and event first", () => {
    expect(formatLogLine("info", "request_aborted", { route: "GET /x" }, TIME)).toBe(
      '{"time":"2026-04-17T09:31:00.000Z","level":"info","event":"request_aborted","route":"GET /x"}',
    );
  });
});
