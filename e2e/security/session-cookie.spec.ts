import { sealData } from "iron-session";
import { connectWithKey, demoKeys, expect, test } from "../support/fixtures";
import { E2E_APP_URL } from "../support/ports";
import { SESSION_COOKIE_NAME } from "../support/raw-http";

/**
 * The cookie that holds the key: sealed, HttpOnly, SameSite=Lax, Secure and `__Host-` (the e2e
 * server is a production build), refused when tampered with, gone after signing out.
 */
const KEY = demoKeys.org_full;

function encodings(text: string): string[] {
  const bytes = Buffer.from(text, "utf8");
  return [
    text,
    bytes.toString("base64"),
    bytes.toString("base64url"),
    bytes.toString("hex"),
    encodeURIComponent(text),
    // Every 3-byte-aligned base64 slice of the key, so a key inside a larger base64 blob shows up.
    ...[0, 1, 2].map((offset) => Buffer.from(text.slice(offset)).toString("base64").slice(0, 16)),
  ];
}

test.describe("the session cookie", () => {
  test("is sealed, HttpOnly, SameSite=Lax, Secure, __Host- and host-only", async ({ page }) => {
    const answer = page.waitForResponse(
      (response) =>
        response.request().method() === "POST" && new URL(response.url()).pathname === "/connect",
    );
    await connectWithKey(page, KEY);
    const setCookie = (await (await answer).headerValue("set-cookie")) ?? "";
    await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();

    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE_NAME}=`));
    const attributes = setCookie.split(";").map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(
      expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/"]),
    );
    expect(attributes.some((attribute) => attribute.startsWith("domain="))).toBe(false);

    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === SESSION_COOKIE_NAME);
    expect(session).toMatchObject({
      domain: "localhost",
      path: "/",
      httpOnly: true,
      secure: true,
      sameSite: "Lax",
    });
    for (const form of encodings(KEY)) expect(session?.value).not.toContain(form);
    for (const other of cookies.filter((cookie) => cookie.name !== SESSION_COOKIE_NAME)) {
      for (const form of encodings(KEY)) expect(other.value).not.toContain(form);
    }

    // Scripts on the page cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE_NAME);
  });

  test("a tampered or foreign cookie reads as signed out", async ({ page, context }) => {
    await connectWithKey(page, KEY);
    await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
    const session = (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE_NAME);
    if (!session) throw new Error("no session cookie");

    const middle = Math.floor(session.value.length / 2);
    const flipped = session.value[middle] === "A" ? "B" : "A";
    const forgeries = {
      "one character changed": `${session.value.slice(0, middle)}${flipped}${session.value.slice(middle + 1)}`,
      truncated: session.value.slice(0, -10),
      "sealed with another secret": await sealData(
        { apiKey: KEY, keyHint: "full" },
        { password: "not-the-server-secret-0123456789abcdef", ttl: 3600 },
      ),
      "the key in plain text": KEY,
      "JSON with the key": JSON.stringify({ apiKey: KEY }),
    };

    for (const [label, value] of Object.entries(forgeries)) {
      await context.clearCookies();
      await context.addCookies([{ ...session, value }]);
      const api = await page.request.get("/api/workflows");
      expect(api.status(), label).toBe(401);
      expect(((await api.json()) as { error: { code: string } }).error.code, label).toBe(
        "not_connected",
      );
      await page.goto("/");
      await expect(page, label).toHaveURL(/\/connect$/);
    }
  });

  test("signing out removes it", async ({ page, context }) => {
    await connectWithKey(page, KEY);
    await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
    const answer = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/connect$/);
    const cleared = (await (await answer).headerValue("set-cookie")) ?? "";
    expect(cleared).toMatch(new RegExp(`^${SESSION_COOKIE_NAME}=;`));
    expect(cleared.toLowerCase()).toMatch(/max-age=0|expires=thu, 01 jan 1970/);
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain(
      SESSION_COOKIE_NAME,
    );
    expect((await page.request.get(`${E2E_APP_URL}/api/workflows`)).status()).toBe(401);
  });
});
