import { chromium, type Browser, type Page } from "@playwright/test";
import { existsSync } from "node:fs";

/** Debian's Chromium; a browser download is not possible on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export const SESSION_COOKIE = "__Host-runboard_session";
export const DEMO_KEY = "wbk_demo_org_full";

export function launchChromium(): Promise<Browser> {
  // Playwright's own message would suggest a browser download, which cannot work here.
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install it (\`apt-get install -y chromium\`) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

/** Connects with the Org-plan demo key through the real form, as a user would. */
export async function connect(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/connect`);
  await page.getByLabel("API key", { exact: true }).fill(DEMO_KEY);
  await page.getByRole("button", { name: "Connect", exact: true }).click();
  await page.getByRole("heading", { name: "Workflows", level: 1 }).waitFor();
}

/** A `Cookie` header value carrying a session, for Node clients and Lighthouse. */
export async function sessionCookieHeader(origin: string): Promise<string> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    await connect(await context.newPage(), origin);
    const cookie = (await context.cookies(origin)).find((c) => c.name === SESSION_COOKIE);
    if (!cookie) throw new Error(`Connecting set no ${SESSION_COOKIE} cookie.`);
    return `${cookie.name}=${cookie.value}`;
  } finally {
    await browser.close();
  }
}
