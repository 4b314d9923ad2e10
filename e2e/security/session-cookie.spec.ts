import { randomBytes } from "node:crypto";
import { sealData } from "iron-session";
import type { BrowserContext, Cookie } from "@playwright/test";
import { connectWithKey, demoKeys, expect, test } from "../support/fixtures";
import { cookieSafe, malformedSeals } from "../support/malformed-seals";
import { E2E_SESSION_SECRET } from "../support/own-servers";
import { E2E_APP_URL } from "../support/ports";
import { mapPool, rawRequest, SESSION_COOKIE_NAME } from "../support/raw-http";

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

async function genuineSession(context: BrowserContext): Promise<Cookie> {
  const session = (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE_NAME);
  if (!session) throw new Error("no session cookie");
  return session;
}

/** How the app answers one `Cookie` header: its API, `/connect` and a page that needs a key. */
async function answersWith(cookie: string) {
  const get = (path: string) => rawRequest({ baseUrl: E2E_APP_URL, path, headers: { cookie } });
  const [api, connect, home] = await Promise.all([
    get("/api/workflows"),
    get("/connect"),
    get("/"),
  ]);
  return {
    api: `${api.status} ${(JSON.parse(api.body) as { error?: { code: string } }).error?.code ?? "ok"}`,
    connect: connect.status,
    connectForm: connect.body.includes("Connect your LeadLex workspace"),
    home: home.status,
  };
}

const SIGNED_OUT = { api: "401 not_connected", connect: 200, connectForm: true };

test.describe("a malformed session cookie", () => {
  test("reads as signed out on every page, for every generated malformation", async ({
    page,
    context,
  }) => {
    test.setTimeout(180_000);
    await connectWithKey(page, KEY);
    await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
    const genuine = (await genuineSession(context)).value;
    expect(await answersWith(`${SESSION_COOKIE_NAME}=${genuine}`)).toMatchObject({
      api: "200 ok",
      connect: 200,
    });

    const cases = cookieSafe(malformedSeals(genuine));
    expect(cases.length).toBeGreaterThan(150);
    const outcomes = await mapPool(cases, 4, async ({ label, value }) => ({
      label,
      ...(await answersWith(`${SESSION_COOKIE_NAME}=${value}`)),
    }));
    const wrong = outcomes.filter(
      (outcome) =>
        outcome.api !== SIGNED_OUT.api ||
        outcome.connect !== SIGNED_OUT.connect ||
        !outcome.connectForm ||
        outcome.home >= 500,
    );
    expect(wrong).toEqual([]);
  });

  for (const [label, mangle] of [
    ["quoted", (seal: string) => `"${seal}"`],
    ["with a non-numeric expiry", (seal: string) => seal.replace(/\*\d{13}\*/, "*soon*")],
    ["with too few fields", (seal: string) => `${seal.split("*").slice(0, 3).join("*")}~2`],
    ["with the wrong prefix", (seal: string) => seal.replace(/^Fe26\.2/, "Fe26.1")],
  ] as const) {
    test(`${label} never locks the user out: connecting again works`, async ({ page, context }) => {
      await connectWithKey(page, KEY);
      await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
      const session = await genuineSession(context);
      await context.clearCookies();
      await context.addCookies([{ ...session, value: mangle(session.value) }]);

      await page.goto("/workflows/wf_01HY1");
      await expect(page).toHaveURL(/\/connect\?next=%2Fworkflows%2Fwf_01HY1$/);
      await page.getByLabel("API key", { exact: true }).fill(KEY);
      await page.getByRole("button", { name: "Connect", exact: true }).click();
      await expect(page).toHaveURL(/\/workflows\/wf_01HY1$/);
      expect((await page.request.get("/api/workflows")).status()).toBe(200);
      expect((await genuineSession(context)).value).not.toBe(mangle(session.value));
    });
  }

  test("with junk after the seal is refused", async ({ page, context }) => {
    await connectWithKey(page, KEY);
    await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
    const genuine = (await genuineSession(context)).value;
    for (const junk of ["junk", "~2", "~x", "*", "=", "%00", genuine]) {
      expect(await answersWith(`${SESSION_COOKIE_NAME}=${genuine}${junk}`), junk).toMatchObject(
        SIGNED_OUT,
      );
    }
  });

  test("two session cookies in one request read as signed out", async ({ page, context }) => {
    await connectWithKey(page, KEY);
    await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
    const genuine = (await genuineSession(context)).value;
    const planted = await sealData(
      { apiKey: demoKeys.other_workspace, keyHint: "pace" },
      { password: "not-the-server-secret-0123456789abcdef", ttl: 3600 },
    );
    const pair = (first: string, second: string) =>
      `${SESSION_COOKIE_NAME}=${first}; theme=dark; ${SESSION_COOKIE_NAME}=${second}`;
    for (const cookie of [
      pair(genuine, genuine),
      pair(planted, genuine),
      pair(genuine, planted),
      pair("x", genuine),
      pair(genuine, ""),
    ]) {
      expect(await answersWith(cookie)).toMatchObject(SIGNED_OUT);
    }
    // The control: the same cookie once is a session.
    expect((await answersWith(`theme=dark; ${SESSION_COOKIE_NAME}=${genuine}`)).api).toBe("200 ok");
  });
});

