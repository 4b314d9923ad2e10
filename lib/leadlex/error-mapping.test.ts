import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/model/app-error";
import { errorWordsFor } from "@/lib/model/error-vocabulary";
import { appErrorFromResponse } from "./error-mapping";

const NOW_MS = Date.UTC(2026, 3, 17, 9, 31, 0);
const REQUEST_ID = "req_01HY1K0E7V8Q0YXH7DSTX5B3CA";
const SECRET_MESSAGE = "<script>upstream-secret</script>";

function errorBody(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

function map(status: number, body = "", headers: Record<string, string> = {}): AppError {
  return appErrorFromResponse(
    status,
    new Headers({ "X-Request-ID": REQUEST_ID, ...headers }),
    body,
    NOW_MS,
  );
}

describe("appErrorFromResponse", () => {
  it.each([
    [400, "validation_error", "bad_request", 400],
    [401, "invalid_key", "invalid_key", 401],
    [403, "insufficient_permissions", "insufficient_permissions", 403],
    [404, "not_found", "not_found", 404],
    [429, "rate_limited", "rate_limited", 429],
    [500, "internal", "upstream_unavailable", 502],
    [502, "bad_gateway", "upstream_unavailable", 502],
    [503, "unavailable", "upstream_unavailable", 502],
    [504, "timeout", "upstream_timeout", 504],
    [301, "moved", "upstream_invalid_response", 502],
    [302, "found", "upstream_invalid_response", 502],
    [307, "temporary_redirect", "upstream_invalid_response", 502],
    [409, "conflict", "upstream_invalid_response", 502],
    [418, "teapot", "upstream_invalid_response", 502],
  ])("maps %i (%s) to %s with HTTP %i", (status, upstreamCode, code, httpStatus) => {
    const error = map(status, errorBody(upstreamCode, SECRET_MESSAGE));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe(code);
    expect(error.status).toBe(httpStatus);
    expect(error.requestId).toBe(REQUEST_ID);
    expect(error.message).not.toContain("upstream-secret");
    expect(JSON.stringify(error.toBody())).not.toContain("upstream-secret");
  });

  it.each([
    [500, /^LeadLex reported an internal error \(HTTP 500\)\./],
    [501, /^LeadLex reported an internal error \(HTTP 501\)\./],
    [502, /^LeadLex is temporarily unavailable \(HTTP 502\)\./],
    [503, /^LeadLex is temporarily unavailable \(HTTP 503\)\./],
    [504, /^LeadLex's gateway timed out \(HTTP 504\)\./],
    [418, /^LeadLex answered with an unexpected status \(HTTP 418\)\./],
  ])("names the failure and its status for a %i", (status, message) => {
    expect(map(status, errorBody("x", SECRET_MESSAGE)).message).toMatch(message);
  });

  it("tells an expired key from an unknown one by the upstream message", () => {
    const expired = map(401, errorBody("invalid_key", "API key has Expired"));
    expect(expired.code).toBe("key_expired");
    expect(expired.status).toBe(401);
    expect(expired.message).toBe(errorWordsFor("key_expired").message);

    const unknown = map(401, errorBody("invalid_key", "Invalid API key"));
    expect(unknown.code).toBe("invalid_key");
  });

  it("treats a 401 without a readable body as an invalid key", () => {
    expect(map(401, "").code).toBe("invalid_key");
    expect(map(401, "<html><body>expired</body></html>").code).toBe("invalid_key");
  });

  it("accepts HTML bodies without passing them on", () => {
    const html = `<html><body><h1>502 Bad Gateway</h1>${SECRET_MESSAGE}</body></html>`;
    for (const status of [400, 403, 404, 429, 500, 502, 503, 504]) {
      const error = map(status, html);
      expect(JSON.stringify(error.toBody())).not.toContain("upstream-secret");
      expect(JSON.stringify(error.toBody())).not.toContain("<html>");
    }
  });

  it("carries Retry-After on a 429", () => {
    const error = map(429, errorBody("rate_limited", SECRET_MESSAGE), { "Retry-After": "42" });
    expect(error.retryAfterSeconds).toBe(42);
    expect(error.toBody().error.retryAfterSeconds).toBe(42);
  });

  it("falls back to X-RateLimit-Reset on a 429 without Retry-After", () => {
    const error = map(429, "", {
      "X-RateLimit-Remaining": "0",
      "X-RateLimit-Reset": String(NOW_MS / 1000 + 600),
    });
    expect(error.retryAfterSeconds).toBe(600);
  });

  it("reports no wait on a 429 that names none", () => {
    expect(map(429, "").retryAfterSeconds).toBeNull();
  });

  it("keeps no request id of the wrong form", () => {
    const error = appErrorFromResponse(
      404,
      new Headers({ "X-Request-ID": SECRET_MESSAGE }),
      "",
      NOW_MS,
    );
    expect(error.requestId).toBeNull();
  });
});
