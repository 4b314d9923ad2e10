import { describe, expect, it } from "vitest";
import { connectUrlFor, safeNextPath } from "./safe-next-path";

const SITE = "https://runboard.example";

function expectSameOrigin(path: string) {
  expect(path.startsWith("/")).toBe(true);
  expect(new URL(path, SITE).origin).toBe(SITE);
}

describe("safeNextPath", () => {
  it.each([
    "/",
    "/workflows",
    "/workflows?page=2&per_page=50",
    "/workflows/wf_01HY1?status=failed&after=2026-04-17T09%3A31%3A00Z#run-wfl_01HY1",
    "/workflows/wf_01HY1#top",
    "/connections",
  ])("keeps the local path %j exactly", (path) => {
    expect(safeNextPath(path)).toBe(path);
  });

  it.each([
    ["a protocol-relative URL", "//evil.com"],
    ["a protocol-relative URL with a path", "//evil.com/workflows"],
    ["a backslash after the slash", "/\\evil.com"],
    ["a leading backslash", "\\\\evil.com"],
    ["an absolute URL", "https://evil.com"],
    ["a scheme with one slash", "https:/evil.com"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["a relative path", "workflows"],
    ["a leading space", " /workflows"],
    ["a tab that URL parsing would drop", "/\t/evil.com"],
    ["a newline that URL parsing would drop", "/\n/evil.com"],
    ["a carriage return", "/\r\n/evil.com"],
    ["a NUL", "/workflows\u0000"],
    ["DEL", "/workflows\u007f"],
    ["an empty string", ""],
    ["a path over 2,000 characters", `/${"a".repeat(2_000)}`],
  ])("falls back to / for %s", (_label, raw) => {
    expect(safeNextPath(raw)).toBe("/");
  });

  it.each([undefined, null, 42, ["/workflows"], { pathname: "/workflows" }])(
    "falls back to / for the non-string %j",
    (raw) => {
      expect(safeNextPath(raw)).toBe("/");
    },
  );

  it("keeps an encoded //evil.com as a same-origin path", () => {
    const result = safeNextPath("/%2F%2Fevil.com");
    expect(result).toBe("/%2F%2Fevil.com");
    expectSameOrigin(result);
  });

  it("keeps an encoded backslash as a same-origin path", () => {
    const result = safeNextPath("/%5Cevil.com");
    expect(result).toBe("/%5Cevil.com");
    expectSameOrigin(result);
  });

  it("resolves dot segments without leaving the site", () => {
    const result = safeNextPath("/a/../../evil.com");
    expect(result).toBe("/evil.com");
    expectSameOrigin(result);
  });

  it("keeps an absolute-looking URL inside the path on this site", () => {
    const result = safeNextPath("/https://evil.com");
    expect(result).toBe("/https://evil.com");
    expectSameOrigin(result);
  });

  it.each([
    "/connect",
    "/connect/",
    "/connect?next=/workflows",
    "/connect#key",
    "/./connect",
    "/workflows/../connect",
    "/%2e%2e/connect",
  ])("never returns to the connect page itself (%j)", (raw) => {
    expect(safeNextPath(raw)).toBe("/");
  });
});

/**
 * Every combination of a leading part that normalisation may fold away (dot segments, encoded
 * dots), a separator a browser may read as a second slash, and a host: thousands of ways to spell
 * "another site" or "this site, oddly".
 */
const LEADING = [
  "/",
  "/.",
  "/..",
  "/./",
  "/../",
  "/%2e",
  "/%2E",
  "/.%2e",
  "/%2e%2e",
  "/%2e/",
  "/a/..",
  "/a/../..",
  "/./.",
  "/a/./..",
  "//",
  "\\",
  "/\\",
  "https:",
  "",
];
const SEPARATORS = [
  "",
  "/",
  "//",
  "\\",
  "/\\",
  "\\/",
  "%2f",
  "%2F",
  "%5c",
  "/%2f",
  "\t/",
  "\n/",
  " /",
  "/./",
  "/../",
];
const HOSTS = ["evil.example", "evil.example/path?x=1#y", "@evil.example", "evil.example:443", ""];

const generatedForms = LEADING.flatMap((leading) =>
  SEPARATORS.flatMap((separator) => HOSTS.map((host) => `${leading}${separator}${host}`)),
);

describe("safeNextPath on generated path forms", () => {
  it.each(["/.//evil.example/path", "/..//evil.example/path", "/%2e//evil.example/path"])(
    "never answers a protocol-relative path for %j",
    (raw) => {
      expect(safeNextPath(raw)).toBe("/");
    },
  );

  it(`keeps all ${generatedForms.length} forms on this site, with one leading slash`, () => {
    const escapes = generatedForms
      .map((raw) => ({ raw, result: safeNextPath(raw) }))
      .filter(
        ({ result }) =>
          !/^\/(?![/\\])/.test(result) ||
          new URL(result, SITE).origin !== SITE ||
          /[\u0000-\u001f\u007f\\]/.test(result),
      );
    expect(escapes).toEqual([]);
  });

  it("gives the same answer when cleaned a second time", () => {
    const unstable = generatedForms.filter((raw) => {
      const once = safeNextPath(raw);
      return safeNextPath(once) !== once;
    });
    expect(unstable).toEqual([]);
  });
});

describe("connectUrlFor", () => {
  it("carries a local path as next", () => {
    const url = connectUrlFor("/workflows/wf_01HY1?status=failed#x");
    expect(url).toBe("/connect?next=%2Fworkflows%2Fwf_01HY1%3Fstatus%3Dfailed%23x");
    expect(new URL(url, SITE).searchParams.get("next")).toBe("/workflows/wf_01HY1?status=failed#x");
  });

  it.each(["/", "//evil.com", "https://evil.com", "/connect"])(
    "sends plain /connect for %j",
    (returnTo) => {
      expect(connectUrlFor(returnTo)).toBe("/connect");
    },
  );
});
