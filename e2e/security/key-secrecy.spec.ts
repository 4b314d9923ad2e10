import type { BrowserContext, Response } from "@playwright/test";
import { demoKeys, expect, test } from "../support/fixtures";
import { E2E_DOWN_APP_URL } from "../support/ports";
import { APP_SERVER_LOG, DOWN_APP_SERVER_LOG, readServerLog } from "../support/server-logs";

/** Each URL as a document and as the RSC payload a client navigation fetches. */
const RSC_VARIANTS: Record<string, string>[] = [{}, { RSC: "1" }];
/**
 * Connects with a demo key, then walks every page and state a user can reach, and proves the key
 * string is in none of: the HTML, the RSC payloads (direct `RSC: 1` fetches and the client
 * navigations'), the JavaScript and other static files, any response header but Set-Cookie, any
 * URL the browser asked for, the browser console, or the app servers' own log output.
 */
const KEY = demoKeys.org_full;

/** The key as written, and the ways it could be encoded on its way out. */
const KEY_FORMS = [
  KEY,
  KEY.slice("wbk_".length),
  Buffer.from(KEY).toString("base64").replace(/=+$/, ""),
  Buffer.from(KEY).toString("base64url"),
  Buffer.from(KEY).toString("hex"),
  `Bearer ${KEY}`,
];

function formsIn(text: string): string[] {
  return KEY_FORMS.filter((form) => text.includes(form));
}

class LeakWatch {
  readonly leaks: string[] = [];
  readonly staticFiles = new Set<string>();
  readonly rscResponses = new Set<string>();
  readonly urls = new Set<string>();
  readonly console: string[] = [];
  private readonly pending: Promise<void>[] = [];

  constructor(context: BrowserContext) {
    context.on("request", (request) => {
      this.urls.add(request.url());
      this.check(`URL ${request.url()}`, request.url());
    });
    context.on("response", (response) => this.pending.push(this.inspect(response)));
    context.on("console", (message) => {
      this.console.push(message.text());
      this.check(`console ${message.type()}`, message.text());
    });
    context.on("weberror", (error) => this.check("page error", String(error.error())));
  }

  check(where: string, text: string): void {
    const found = formsIn(text);
    if (found.length > 0) this.leaks.push(`${where}: ${found.join(", ")}`);
  }

  private async inspect(response: Response): Promise<void> {
    const url = response.url();
    const headers = await response.allHeaders().catch(() => ({}) as Record<string, string>);
    for (const [name, value] of Object.entries(headers)) {
      if (name !== "set-cookie") this.check(`header ${name} of ${url}`, value);
    }
    const { pathname } = new URL(url);
    if (pathname.startsWith("/_next/static/")) this.staticFiles.add(pathname);
    if ((headers["content-type"] ?? "").includes("text/x-component")) this.rscResponses.add(url);
    if (response.status() >= 300 && response.status() < 400) return;
    const body = await response.body().catch(() => null);
    if (body) this.check(`body of ${url}`, body.toString("utf8"));
  }

  async settled(): Promise<void> {
    // Responses that arrive while earlier ones are inspected add to the list.
    for (let done = 0; done < this.pending.length; done = this.pending.length) {
      await Promise.all(this.pending.slice(done));
    }
  }
}

test("the key never leaves the sealed cookie", async ({ page, context }) => {
  test.setTimeout(150_000);
  const watch = new LeakWatch(context);

  // Connect by typing the key, as a user does.
  await page.goto("/connect");
  await page.getByLabel("API key", { exact: true }).fill(KEY);
  await page.getByRole("button", { name: "Connect", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();

  // The list, a filter, then a client navigation into a workflow.
  await page.goto("/?enabled=false");
  await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
  await page.goto("/");
  await page.getByRole("link", { name: "Notify owner on lost deals" }).first().click();
  await expect(page).toHaveURL(/\/workflows\/wf_01HY1$/);
  await expect(page.getByRole("table").getByRole("row").nth(1)).toBeVisible();

  // Runs: filter, page, expand a run, a deep link to an open run.
  await page.getByRole("button", { name: "Failed" }).click();
  await expect(page).toHaveURL(/status=failed/);
  await page
    .getByRole("group", { name: "Filter by status" })
    .getByRole("button", { name: /^All/ })
    .click();
  await page.getByRole("button", { name: "Next page" }).first().click();
  await expect(page).toHaveURL(/page=2/);
  const firstRunToggle = page.getByRole("button", { name: /^Show details of run / }).first();
  await firstRunToggle.click();
  await expect(page.getByRole("region", { name: /^Details of run / })).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname}?open=wfl_01HY1`);

  // Every error state: each fault, a retry, LeadLex down, a workflow of another workspace, a 404.
  for (const id of [
    "wf_fault_500",
    "wf_fault_flaky",
    "wf_fault_badjson",
    "wf_fault_schema",
    "wf_fault_html",
    "wf_fault_reset",
    "wf_fault_redirect",
    "wf_fault_429",
    "wf_fault_hostile",
    "wf_fault_hang",
    "wf_02HZ1",
  ]) {
    await page.goto(`/workflows/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.goto("/workflows/wf_fault_500");
  const retried = page.waitForResponse((r) => r.url().includes("/api/workflows/wf_fault_500/logs"));
  await page.getByRole("button", { name: "Try again" }).click();
  await retried;
  await page.goto(`${E2E_DOWN_APP_URL}/workflows/wf_01HY1`);
  await expect(page.getByRole("heading", { name: "LeadLex is unavailable" })).toBeVisible();
  await page.goto(`${E2E_DOWN_APP_URL}/`);
  await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
  await page.goto("/workflows/not-a-valid-id!");
  await expect(page.getByRole("heading", { name: "Workflow not found" })).toBeVisible();
  await page.goto("/no-such-page");
  await page.goto("/connect");

  // The same pages as RSC payloads, and our API's answers, fetched directly.
  for (const path of [
    "/",
    "/?enabled=false",
    "/workflows/wf_01HY1",
    "/workflows/wf_01HY1?open=wfl_01HY1",
    "/workflows/wf_fault_500",
    "/workflows/wf_fault_hostile",
    "/connect",
    "/no-such-page",
    "/api/workflows",
    "/api/workflows/wf_01HY1/logs",
    "/api/workflows/wf_fault_500/logs",
    "/api/workflows/wf_fault_html/logs",
  ]) {
    for (const headers of RSC_VARIANTS) {
      const response = await page.request.get(path, { headers });
      watch.check(`${path} ${JSON.stringify(headers)}`, await response.text());
      for (const [name, value] of Object.entries(response.headers())) {
        if (name !== "set-cookie") watch.check(`header ${name} of ${path}`, value);
      }
    }
  }

  await watch.settled();
  expect(watch.staticFiles.size, "JavaScript and CSS files checked").toBeGreaterThan(5);
  expect(watch.rscResponses.size, "client-navigation RSC payloads checked").toBeGreaterThan(0);
  expect(watch.leaks).toEqual([]);

  // The servers' own output, which saw every one of those requests.
  const appLog = await readServerLog(APP_SERVER_LOG);
  expect(appLog).toContain('"event":"request_failed"');
  expect(formsIn(appLog)).toEqual([]);
  expect(formsIn(await readServerLog(DOWN_APP_SERVER_LOG))).toEqual([]);

  test.info().annotations.push({
    type: "checked",
    description: `${watch.urls.size} URLs, ${watch.staticFiles.size} static files, ${watch.rscResponses.size} RSC navigations, ${watch.console.length} console messages, ${appLog.length} bytes of server log`,
  });
});
