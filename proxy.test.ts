import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "./proxy";

const ORIGIN = "http://runboard.test";

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`${ORIGIN}${path}`, {
    method: init.method ?? "GET",
    headers: { host: "runboard.test", ...init.headers },
  });
}

/** NextResponse.next() marks the response so Next goes on to the page or handler. */
function passedThrough(response: Response): boolean {
  return response.headers.get("x-middleware-next") === "1";
}

describe("proxy", () => {
  it("passes an ordinary page request on with a nonce CSP and the security headers", () => {
    const response = proxy(
      request("/workflows/wf_01HY1", { headers: { cookie: "runboard_session=sealed" } }),
    );
    expect(passedThrough(response)).toBe(true);
    expect(response.headers.get("content-security-policy")).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("sends a page load without a session cookie to /connect with a real 307", () => {
    const response = proxy(request("/workflows/wf_01HY1?status=failed"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(
      `${ORIGIN}/connect?next=%2Fworkflows%2Fwf_01HY1%3Fstatus%3Dfailed`,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("lets the connect page, the API and RSC fetches through without a cookie", () => {
    for (const path of ["/connect", "/api/workflows"]) {
      expect(passedThrough(proxy(request(path)))).toBe(true);
    }
    expect(passedThrough(proxy(request("/", { headers: { rsc: "1" } })))).toBe(true);
  });

  it.each(["/workflows/%ff", "/workflows/%", "/api/workflows/%c0%ae/logs", "/%E0%A4%A"])(
    "answers 400 to the undecodable path %s instead of Next's bare 500",
    async (path) => {
      const response = proxy(request(path));
      expect(passedThrough(response)).toBe(false);
      expect(response.status).toBe(400);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      const text = await response.text();
      expect(text).toContain("malformed percent-encoding");
      if (path.startsWith("/api/")) expect(JSON.parse(text).error.code).toBe("bad_request");
    },
  );

  it.each([
    ["a Server Action post from another site", "/connect", { origin: "https://evil.example" }],
    ["a post labelled cross-site", "/", { "sec-fetch-site": "cross-site" }],
    ["a post to the API from another site", "/api/workflows", { origin: "https://evil.example" }],
  ])("refuses %s with 403", (_label, path, headers) => {
    const response = proxy(request(path, { method: "POST", headers }));
    expect(passedThrough(response)).toBe(false);
    expect(response.status).toBe(403);
  });

  it("lets a same-origin post through to Next's own Server Action checks", () => {
    const response = proxy(
      request("/connect", {
        method: "POST",
        headers: { origin: ORIGIN, "sec-fetch-site": "same-origin" },
      }),
    );
    expect(passedThrough(response)).toBe(true);
  });

  it("refuses a cross-site read of the API with our own error body", async () => {
    const response = proxy(
      request("/api/workflows", { headers: { "sec-fetch-site": "cross-site" } }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: {
        code: "cross_site_refused",
        message: "Cross-site requests are not accepted.",
        requestId: null,
        retryAfterSeconds: null,
      },
    });
  });
});
