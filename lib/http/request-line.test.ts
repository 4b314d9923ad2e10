import { describe, expect, it } from "vitest";
import { refusalForRequestLine } from "./request-line";

describe("refusalForRequestLine", () => {
  it.each(["TRACE", "trace", "Trace"])("answers %s with 405 and an Allow header", (method) => {
    for (const target of ["/", "/connect", "/api/health", "/_next/static/x.js", "*"]) {
      expect(refusalForRequestLine(method, target)).toMatchObject({
        status: 405,
        allow: "GET, HEAD, POST",
      });
    }
  });

  it.each(["OPTIONS", "GET", "POST"])("answers %s * with 501", (method) => {
    expect(refusalForRequestLine(method, "*")).toMatchObject({ status: 501 });
  });

  it.each([
    "http://evil.example/",
    "https://evil.example/connect",
    "evil.example:443",
    "",
    "?next=/",
  ])("answers a target that is not a path, %j, with 400", (target) => {
    expect(refusalForRequestLine("GET", target)).toMatchObject({ status: 400 });
  });

  it.each([
    ["GET", "/"],
    ["GET", "/workflows/wf_01HY1?status=failed"],
    ["HEAD", "/api/health"],
    ["POST", "/connect"],
    ["OPTIONS", "/api/workflows"],
    ["DELETE", "/api/workflows"],
    // A path after all: Next's 308 folds the slashes into `/evil.example/`, on this site.
    ["GET", "//evil.example/"],
  ])("lets %s %s through to Next", (method, target) => {
    expect(refusalForRequestLine(method, target)).toBeNull();
  });
});
