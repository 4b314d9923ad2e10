import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/model/app-error";
import { jsonError, jsonOk } from "./json-response";

const log = vi.hoisted(() => vi.fn());
vi.mock("@/lib/server-log", () => ({ logServerEvent: log }));

beforeEach(() => log.mockReset());

describe("jsonOk / jsonError", () => {
  it("marks every answer private and unsniffable", () => {
    for (const response of [jsonOk({ ok: true }), jsonError(new AppError("not_found"), "r")]) {
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("answers our own error body, and never an unknown error's message or stack", async () => {
    const response = jsonError(new Error("secret internals at /srv/app.js:1"), "GET /x");
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("secret");
    expect(JSON.parse(text)).toMatchObject({ error: { code: "internal_error" } });
    expect(log).toHaveBeenCalledWith(
      "error",
      "request_failed",
      expect.objectContaining({ code: "internal_error" }),
    );
    expect(JSON.stringify(log.mock.calls)).not.toContain("secret");
  });

  it("passes Retry-After on", () => {
    const response = jsonError(new AppError("rate_limited", { retryAfterSeconds: 30 }), "r");
    expect(response.headers.get("retry-after")).toBe("30");
  });

  it("logs a browser that went away as such, not as our failure", () => {
    const abort = new DOMException("This operation was aborted", "AbortError");
    const response = jsonError(abort, "GET /x");
    expect(response.status).toBe(499);
    expect(log).toHaveBeenCalledWith("info", "request_aborted", { route: "GET /x" });
  });

  it("counts Next's ResponseAborted (the browser cancelled its fetch) as a browser gone away", () => {
    const aborted = Object.assign(new Error("aborted"), { name: "ResponseAborted" });
    expect(jsonError(aborted, "GET /x").status).toBe(499);
    expect(log).toHaveBeenCalledWith("info", "request_aborted", { route: "GET /x" });
  });
});
