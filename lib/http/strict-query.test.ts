import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/model/app-error";
import { rejectUnknownParameters } from "./strict-query";

const ALLOWED = ["page", "status"] as const;

function rejection(search: string): AppError {
  try {
    rejectUnknownParameters(new URLSearchParams(search), ALLOWED);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error(`expected ${search} to be refused`);
}

describe("rejectUnknownParameters", () => {
  it("accepts known parameters, repeated or not (repeats are another check's business)", () => {
    expect(() =>
      rejectUnknownParameters(new URLSearchParams("page=2&status=a&status=b"), ALLOWED),
    ).not.toThrow();
  });

  it("ignores Next's own _rsc cache-buster", () => {
    expect(() =>
      rejectUnknownParameters(new URLSearchParams("page=2&_rsc=1x2y3"), ALLOWED),
    ).not.toThrow();
  });

  it("names an array-style parameter", () => {
    const error = rejection("status[]=failed");
    expect(error.code).toBe("bad_request");
    expect(error.message).toBe(
      'The parameter "status[]" is not accepted here (accepted: page, status).',
    );
  });

  it("echoes only a short printable prefix of a hostile name", () => {
    const error = rejection(`${encodeURIComponent("<script>\u0000\u202e")}${"x".repeat(500)}=1`);
    expect(error.message).not.toContain("\u0000");
    expect(error.message).not.toContain("\u202e");
    expect(error.message.length).toBeLessThan(150);
  });
});
