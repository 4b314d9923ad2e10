import {
  connectWithKey,
  demoKeys,
  expect,
  expectNoAccessibilityViolations,
  test,
} from "./support/fixtures";

test.describe("connecting a key", () => {
  test("connect, see runs, sign out", async ({ page }) => {
    await connectWithKey(page, demoKeys.org_full);
    await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();

    await page.goto("/workflows/wf_01HY1");
    await expect(
      page.getByRole("heading", { name: "Notify owner on lost deals", level: 1 }),
    ).toBeVisible();
    await expect(page.getByRole("table").getByRole("row")).toHaveCount(26);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/connect$/);
    await page.goto("/workflows/wf_01HY1");
    await expect(page).toHaveURL(/\/connect\?next=%2Fworkflows%2Fwf_01HY1$/);
  });

  test("the app's icons are linked from every page and served to anyone", async ({
    page,
    request,
  }) => {
    await page.goto("/connect");
    const links = await page
      .locator('head link[rel="icon"], head link[rel="apple-touch-icon"]')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute("href")));
    expect(links).toEqual(
      expect.arrayContaining(["/favicon.ico", "/icon.svg", "/apple-touch-icon.png"]),
    );
    for (const [path, type] of [
      ["/favicon.ico", "image/x-icon"],
      ["/icon.svg", "image/svg+xml"],
      ["/apple-touch-icon.png", "image/png"],
    ] as const) {
      // No session: an icon is not a page, and must not be sent to /connect.
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      expect(response.headers()["content-type"], path).toContain(type);
    }
  });

  test("a deep link survives the detour through /connect", async ({ page }) => {
    const deepLink = "/workflows/wf_01HY1?status=failed&per_page=50&page=2";
    await page.goto(deepLink);
    await expect(page).toHaveURL(/\/connect\?next=/);
    await expectNoAccessibilityViolations(page);

    await page.getByLabel("API key", { exact: true }).fill(demoKeys.org_full);
    await page.getByRole("button", { name: "Connect", exact: true }).click();
    await expect(page).toHaveURL(deepLink);
    await expect(page.getByRole("button", { name: "Failed" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
  });

  test("the next parameter never leads off the site", async ({ page }) => {
    await connectWithKey(page, demoKeys.org_full, "//evil.example/steal");
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/);
  });

  test("a demo key can be chosen with one click", async ({ page }) => {
    await page.goto("/connect");
    await page.getByRole("button", { name: /Org plan, full access/ }).click();
    await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
  });

  const rejected: { name: string; key: string; message: RegExp }[] = [
    { name: "expired key", key: demoKeys.expired, message: /expired/i },
    { name: "key without the scope", key: demoKeys.no_scope, message: /read:workflows/ },
    {
      name: "unknown key",
      key: "wbk_live_0000000000000000000000000000dead",
      message: /does not recognise/,
    },
    { name: "wrong prefix", key: "sk_live_abcdefghijklmnop", message: /start with “wbk_”/ },
    { name: "whitespace only", key: "    ", message: /Paste your LeadLex API key/ },
    {
      name: "non-ASCII characters",
      key: "wbk_démo_clé_ünïcode",
      message: /characters LeadLex keys never have/,
    },
    { name: "far too long", key: `wbk_${"a".repeat(300)}`, message: /too long/ },
  ];

  for (const { name, key, message } of rejected) {
    test(`rejects an ${name} with a clear message and keeps it out of the page`, async ({
      page,
    }) => {
      await connectWithKey(page, key);
      await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(message);
      await expect(page).toHaveURL(/\/connect/);
      // The server never sends the key back: only the browser's own input still holds it.
      const html = await page.evaluate(() => {
        const clone = document.documentElement.cloneNode(true) as HTMLElement;
        clone.querySelectorAll("input").forEach((input) => input.removeAttribute("value"));
        return clone.outerHTML;
      });
      if (key.trim()) expect(html).not.toContain(key.trim());
      await expect(page.getByLabel("API key", { exact: true })).toHaveValue(key.slice(0, 400));
    });
  }
});
