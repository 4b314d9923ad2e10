import type { BrowserContext, Page } from "@playwright/test";
import { emulatorRequestsSince, lastRequestSeq } from "../support/emulator-admin";
import { emulatorGet } from "../support/dashboard";
import { demoKeys, expect, test } from "../support/fixtures";
import { E2E_APP_URL } from "../support/ports";
import { rawRequest } from "../support/raw-http";

/**
 * Several workspaces in one session: adding a key with a name, the header's switcher, and
 * removing one. The emulator's two workspaces stand for two customers: the Org key's (“Acme”
 * here) and the other workspace's key (“Globex”).
 */

const SESSION_COOKIE_NAME = "__Host-runboard_session";
const ACME_KEY = demoKeys.org_full;
const GLOBEX_KEY = demoKeys.other_workspace;

interface WorkflowList {
  data: { workflows: { id: string; name: string }[] };
}

/** Each workspace's workflow names as LeadLex lists them, less any name both happen to use. */
async function workspaceNames(): Promise<{ acme: string[]; globex: string[] }> {
  const [acme, globex] = await Promise.all(
    [ACME_KEY, GLOBEX_KEY].map(async (key) =>
      (await emulatorGet<WorkflowList>("/v1/workflows?per_page=25", key)).data.workflows.map(
        (workflow) => workflow.name,
      ),
    ),
  );
  const shared = new Set(acme?.filter((name) => globex?.includes(name)));
  return {
    acme: (acme ?? []).filter((name) => !shared.has(name)),
    globex: (globex ?? []).filter((name) => !shared.has(name)),
  };
}

async function connectNamed(page: Page, label: string, key: string): Promise<void> {
  await page.goto("/connect");
  await page.getByLabel("Workspace name").fill(label);
  await page.getByLabel("API key", { exact: true }).fill(key);
  await page.getByRole("button", { name: /^(Connect|Add workspace)$/ }).click();
}

async function acmeAndGlobex(page: Page): Promise<void> {
  await connectNamed(page, "Acme", ACME_KEY);
  await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
  await connectNamed(page, "Globex", GLOBEX_KEY);
  await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
  await expect(workspaceMenu(page)).toContainText("Globex");
}

function workspaceMenu(page: Page) {
  return page.locator("summary", { hasText: "Workspace:" });
}

async function switchTo(page: Page, label: string): Promise<void> {
  await workspaceMenu(page).click();
  await page.getByRole("button", { name: `Switch to ${label}` }).click();
  await expect(workspaceMenu(page)).toContainText(label);
}

/** The list shows every one of `own` and nothing of `foreign`, anywhere on the page. */
async function expectListOf(page: Page, own: string[], foreign: string[]): Promise<void> {
  await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
  const table = page.getByRole("table");
  for (const name of own) await expect(table.getByText(name, { exact: true })).toBeVisible();
  const text = await page.locator("body").innerText();
  expect(foreign.filter((name) => text.includes(name))).toEqual([]);
}

async function sessionCookie(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find(({ name }) => name === SESSION_COOKIE_NAME);
  if (!cookie) throw new Error("no session cookie");
  return `${SESSION_COOKIE_NAME}=${cookie.value}`;
}

