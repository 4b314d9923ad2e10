import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isCrossOriginWrite, requestHost } from "./security-headers";

function headers(values: Record<string, string>): Headers {
  return new Headers({ host: "runboard.example", ...values });
}

describe("isCrossOriginWrite", () => {
  it.each(["GET", "HEAD", "OPTIONS", "get"])("lets a %s through whatever its origin", (method) => {
    const foreign = headers({ origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(isCrossOriginWrite(method, foreign)).toBe(false);
  });

  it.each([
    ["a same-origin post", { origin: "https://runboard.example", "sec-fetch-site": "same-origin" }],
    ["a post without Origin or Sec-Fetch-Site (not from a page)", {}],
  ])("allows %s", (_label, values) => {
    expect(isCrossOriginWrite("POST", headers(values))).toBe(false);
    expect(isCrossOriginWrite("POST", headers(values), true)).toBe(false);
  });

  describe("X-Forwarded-Host", () => {
    const behindProxy = {
      host: "internal:3000",
      "x-forwarded-host": "runboard.example",
      origin: "https://runboard.example",
    };
    const forged = {
      "x-forwarded-host": "evil.example",
      origin: "https://evil.example",
    };

    it("is read when the setting trusts it: a post through the proxy passes", () => {
      expect(isCrossOriginWrite("POST", headers(behindProxy), true)).toBe(false);
    });

    it("is ignored otherwise: the same post is compared with Host, and refused", () => {
      expect(isCrossOriginWrite("POST", headers(behindProxy))).toBe(true);
      expect(isCrossOriginWrite("POST", headers(behindProxy), false)).toBe(true);
    });

    it("cannot vouch for a foreign Origin unless trusted", () => {
      expect(isCrossOriginWrite("POST", headers(forged))).toBe(true);
      expect(
        isCrossOriginWrite("POST", headers({ ...forged, "x-forwarded-host": "a, evil.example" })),
      ).toBe(true);
    });

    it("takes the first of several forwarded hosts when trusted", () => {
      const chain = { ...behindProxy, "x-forwarded-host": "runboard.example, internal:3000" };
      expect(isCrossOriginWrite("POST", headers(chain), true)).toBe(false);
      expect(requestHost(headers(chain), true)).toBe("runboard.example");
      expect(requestHost(headers(chain), false)).toBe("internal:3000");
    });
  });

  it.each([
    ["another site's Origin", { origin: "https://evil.example" }],
    ["another port", { origin: "https://runboard.example:8443" }],
    ["a sibling subdomain", { origin: "https://app.runboard.example" }],
    ["Origin: null", { origin: "null" }],
    ["an unparseable Origin", { origin: "::::" }],
    ["Sec-Fetch-Site: cross-site alone", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site", { "sec-fetch-site": "same-site" }],
    [
      "a forwarded host that differs from Origin",
      { "x-forwarded-host": "runboard.example", origin: "https://internal:3000" },
    ],
  ])("refuses a post with %s", (_label, values) => {
    expect(isCrossOriginWrite("POST", headers(values))).toBe(true);
    expect(isCrossOriginWrite("DELETE", headers(values))).toBe(true);
    expect(isCrossOriginWrite("POST", headers(values), true)).toBe(true);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce in production", () => {
    const policy = contentSecurityPolicy("abc123", false);
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    for (const directive of ["connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'"]) {
      expect(policy).toContain(directive);
    }
  });
});