const HOUR_MS = 60 * 60_000;

/** A seal as the server writes it, with the session's stamp chosen by the test. */
function sealWithStamp(stamp: { sessionId?: string; issuedAtMs?: number }): Promise<string> {
  return sealData(
    { apiKey: KEY, keyHint: KEY.slice(-4), ...stamp },
    { password: E2E_SESSION_SECRET, ttl: 12 * 60 * 60 },
  );
}

test.describe("a session after it ends", () => {
  test("a cookie copied before signing out is refused afterwards, on pages and the API", async ({
    page,
    context,
    browser,
  }) => {
    await connectWithKey(page, KEY);
    await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
    const copied = await genuineSession(context);
    const cookie = `${SESSION_COOKIE_NAME}=${copied.value}`;
    expect((await answersWith(cookie)).api).toBe("200 ok");

    // Another browser connected with the same key is another session.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await connectWithKey(otherPage, KEY);
    await expect(otherPage.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/connect$/);

    expect(await answersWith(cookie)).toMatchObject(SIGNED_OUT);
    const logs = await rawRequest({
      baseUrl: E2E_APP_URL,
      path: "/api/workflows/wf_01HY1/logs?per_page=25",
      headers: { cookie },
    });
    expect(logs.status).toBe(401);
    // The replayed cookie, put back in a browser: the page offers to connect, and connecting works.
    await context.addCookies([copied]);
    await page.goto("/workflows/wf_01HY1");
    await expect(page).toHaveURL(/\/connect\?next=%2Fworkflows%2Fwf_01HY1$/);
    await expect(page.getByLabel("API key", { exact: true })).toBeVisible();

    expect((await otherPage.request.get("/api/workflows")).status()).toBe(200);
    await other.close();
  });

  test("a seal past its lifetime, idle too long, or without a session id reads as signed out", async () => {
    const sessionId = () => randomBytes(16).toString("base64url");
    const now = Date.now();
    const cases = {
      "issued 13 h ago (lifetime 12 h)": await sealWithStamp({
        sessionId: sessionId(),
        issuedAtMs: now - 13 * HOUR_MS,
      }),
      "issued 3 h ago, never used since (idle timeout 2 h)": await sealWithStamp({
        sessionId: sessionId(),
        issuedAtMs: now - 3 * HOUR_MS,
      }),
      "issued in the future": await sealWithStamp({
        sessionId: sessionId(),
        issuedAtMs: now + 2 * HOUR_MS,
      }),
      "no session id (a seal from before sessions had one)": await sealWithStamp({
        issuedAtMs: now,
      }),
      "no issue time": await sealWithStamp({ sessionId: sessionId() }),
    };
    for (const [label, value] of Object.entries(cases)) {
      expect(await answersWith(`${SESSION_COOKIE_NAME}=${value}`), label).toMatchObject(SIGNED_OUT);
    }
    // The control: the same seal, issued now, is a session.
    const fresh = await sealWithStamp({ sessionId: sessionId(), issuedAtMs: now });
    expect((await answersWith(`${SESSION_COOKIE_NAME}=${fresh}`)).api).toBe("200 ok");
  });
});