test.describe("several workspaces in one session", () => {
  test("after a switch the list is the other workspace's, with nothing of the first, and no URL names a key or a workspace", async ({
    page,
  }) => {
    const names = await workspaceNames();
    expect(names.acme.length).toBeGreaterThan(2);
    expect(names.globex.length).toBeGreaterThan(2);
    const urls: string[] = [];
    page.on("request", (request) => urls.push(request.url()));

    await acmeAndGlobex(page);
    await expectListOf(page, names.globex, names.acme);

    await switchTo(page, "Acme");
    await expectListOf(page, names.acme, names.globex);
    // What the browser fetches by itself (a refetch through our API) is the active key's too.
    const api = (await (await page.request.get("/api/workflows?per_page=100")).json()) as {
      workflows: { name: string }[];
    };
    expect(api.workflows.map((workflow) => workflow.name)).toEqual(
      expect.arrayContaining(names.acme),
    );
    expect(api.workflows.filter((workflow) => names.globex.includes(workflow.name))).toEqual([]);

    await switchTo(page, "Globex");
    await expectListOf(page, names.globex, names.acme);
    // A workflow of the first workspace is not found under the second key.
    expect((await page.request.get("/api/workflows/wf_01HY1/logs")).status()).toBe(404);

    // The switch forms name a workspace by a handle of its own; neither it nor any key is in a
    // link or in any URL the browser asked for.
    await page.goto("/");
    await workspaceMenu(page).click();
    const handles = await page
      .locator('input[name="workspace"]')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(handles).toHaveLength(1);
    const hrefs = await page
      .locator("a[href]")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    const secrets = [ACME_KEY, GLOBEX_KEY, "wbk_", ...handles];
    for (const url of [...urls, ...hrefs, page.url()]) {
      for (const secret of secrets) expect(url, url).not.toContain(secret);
    }
    // Nor is either key in what the pages that name several workspaces send: the header, the
    // add page, and a link opened under the wrong workspace, as HTML and as RSC payload.
    for (const path of ["/", "/connect", "/workflows/wf_01HY1"]) {
      for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
        const body = await (await page.request.get(path, { headers })).text();
        for (const key of [ACME_KEY, GLOBEX_KEY]) expect(body, path).not.toContain(key);
      }
    }
  });

  test("adding and switching work without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const names = await workspaceNames();
    // Without JavaScript the streamed list never replaces its skeleton; the header and the
    // session are what the forms changed.
    const listed = async () =>
      (
        (await (await context.request.get("/api/workflows?per_page=100")).json()) as {
          workflows: { name: string }[];
        }
      ).workflows.map((workflow) => workflow.name);
    await connectNamed(page, "Acme", ACME_KEY);
    await expect(workspaceMenu(page)).toContainText("Acme");
    await connectNamed(page, "Globex", GLOBEX_KEY);
    await expect(workspaceMenu(page)).toContainText("Globex");
    expect(await listed()).toEqual(expect.arrayContaining(names.globex));
    await switchTo(page, "Acme");
    const afterSwitch = await listed();
    expect(afterSwitch).toEqual(expect.arrayContaining(names.acme));
    expect(afterSwitch.filter((name) => names.globex.includes(name))).toEqual([]);
    await context.close();
  });

  test("a link opened under the wrong workspace says where the workflow is, and switches there", async ({
    page,
  }) => {
    await acmeAndGlobex(page);
    await page.goto("/workflows/wf_01HY1?status=failed");
    await expect(
      page.getByText("This workflow is not in Globex. It is in Acme: switch?"),
    ).toBeVisible();
    await page.getByRole("button", { name: "Switch to Acme" }).click();
    await expect(
      page.getByRole("heading", { name: "Notify owner on lost deals", level: 1 }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/workflows\/wf_01HY1\?status=failed$/);
    await expect(workspaceMenu(page)).toContainText("Acme");

    // In neither workspace: not found, as with one workspace.
    const nowhere = await page.goto("/workflows/wf_nowhere_000");
    expect(nowhere?.status()).toBe(404);
    await expect(page.getByText("This workflow is not in")).toHaveCount(0);
  });

  test("adding a key twice, or a name twice, says so and loses nothing", async ({ page }) => {
    await acmeAndGlobex(page);
    await workspaceMenu(page).click();
    await page.getByRole("link", { name: "Add a workspace" }).click();
    await expect(page.getByRole("heading", { name: "Add a LeadLex workspace" })).toBeVisible();
    await expect(page.getByText("This session holds 2 of at most 10 workspaces")).toBeVisible();

    await page.getByLabel("Workspace name").fill("Initech");
    await page.getByLabel("API key", { exact: true }).fill(ACME_KEY);
    await page.getByRole("button", { name: "Add workspace" }).click();
    await expect(page.getByText("That key is already connected, as “Acme”.")).toBeVisible();

    await page.getByLabel("Workspace name").fill(" acme ");
    await page.getByLabel("API key", { exact: true }).fill(demoKeys.starter);
    await page.getByRole("button", { name: "Add workspace" }).click();
    await expect(
      page.getByText("A workspace named “Acme” is already connected. Choose another name."),
    ).toBeVisible();
    // Nothing was lost: the session still holds both, Globex active.
    await page.goto("/");
    await expect(workspaceMenu(page)).toContainText("Globex");
  });

  test("removing the active workspace keeps the other, refuses a copy of the cookie that still holds its key, and purges what it fetched", async ({
    page,
    context,
  }) => {
    const names = await workspaceNames();
    await acmeAndGlobex(page);
    await page.goto("/workflows/wf_02HZ1");
    await expect(page.getByRole("table")).toBeVisible();
    const copied = await sessionCookie(context);

    // Counted from before the removal: the other tests of this key (this file's, run in parallel)
    // land on its workflow list, whose health asks for every workflow's details. One of them
    // doing so after the purge stores a new answer, and the page below may be served that one;
    // an answer from before the removal would need no call after it at all.
    const sinceRemoval = await lastRequestSeq();
    await page.locator("summary", { hasText: "Sign out" }).click();
    await page.getByRole("button", { name: "Remove “Globex”" }).click();
    await expectListOf(page, names.acme, names.globex);
    await expect(workspaceMenu(page)).toContainText("Acme");
    await workspaceMenu(page).click();
    await expect(page.getByRole("button", { name: /^Switch to/ })).toHaveCount(0);

    // The copy taken before still holds Globex's key: it reads as signed out.
    const replayed = await rawRequest({
      baseUrl: E2E_APP_URL,
      path: "/api/workflows",
      headers: { cookie: copied },
    });
    expect(replayed.status).toBe(401);

    // Globex's answers went with it: added again, its workflow's page is served an answer that
    // LeadLex gave after the removal.
    await connectNamed(page, "Globex", GLOBEX_KEY);
    await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
    await page.goto("/workflows/wf_02HZ1");
    await expect(page.getByRole("table")).toBeVisible();
    const asked = (await emulatorRequestsSince(sinceRemoval)).filter(
      (call) => call.keyLabel === "other_workspace" && call.path.endsWith("/v1/workflows/wf_02HZ1"),
    );
    expect(asked.length).toBeGreaterThan(0);

    // Signing out of all ends the session: the cookie of a moment before is refused too.
    await page.locator("summary", { hasText: "Sign out" }).click();
    const beforeSignOut = await sessionCookie(context);
    await page.getByRole("button", { name: "Sign out of all workspaces" }).click();
    await expect(page).toHaveURL(/\/connect$/);
    await expect(
      page.getByRole("heading", { name: "Connect your LeadLex workspace" }),
    ).toBeVisible();
    const after = await rawRequest({
      baseUrl: E2E_APP_URL,
      path: "/api/workflows",
      headers: { cookie: beforeSignOut },
    });
    expect(after.status).toBe(401);
  });
});
