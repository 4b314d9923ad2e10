import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { interceptAction, replayAction, withFieldValue } from "../support/server-action";

/**
 * The connect form's refusals, beyond `e2e/session.spec.ts`: each gets a clear message, and the key
 * typed is never sent back, neither in the page nor in the Server Action's answer.
 */

/** Submits the key; returns the Server Action's answer as the browser received it. */
async function submitKey(page: Page, key: string): Promise<string> {
  await page.goto("/connect");
  await page.getByLabel("API key", { exact: true }).fill(key);
  let deliver: (body: string) => void = () => undefined;
  const answer = new Promise<string>((resolve) => (deliver = resolve));
  // Read through the route: the browser does not keep an action's streamed body for the test.
  await page.route("**/connect", async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    const response = await route.fetch();
    const body = await response.text();
    deliver(body);
    await route.fulfill({ response, body });
  });
  await page.getByRole("button", { name: "Connect", exact: true }).click();
  const body = await answer;
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return body;
}

const cases: { name: string; key: string; message: RegExp; secret: string | null }[] = [
  { name: "empty", key: "", message: /^Paste your LeadLex API key\.$/, secret: null },
  {
    name: "whitespace and newlines",
    key: " \n\t ",
    message: /^Paste your LeadLex API key\.$/,
    secret: null,
  },
  {
    name: "a Bearer prefix pasted along",
    key: "Bearer wbk_live_secretsecret0001",
    message: /start with “wbk_”/,
    secret: "secretsecret0001",
  },
  {
    name: "another vendor's key",
    key: "sk_live_secretsecret0002",
    message: /start with “wbk_”/,
    secret: "secretsecret0002",
  },
  {
    name: "non-ASCII characters",
    key: "wbk_live_sécrétsecret0003",
    message: /characters LeadLex keys never have/,
    secret: "secret0003",
  },
  {
    name: "a right-to-left override",
    key: "wbk_live_\u202esecretsecret0004",
    message: /characters LeadLex keys never have/,
    secret: "secretsecret0004",
  },
  {
    name: "a well-formed but unknown key",
    key: "wbk_live_secretsecret00000000000005",
    message: /does not recognise this key/,
    secret: "secretsecret00000000000005",
  },
  {
    name: "markup",
    key: "wbk_<img src=x onerror=alert(1)>secret0006",
    message: /characters LeadLex keys never have/,
    secret: "secret0006",
  },
];

test.describe("the key form", () => {
  for (const { name, key, message, secret } of cases) {
    test(`refuses ${name} clearly and never echoes the key`, async ({ page }) => {
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const actionAnswer = await submitKey(page, key);
      await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(message);
      await expect(page).toHaveURL(/\/connect$/);
      if (secret) {
        expect(actionAnswer).not.toContain(secret);
        const html = await page.evaluate(() => {
          const clone = document.documentElement.cloneNode(true) as HTMLElement;
          clone.querySelectorAll("input").forEach((input) => input.removeAttribute("value"));
          return clone.outerHTML;
        });
        expect(html).not.toContain(secret);
      }
      expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain(
        "__Host-runboard_session",
      );
      expect(dialogs).toEqual([]);
    });
  }

  test("a 10,000-character key (past the input's own limit) is called too long, not echoed", async ({
    page,
  }) => {
    await page.goto("/connect");
    const placeholder = "wbk_live_placeholderplaceholder";
    await page.getByLabel("API key", { exact: true }).fill(placeholder);
    const action = await interceptAction(page, () =>
      page.getByRole("button", { name: "Connect", exact: true }).click(),
    );
    const huge = `wbk_${"s".repeat(10_000)}`;
    const response = await replayAction(page.request, action, {
      body: withFieldValue(action, placeholder, huge),
    });
    const text = await response.text();
    expect(response.status()).toBe(200);
    expect(text).toContain("That is too long for a LeadLex key (at most 200 characters).");
    expect(text).not.toContain("s".repeat(100));
    expect(response.headers()["set-cookie"] ?? "").not.toContain("runboard_session");
  });
});
