import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";
import { DEMO_KEYS, type DemoKeyLabel } from "../../emulator/demo-keys";

/** The emulator's demo keys by the label the connect page uses for its one-click buttons. */
export const demoKeys = DEMO_KEYS;

export type { DemoKeyLabel };

/** Pastes a key into the connect form and submits it, as a user would. */
export async function connectWithKey(page: Page, key: string, next?: string): Promise<void> {
  await page.goto(next ? `/connect?next=${encodeURIComponent(next)}` : "/connect");
  await page.getByLabel("API key", { exact: true }).fill(key);
  await page.getByRole("button", { name: "Connect", exact: true }).click();
}

/** Fails the test with the list of violations if axe finds any on the page as it is now. */
export async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
  );
  expect(summary).toEqual([]);
}

export const test = base.extend<{ connectedPage: Page }>({
  /** A page already connected with the Org-plan demo key. */
  connectedPage: async ({ page }, use) => {
    await connectWithKey(page, demoKeys.org_full);
    await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
    await use(page);
  },
});

export { expect };
