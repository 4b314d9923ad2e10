import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/model/app-error";
import { isWorkflowId } from "@/lib/model/workflow-id";
import { assertWorkflowId, buildUpstreamUrl } from "./upstream-url";

const BASE = "http://127.0.0.1:4010/functions/v1/api-gateway";

const hostileIds = [
  "..",
  ".",
  "%2e%2e",
  "..%2f",
  "a/b",
  "a?b",
  "a#b",
  "a b",
  "",
  "a".repeat(65),
  "wf_\u0430bc", // Cyrillic "а"
  "ｗｆ＿１", // fullwidth lookalikes
  "wf_1\u0000",
  "\u0000",
  "wf_1\n",
  "a\\b",
];

function expectBadRequest(action: () => unknown) {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe("bad_request");
}

describe("workflow id allowlist", () => {
  it.each(["wf_01HY1", "wf-big", "A", "0", "_", "-", "a".repeat(64)])("accepts %j", (id) => {
    expect(isWorkflowId(id)).toBe(true);
    expect(assertWorkflowId(id)).toBe(id);
  });

  it.each(hostileIds)("rejects %j", (id) => {
    expect(isWorkflowId(id)).toBe(false);
    expectBadRequest(() => assertWorkflowId(id));
  });
});

describe("buildUpstreamUrl", () => {
  it("appends the segments to the base path and keeps its prefix", () => {
    const url = buildUpstreamUrl(BASE, ["v1", "workflows", "wf_01HY1", "logs"]);
    expect(url.href).toBe(
      "http://127.0.0.1:4010/functions/v1/api-gateway/v1/workflows/wf_01HY1/logs",
    );
  });

  it("treats a trailing slash on the base the same as none", () => {
    expect(buildUpstreamUrl(`${BASE}/`, ["v1", "workflows"]).href).toBe(`${BASE}/v1/workflows`);
  });

  it("works with a bare-origin base", () => {
    expect(buildUpstreamUrl("https://data.example.com", ["v1", "workflows"]).href).toBe(
      "https://data.example.com/v1/workflows",
    );
  });

  it.each(hostileIds)("never builds a URL from the segment %j", (id) => {
    expectBadRequest(() => buildUpstreamUrl(BASE, ["v1", "workflows", id, "logs"]));
  });

  it("keeps a hostile query value as one encoded parameter", () => {
    const url = buildUpstreamUrl(BASE, ["v1", "workflows"], {
      search: "a&status=x",
      page: 2,
    });
    expect(url.searchParams.getAll("search")).toEqual(["a&status=x"]);
    expect(url.searchParams.has("status")).toBe(false);
    expect(url.search).toBe("?search=a%26status%3Dx&page=2");
  });

  it("keeps path-like and fragment-like query values inside the query", () => {
    const url = buildUpstreamUrl(BASE, ["v1", "workflows"], { search: "../../admin#x?y" });
    expect(url.pathname).toBe("/functions/v1/api-gateway/v1/workflows");
    expect(url.hash).toBe("");
    expect(url.searchParams.get("search")).toBe("../../admin#x?y");
  });

  it("omits undefined values and writes booleans and numbers as text", () => {
    const url = buildUpstreamUrl(BASE, ["v1", "workflows"], {
      page: 1,
      enabled: false,
      status: undefined,
    });
    expect(url.search).toBe("?page=1&enabled=false");
  });

  it("never changes the origin", () => {
    for (const base of [BASE, "https://data.example.com/functions/v1/api-gateway"]) {
      const url = buildUpstreamUrl(base, ["v1", "workflows", "wf_1"], { search: "//evil.com" });
      expect(url.origin).toBe(new URL(base).origin);
    }
  });
});
