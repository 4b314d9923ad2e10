import { request as playwrightRequest } from "@playwright/test";
import { connectWithKey, demoKeys, expect, test } from "../support/fixtures";
import { E2E_APP_URL } from "../support/ports";
import { SESSION_COOKIE_NAME } from "../support/raw-http";
import { interceptAction, replayAction, withFieldValue } from "../support/server-action";

/**
 * Cross-site requests: a forged Server Action (connect or sign out) or any other write from another
 * origin is refused before it does anything, and `/connect?next=` never leads off the site. Each
 * refusal is paired with the same request from our own origin succeeding, so the refusal is not an
 * artefact of the replay.
 */
const FOREIGN = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };

test.describe("cross-site requests", () => {
  test("a connect Server Action replayed from another origin is refused", async ({ page }) => {
    await page.goto("/connect");
    await page.getByLabel("API key", { exact: true }).fill(demoKeys.org_full);
    const action = await interceptAction(page, () =>
      page.getByRole("button", { name: "Connect", exact: true }).click(),
    );
    expect(action.headers.origin).toBe(E2E_APP_URL);

    // A fresh cookie jar each time, as a victim's browser would be.
    for (const headers of [FOREIGN, { origin: "https://evil.example" }, { origin: "null" }]) {
      const victim = await playwrightRequest.newContext({ baseURL: E2E_APP_URL });
      const forged = await replayAction(victim, action, { headers });
      expect(forged.status(), JSON.stringify(headers)).toBe(403);
      expect(forged.headers()["set-cookie"] ?? "").not.toContain(SESSION_COOKIE_NAME);
      expect((await victim.get("/api/workflows")).status()).toBe(401);
      await victim.dispose();
    }

    const own = await playwrightRequest.newContext({ baseURL: E2E_APP_URL });
    const genuine = await replayAction(own, action);
    expect(genuine.status()).toBe(200);
    expect(genuine.headers()["x-action-redirect"]).toMatch(/^\//);
    expect(genuine.headers()["set-cookie"]).toContain(SESSION_COOKIE_NAME);
    expect((await own.get("/api/workflows")).status()).toBe(200);
    await own.dispose();
  });

  test("a sign-out Server Action replayed from another origin is refused", async ({ page }) => {
    await connectWithKey(page, demoKeys.org_full);
    await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
    const action = await interceptAction(page, () =>
      page.getByRole("button", { name: "Sign out" }).click(),
    );

    const forged = await replayAction(page.request, action, { headers: FOREIGN });
    expect(forged.status()).toBe(403);
    expect((await page.request.get("/api/workflows")).status()).toBe(200);

    const genuine = await replayAction(page.request, action);
    expect(genuine.status()).toBe(200);
    expect(genuine.headers()["x-action-redirect"]).toMatch(/^\/connect/);
    expect((await page.request.get("/api/workflows")).status()).toBe(401);
  });

  test("no other write is accepted, from anywhere", async ({ request }) => {
    const writes = ["/api/workflows", "/api/workflows/wf_01HY1/logs", "/api/health", "/"];
    for (const path of writes) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        // The classic no-preflight CSRF: a cross-site form posting text/plain "JSON".
        const forged = await request.fetch(path, {
          method,
          headers: { ...FOREIGN, "content-type": "text/plain" },
          data: '{"apiKey":"wbk_demo_org_full"}',
          maxRedirects: 0,
        });
        expect(forged.status(), `${method} ${path} cross-site`).toBe(403);
        if (path.startsWith("/api/")) {
          const own = await request.fetch(path, { method, maxRedirects: 0 });
          expect(own.status(), `${method} ${path} same-origin`).toBe(405);
        }
      }
    }
  });

  test("a cross-site read of our API is refused", async ({ request }) => {
    const response = await request.get("/api/workflows", {
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(response.status()).toBe(403);
    expect((await response.json()) as unknown).toMatchObject({
      error: { code: "cross_site_refused" },
    });
  });

  const offSite = [
    "//evil.example",
    "//evil.example/workflows",
    "https://evil.example/steal",
    "http:evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    " /workflows",
    "/connect",
  ];

  test("/connect?next= keeps only paths on this site", async ({ page }) => {
    for (const next of offSite) {
      await page.goto(`/connect?next=${encodeURIComponent(next)}`);
      await expect(page.locator("input[name=next]").first(), JSON.stringify(next)).toHaveValue("/");
    }
    const local = "/workflows/wf_01HY1?status=failed#run-x";
    await page.goto(`/connect?next=${encodeURIComponent(local)}`);
    await expect(page.locator("input[name=next]").first()).toHaveValue(local);
  });

  test("a connect post whose next normalises to another site lands on this one", async ({
    page,
  }) => {
    const returnTo = "/workflows/wf_01HY1";
    await page.goto(`/connect?next=${encodeURIComponent(returnTo)}`);
    await page.getByLabel("API key", { exact: true }).fill(demoKeys.org_full);
    const action = await interceptAction(page, () =>
      page.getByRole("button", { name: "Connect", exact: true }).click(),
    );
    // Forms whose dot segments or encoded dots fold into `//host` once normalised.
    const dotted = ["/.", "/..", "/%2e", "/%2E", "/.%2e", "/%2e%2e", "/a/..", "/./.", "/a/./.."];
    const hosts = ["//evil.example/path", "//evil.example", "/\\evil.example", "///evil.example"];
    for (const next of dotted.flatMap((lead) => hosts.map((host) => `${lead}${host}`))) {
      const own = await playwrightRequest.newContext({ baseURL: E2E_APP_URL });
      const answer = await replayAction(own, action, {
        body: withFieldValue(action, returnTo, next),
      });
      const target = (answer.headers()["x-action-redirect"] ?? "").split(";")[0] ?? "";
      expect(answer.status(), next).toBe(200);
      expect(target, next).toMatch(/^\/(?![/\\])/);
      expect(new URL(target, E2E_APP_URL).origin, next).toBe(E2E_APP_URL);
      await own.dispose();
    }
  });

  test("X-Forwarded-Host cannot vouch for another site's post", async ({ page }) => {
    await page.goto("/connect");
    await page.getByLabel("API key", { exact: true }).fill(demoKeys.org_full);
    const action = await interceptAction(page, () =>
      page.getByRole("button", { name: "Connect", exact: true }).click(),
    );
    const victim = await playwrightRequest.newContext({ baseURL: E2E_APP_URL });
    const forged = await replayAction(victim, action, {
      headers: { origin: "https://evil.example", "x-forwarded-host": "evil.example" },
    });
    expect(forged.status()).toBe(403);
    expect(forged.headers()["set-cookie"] ?? "").not.toContain(SESSION_COOKIE_NAME);
    expect((await victim.get("/api/workflows")).status()).toBe(401);
    await victim.dispose();

    // Not trusted, the header is simply not read: our own post still works with it.
    const own = await playwrightRequest.newContext({ baseURL: E2E_APP_URL });
    const genuine = await replayAction(own, action, {
      headers: { "x-forwarded-host": "evil.example" },
    });
    expect(genuine.status()).toBe(200);
    expect((await own.get("/api/workflows")).status()).toBe(200);
    await own.dispose();
  });

  for (const next of ["https://evil.example/steal", "/\\evil.example", "javascript:alert(1)"]) {
    test(`connecting with next=${JSON.stringify(next)} lands on this site`, async ({ page }) => {
      await connectWithKey(page, demoKeys.org_full, next);
      await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(E2E_APP_URL);
    });
  }
});
