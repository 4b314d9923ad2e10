/**
 * Finding the workflow on `/` — the list as LeadLex returns it, search in the URL,
 * the state and entity filters, paging, the jump-to-id box and the recently opened workflows.
 */
import { lastRequestSeq, emulatorRequestsSince, replayedAnswer } from "../support/emulator-admin";
import {
  connectWithKey,
  demoKeys,
  expect,
  expectNoAccessibilityViolations,
  test,
} from "../support/fixtures";
import { callsServable, emulatorGet, expectHydrated, queryValue } from "../support/dashboard";
import type { Page } from "@playwright/test";
import type { WorkflowListBody } from "../../emulator/wire-types";

const LIST_PATH = "/functions/v1/api-gateway/v1/workflows";

function listTable(page: Page) {
  return page.getByRole("table", { name: /^Workflows, with their state/ });
}

function workflowRow(page: Page, name: string) {
  return listTable(page)
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name, exact: true }) });
}

async function listedNames(page: Page): Promise<string[]> {
  return listTable(page)
    .getByRole("row")
    .getByRole("link")
    .evaluateAll((links) => links.map((link) => link.textContent ?? ""));
}

test.describe("workflow list", () => {
  test("lists every workflow with its state, trigger → action and last run", async ({
    connectedPage: page,
  }) => {
    const { data, meta } = await emulatorGet<WorkflowListBody>("/v1/workflows?per_page=100");
    const since = await lastRequestSeq();
    await page.goto("/");
    await expect.poll(() => listedNames(page)).toEqual(data.workflows.map((w) => w.name));
    await expect(page.getByText(`${meta.total} workflows in this workspace`)).toBeVisible();

    const lostDeals = workflowRow(page, "Notify owner on lost deals");
    await expect(lostDeals).toContainText("wf_01HY1");
    await expect(lostDeals).toContainText("Enabled");
    await expect(lostDeals).toContainText(/When a deal's stage changes to “lost” →.*Slack message/);
    const lastRun = lostDeals.locator("time").last();
    // Runs keep arriving: the last run shown is the one LeadLex named in its answer to the page.
    const listCalls = await callsServable(
      since,
      (request) => request.path === LIST_PATH && request.status === 200,
    );
    const answered = await Promise.all(
      listCalls.map(async (call) => {
        const answer = await replayedAnswer<WorkflowListBody>(call);
        return answer.data.workflows.find((w) => w.id === "wf_01HY1")?.last_triggered_at;
      }),
    );
    expect(answered.length).toBeGreaterThan(0);
    expect(answered).toContain(await lastRun.getAttribute("datetime"));
    await expect(lastRun).toHaveText(/ ago$|^just now$/);
    await expect(lastRun).toHaveAttribute("title", /\d{1,2} \w{3} \d{4}, \d\d:\d\d:\d\d UTC/);

    await expect(workflowRow(page, "Post big wins to #wins")).toContainText("Disabled");
    await expect(workflowRow(page, "Escalate overdue tasks to the team lead")).toContainText(
      "Auto-disabled: daily cap exceeded",
    );
    await expect(workflowRow(page, "Alert on negative email replies")).toContainText("Never");

    // A name is a link to that workflow's runs.
    await page.getByRole("link", { name: "Notify owner on lost deals", exact: true }).click();
    await expect(page).toHaveURL(/\/workflows\/wf_01HY1$/);
    await expect(
      page.getByRole("heading", { name: "Notify owner on lost deals", level: 1 }),
    ).toBeVisible();
  });

  test("search is debounced, lands in the URL and is what LeadLex is asked for", async ({
    connectedPage: page,
  }) => {
    const since = await lastRequestSeq();
    const search = page.getByRole("searchbox", { name: "Search workflows by name" });
    await search.pressSequentially("owner on lost", { delay: 40 });

    await expect(page).toHaveURL(/\/\?q=owner\+on\+lost$/);
    await expect.poll(() => listedNames(page)).toEqual(["Notify owner on lost deals"]);
    await expect(page.getByText("1 workflow matches “owner on lost”")).toBeVisible();

    // One call for the whole word, none for the letters typed on the way.
    const searched = (await emulatorRequestsSince(since))
      .filter((request) => request.path === LIST_PATH)
      .map((request) => queryValue(request, "search"))
      .filter((value) => value !== undefined);
    expect(searched).toEqual(["owner on lost"]);

    // The search survives a reload: it is read from the URL.
    await page.reload();
    await expect(search).toHaveValue("owner on lost");
    await expect.poll(() => listedNames(page)).toEqual(["Notify owner on lost deals"]);
    await expectNoAccessibilityViolations(page);
  });

  test("filters by state and by entity, in the URL, and names them when nothing matches", async ({
    connectedPage: page,
  }) => {
    const disabled = await emulatorGet<WorkflowListBody>("/v1/workflows?enabled=false");
    const meetings = await emulatorGet<WorkflowListBody>("/v1/workflows?condition_entity=meeting");
    await page.goto("/");

    const state = page.getByRole("radiogroup", { name: "State" });
    await expectHydrated(state.getByRole("radio", { name: "Disabled" }));
    await state.getByText("Disabled", { exact: true }).click();
    await expect(page).toHaveURL(/\/\?enabled=false$/);
    await expect
      .poll(() => listedNames(page))
      .toEqual(disabled.data.workflows.map((workflow) => workflow.name));

    await state.getByText("All", { exact: true }).click();
    await page.getByLabel("Entity").selectOption("meeting");
    await expect(page).toHaveURL(/\/\?entity=meeting$/);
    await expect
      .poll(() => listedNames(page))
      .toEqual(meetings.data.workflows.map((workflow) => workflow.name));
    await expect(
      page.getByText(`${meetings.meta.total} workflows triggered by meetings`),
    ).toBeVisible();

    // Back steps through the filter changes.
    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("radio", { name: "All" })).toBeChecked();

    // Nothing matches: the empty state names the filters and clears them.
    await page.goto("/?enabled=false&entity=meeting&q=qbr");
    await expect(
      page.getByText("No disabled workflows triggered by meetings match “qbr”."),
    ).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("searchbox", { name: "Search workflows by name" })).toHaveValue("");
    await expect(page.getByText(/^\d+ workflows in this workspace$/)).toBeVisible();
  });

  test("is paginated, and a page past the end offers the last one", async ({
    connectedPage: page,
  }) => {
    const { meta } = await emulatorGet<WorkflowListBody>("/v1/workflows");
    const pagination = page.getByRole("navigation", { name: "Pagination" });
    await page.goto("/");
    await expect(pagination).toContainText(`1–${meta.total} of ${meta.total} workflows`);
    await expect(pagination.getByRole("button", { name: "Next page" })).toBeDisabled();

    await page.goto("/?page=2");
    await expect(page.getByText("Page 2 is past the end of the list")).toBeVisible();
    await page.getByRole("button", { name: "Go to the last page" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(pagination).toContainText(`1–${meta.total} of ${meta.total} workflows`);

    await pagination.getByLabel("Rows per page").selectOption("50");
    await expect(page).toHaveURL(/\/\?per_page=50$/);
  });

  test("the jump box opens an id or a pasted link, and explains anything else", async ({
    connectedPage: page,
  }) => {
    const jump = page.getByRole("region", { name: "Open a workflow by id" });
    const box = jump.getByRole("textbox", { name: "Workflow or record id, or a link" });
    await box.fill("not an id!");
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await expect(jump.getByRole("alert")).toContainText(
      "is not a workflow or record id, or a link to one",
    );
    await expect(box).toHaveAttribute("aria-invalid", "true");
    await expectNoAccessibilityViolations(page);

    await box.fill("  wf_01HY3 ");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/workflows\/wf_01HY3$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Follow-up task after demo meetings",
    );

    await page.goto("/");
    await box.fill("https://runboard.example.com/workflows/wf_01HY2?status=failed");
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await expect(page).toHaveURL(/\/workflows\/wf_01HY2$/);
  });

  test("recently opened workflows are remembered in this browser, newest first", async ({
    connectedPage: page,
    browser,
  }) => {
    await expect(page.getByRole("heading", { name: "Recently opened" })).toHaveCount(0);
    const remembered = () =>
      page.evaluate(() => localStorage.getItem("runboard:recent-workflows") ?? "");
    await page.goto("/workflows/wf_01HY3");
    await expect.poll(remembered).toContain("wf_01HY3");
    await page.goto("/workflows/wf_01HY2");
    await expect.poll(remembered).toContain("wf_01HY2");

    await page.getByRole("link", { name: "All workflows" }).click();
    const recent = page.getByRole("region", { name: "Recently opened" });
    await expect(recent.getByRole("link")).toHaveCount(2);
    await expect(recent.getByRole("link").nth(0)).toContainText("Welcome email for new customers");
    await expect(recent.getByRole("link").nth(0)).toContainText("wf_01HY2");
    await expect(recent.getByRole("link").nth(1)).toContainText(
      "Follow-up task after demo meetings",
    );
    await expectNoAccessibilityViolations(page);

    await page.reload();
    await expect(recent.getByRole("link")).toHaveCount(2);
    await recent.getByRole("link").nth(1).click();
    await expect(page).toHaveURL(/\/workflows\/wf_01HY3$/);

    // Another browser profile knows nothing of them.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await connectWithKey(otherPage, demoKeys.org_full);
    await expect(otherPage.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
    await expect(listTable(otherPage)).toBeVisible();
    await expect(otherPage.getByRole("region", { name: "Recently opened" })).toHaveCount(0);
    await other.close();

    await page.goto("/");
    await recent.getByRole("button", { name: "Forget recently opened workflows" }).click();
    await expect(recent).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Recently opened" })).toHaveCount(0);
  });
});
