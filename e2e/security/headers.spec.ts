import type { APIResponse } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { expectPrivate } from "../support/private-headers";

/**
 * The headers every answer carries (production build): a nonce CSP whose nonce changes per request
 * and is the one on every script tag, no inline or eval for scripts, and the usual hardening.
 */
const PAGES = [
  "/",
  "/?enabled=false",
  "/workflows/wf_01HY1",
  "/workflows/wf_01HY1?status=failed&open=wfl_x",
  "/workflows/wf_fault_500",
  "/workflows/wf_fault_hostile",
  "/workflows/not_a_workflow",
  "/no-such-page",
  "/connect",
];
const OTHER = ["/api/workflows", "/api/workflows/wf_01HY1/logs", "/api/health", "/api/nope"];

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

function expectHardening(response: APIResponse, label: string) {
  const headers = response.headers();
  expect(headers["x-content-type-options"], label).toBe("nosniff");
  expect(headers["referrer-policy"], label).toMatch(
    /^(same-origin|no-referrer|strict-origin(-when-cross-origin)?)$/,
  );
  expect(headers["strict-transport-security"], label).toMatch(/max-age=(\d{8,}|3153[6-9]\d{3})/);
  expect(headers["x-frame-options"], label).toBe("DENY");
  expect(headers["x-powered-by"], label).toBeUndefined();
}

function nonceOf(response: APIResponse, label: string): string {
  const csp = response.headers()["content-security-policy"] ?? "";
  const policy = directives(csp);
  const scripts = policy.get("script-src") ?? [];
  expect(scripts, label).toContain("'strict-dynamic'");
  expect(
    scripts.filter((value) => value.startsWith("'unsafe-")),
    label,
  ).toEqual([]);
  expect(policy.get("connect-src"), label).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors"), label).toEqual(["'none'"]);
  expect(policy.get("object-src"), label).toEqual(["'none'"]);
  expect(policy.get("base-uri"), label).toEqual(["'self'"]);
  const nonce = scripts.find((value) => value.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, label).toMatch(/^[A-Za-z0-9+/]{20,}={0,2}$/);
  return nonce as string;
}

test("every page: a fresh nonce CSP that matches its script tags, and the hardening headers", async ({
  connectedPage: page,
}) => {
  for (const path of PAGES) {
    const first = await page.request.get(path);
    const second = await page.request.get(path);
    const label = `${path} (${first.status()})`;
    expect(first.status(), label).toBeLessThan(500);
    expectHardening(first, label);
    expectPrivate(first, label);
    const nonce = nonceOf(first, label);
    expect(nonceOf(second, label), `${label}: the nonce is reused`).not.toBe(nonce);

    const html = await first.text();
    const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scriptTags.length, label).toBeGreaterThan(0);
    for (const tag of scriptTags) expect(tag, label).toContain(` nonce="${nonce}"`);
    expect(html, label).not.toMatch(/\son[a-z]+="/);
  }
});

test("the API and the connect page without a session carry the same protections", async ({
  request,
}) => {
  for (const path of [...OTHER, "/connect", "/connect?next=%2Fworkflows"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const label = `${path} (${response.status()})`;
    expect(response.status(), label).toBeLessThan(500);
    expectHardening(response, label);
    expectPrivate(response, label);
    if (path.startsWith("/api/")) {
      // JSON is never rendered as a page: nothing may load, frame or run from it.
      const policy = directives(response.headers()["content-security-policy"] ?? "");
      expect(policy.get("default-src"), label).toEqual(["'none'"]);
      expect(policy.get("frame-ancestors"), label).toEqual(["'none'"]);
    } else {
      nonceOf(response, label);
    }
  }
});
