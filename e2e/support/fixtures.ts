import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";

/** The emulator's demo keys by the label the connect page uses for its one-click buttons. */
export const demoKeys = {
  org_full: "wbk_demo_org_full",
  starter: "wbk_demo_starter",
  no_scope: "wbk_demo_no_scope",
  expired: "wbk_demo_expired",
  other_workspace: "wbk_demo_other_workspace",
} as const;

export type DemoKeyLabel = keyof typeof demoKeys;

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
