/**
 * The runs view of one workflow — its header, the server-rendered first page,
 * refetches that keep the rows on screen, the status chips, pagination and the table's columns.
 * Rows on screen are always compared with what the emulator itself answers for the same query.
 */
import { lastRequestSeq } from "../support/emulator-admin";
import { expect, expectNoAccessibilityViolations, test } from "../support/fixtures";
import {
  emulatorGet,
  emulatorLogs,
  expectRunIds,
  queryValue,
  runRow,
  runsTable,
  visibleRunIds,
  workflowCallsSince,
} from "../support/dashboard";
import type { WorkflowDetailBody } from "../../emulator/wire-types";

/** `2026-04-17T09:31:00Z` → `17 Apr 2026, 09:31:00 UTC`, as the page writes an exact UTC time. */
function exactUtc(iso: string): string {
  const date = new Date(iso);
  const month = date.toLocaleString("en-US", { month: "short", timeZone: "UTC" });
  return `${date.getUTCDate()} ${month} ${date.getUTCFullYear()}, ${iso.slice(11, 19)} UTC`;
}

test.describe("runs view", () => {
  test("the header names the workflow, its state, trigger → action and the daily cap meter", async ({
    connectedPage: page,
  }) => {
    const { data: workflow } = await emulatorGet<WorkflowDetailBody>("/v1/workflows/wf_01HY1");
    await page.goto("/workflows/wf_01HY1");

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(workflow.name);
    await expect(page.getByText("Enabled", { exact: true })).toBeVisible();
    const summary = page.locator("p").filter({ hasText: /^When a deal's / });
    await expect(summary).toContainText("→");
    await expect(summary).toContainText(/Slack/);
    const meter = page.getByRole("meter", { name: "Triggers today" });
    await expect(meter).toHaveAttribute("aria-valuemax", String(workflow.max_triggers_per_day));
    await expect(meter).toHaveAttribute(
      "aria-valuenow",
      String(Math.min(workflow.triggers_today, workflow.max_triggers_per_day)),
    );
    await expect(
      page.getByText(`${workflow.triggers_today} / ${workflow.max_triggers_per_day}`),
    ).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText(
      "All workflows",
    );
    await expectNoAccessibilityViolations(page);
  });

  test("an auto-disabled workflow says why, and its meter shows the cap reached", async ({
    connectedPage: page,
  }) => {
    const { data: workflow } = await emulatorGet<WorkflowDetailBody>("/v1/workflows/wf_01HY6");
    expect(workflow.auto_disabled_reason).toBe("daily_cap_exceeded");
    await page.goto("/workflows/wf_01HY6");

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(workflow.name);
    await expect(page.getByText(/^Auto-disabled: /)).toBeVisible();
    await expect(
      page.getByText(
        `LeadLex switched this workflow off automatically: it went over its daily cap of ${workflow.max_triggers_per_day} triggers.`,
        { exact: false },
      ),
    ).toBeVisible();
    await expect(page.getByText("Daily cap reached", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("meter", { name: "Triggers today" })).toHaveAttribute(
      "aria-valuenow",
      String(workflow.max_triggers_per_day),
    );
    await expectNoAccessibilityViolations(page);
  });

  test("a deleted workflow shows its runs under a clear banner", async ({
    connectedPage: page,
  }) => {
    const expected = await emulatorLogs("wf_deleted_01");
    await page.goto("/workflows/wf_deleted_01");

    await expect(page.getByText(/This workflow has been deleted/)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("wf_deleted_01");
    await expectRunIds(
      page,
      expected.data.logs.map((log) => log.id),
    );
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(
      `1–25 of ${expected.meta.total}`,
    );
    await expectNoAccessibilityViolations(page);
  });

  test("the first page is server-rendered: at most one workflow and one logs call, none on reload", async ({
    connectedPage: page,
  }) => {
    // wf_01HY9 is this test's own workflow, so no other test's calls are counted.
    const expected = await emulatorLogs("wf_01HY9");
    const since = await lastRequestSeq();
    const browserCalls: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/")) browserCalls.push(request.url());
    });

    const response = await page.goto("/workflows/wf_01HY9");
    expect(response?.status()).toBe(200);
    // The rows are in the HTML itself, before any script runs.
    const html = (await response?.text()) ?? "";
    expect(html).toContain(`details of run ${expected.data.logs[0]?.id}`);
    await expectRunIds(
      page,
      expected.data.logs.map((log) => log.id),
    );
    await page.waitForLoadState("networkidle");

    const calls = await workflowCallsSince(since, "wf_01HY9");
    expect(calls.details).toHaveLength(1);
    expect(calls.logs).toHaveLength(1);
    expect(browserCalls).toEqual([]);

    // A reload inside the answers' time to live is served from Runboard's cache, and says so.
    const afterFirstLoad = await lastRequestSeq();
    await page.reload();
    await expectRunIds(
      page,
      expected.data.logs.map((log) => log.id),
    );
    await expect(page.getByText(/^as of \d{2}:\d{2}:\d{2}$/)).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await workflowCallsSince(afterFirstLoad, "wf_01HY9")).toEqual({ details: [], logs: [] });
  });

  test("changing a filter refetches through our route handler and keeps the old rows on screen", async ({
    connectedPage: page,
  }) => {
    const all = await emulatorLogs("wf_01HY1");
    const failed = await emulatorLogs("wf_01HY1", { status: "failed" });
    await page.goto("/workflows/wf_01HY1");
    await expectRunIds(
      page,
      all.data.logs.map((log) => log.id),
    );
    const table = runsTable(page);
    const before = await table.boundingBox();

    // Hold our route handler's answer until the in-between state has been checked.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/workflows/wf_01HY1/logs?*", async (route) => {
      await held;
      await route.continue();
    });
    const requestSeen = page.waitForRequest(
      (request) =>
        request.url().includes("/api/workflows/wf_01HY1/logs?") &&
        new URL(request.url()).searchParams.get("status") === "failed",
    );
    await page.getByRole("button", { name: "Failed" }).click();
    await requestSeen;

    // Still the previous rows, marked busy, same place: no skeleton, no jump.
    await expect(table).toHaveAttribute("aria-busy", "true");
    expect(await visibleRunIds(page)).toEqual(all.data.logs.map((log) => log.id));
    await expect(page.getByRole("status", { name: "Loading runs" })).toHaveCount(0);
    expect((await table.boundingBox())?.y).toBe(before?.y);

    release();
    await expectRunIds(
      page,
      failed.data.logs.map((log) => log.id),
    );
    await expect(table).toHaveAttribute("aria-busy", "false");
    expect((await table.boundingBox())?.y).toBe(before?.y);
  });

  test("the next page is fetched ahead, so Next shows it without a new call", async ({
    connectedPage: page,
  }) => {
    const second = await emulatorLogs("wf_01HY2", { page: "2" });
    await page.goto("/workflows/wf_01HY2");
    await expect(runsTable(page)).toBeVisible();

    const next = page.getByRole("button", { name: "Next page" });
    const prefetched = page.waitForResponse(
      (response) =>
        response.url().includes("/api/workflows/wf_01HY2/logs?") &&
        new URL(response.url()).searchParams.get("page") === "2",
    );
    await next.hover();
    await prefetched;

    const since = await lastRequestSeq();
    await next.click();
    await expect(page).toHaveURL(/[?&]page=2(&|$)/);
    await expectRunIds(
      page,
      second.data.logs.map((log) => log.id),
    );
    // Page 2 came from the cache; the one call after it is page 3 being fetched ahead in turn.
    const calls = await workflowCallsSince(since, "wf_01HY2");
    expect(calls.logs.map((call) => queryValue(call, "page"))).not.toContain("2");
  });

  test("status chips carry an icon and a word, and the selected one is aria-pressed", async ({
    connectedPage: page,
  }) => {
    const skipped = await emulatorLogs("wf_01HY1", { status: "skipped" });
    await page.goto("/workflows/wf_01HY1");
    const chips = page.getByRole("group", { name: "Filter by status" });
    for (const name of ["All", "Success", "Failed", "Skipped"]) {
      const chip = chips.getByRole("button", { name });
      await expect(chip).toBeVisible();
      await expect(chip.locator("svg")).toHaveCount(1);
    }
    await expect(chips.getByRole("button", { name: "All" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );

    await chips.getByRole("button", { name: "Skipped" }).click();
    await expect(page).toHaveURL(/\?status=skipped$/);
    await expect(chips.getByRole("button", { name: "Skipped" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(chips.getByRole("button", { name: "All" })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
    await expectRunIds(
      page,
      skipped.data.logs.map((log) => log.id),
    );
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(
      `of ${skipped.meta.total.toLocaleString("en-US")} skipped runs`,
    );
  });

  test("pagination: first, previous, next, last, the range text and the page size", async ({
    connectedPage: page,
  }) => {
    const first = await emulatorLogs("wf_01HY1");
    const total = first.meta.total;
    const lastPage = Math.ceil(total / 25);
    const pageThree = await emulatorLogs("wf_01HY1", { page: "3" });
    const last = await emulatorLogs("wf_01HY1", { page: String(lastPage) });
    const fifty = await emulatorLogs("wf_01HY1", { per_page: "50" });
    const pagination = page.getByRole("navigation", { name: "Pagination" });
    const totalText = total.toLocaleString("en-US");

    await page.goto("/workflows/wf_01HY1?page=3");
    await expect(pagination).toContainText(`51–75 of ${totalText} runs`);
    await expectRunIds(
      page,
      pageThree.data.logs.map((log) => log.id),
    );

    await pagination.getByRole("button", { name: "Previous page" }).click();
    await expect(page).toHaveURL(/\?page=2$/);
    await expect(pagination).toContainText(`26–50 of ${totalText} runs`);

    await pagination.getByRole("button", { name: "First page" }).click();
    await expect(page).toHaveURL(/\/workflows\/wf_01HY1$/);
    await expect(pagination).toContainText(`1–25 of ${totalText} runs`);
    await expect(pagination.getByRole("button", { name: "Previous page" })).toBeDisabled();
    await expect(pagination.getByRole("button", { name: "First page" })).toBeDisabled();

    await pagination.getByRole("button", { name: "Last page" }).click();
    await expect(page).toHaveURL(new RegExp(`\\?page=${lastPage}$`));
    await expect(pagination).toContainText(
      `${((lastPage - 1) * 25 + 1).toLocaleString("en-US")}–${totalText} of ${totalText} runs`,
    );
    await expectRunIds(
      page,
      last.data.logs.map((log) => log.id),
    );
    await expect(pagination.getByRole("button", { name: "Next page" })).toBeDisabled();
    await expect(pagination.getByRole("button", { name: "Last page" })).toBeDisabled();

    // A new page size starts again at page 1.
    await pagination.getByLabel("Rows per page").selectOption("50");
    await expect(page).toHaveURL(/\?per_page=50$/);
    await expect(pagination).toContainText(`1–50 of ${totalText} runs`);
    await expectRunIds(
      page,
      fifty.data.logs.map((log) => log.id),
    );
    await pagination.getByLabel("Rows per page").selectOption("100");
    await expect(page).toHaveURL(/\?per_page=100$/);
    await expect(runsTable(page).getByRole("row")).toHaveCount(101);
    await pagination.getByLabel("Rows per page").selectOption("25");
    await expect(page).toHaveURL(/\/workflows\/wf_01HY1$/);
  });

  test("the page jump reaches the last of wf_big's 40,000 pages", async ({
    connectedPage: page,
  }) => {
    const last = await emulatorLogs("wf_big", { page: "40000" });
    expect(last.meta.total).toBe(1_000_000);
    await page.goto("/workflows/wf_big");
    const pagination = page.getByRole("navigation", { name: "Pagination" });
    await expect(pagination).toContainText("1–25 of 1,000,000 runs");
    await expect(pagination).toContainText("of 40,000");

    const since = await lastRequestSeq();
    await pagination.getByLabel("Page", { exact: true }).fill("40,000");
    await pagination.getByRole("button", { name: "Go" }).click();
    await expect(page).toHaveURL(/\?page=40000$/);
    await expect(pagination).toContainText("999,976–1,000,000 of 1,000,000 runs");
    await expectRunIds(
      page,
      last.data.logs.map((log) => log.id),
    );
    const calls = await workflowCallsSince(since, "wf_big");
    expect(calls.logs.map((call) => queryValue(call, "page"))).toContain("40000");

    // Out of range: a message, and the page stays where it is.
    await pagination.getByLabel("Page", { exact: true }).fill("40001");
    await pagination.getByRole("button", { name: "Go" }).click();
    await expect(pagination.getByRole("alert")).toHaveText("Enter a page from 1 to 40,000.");
    await expect(page).toHaveURL(/\?page=40000$/);
  });

  test("changing a filter returns to page 1 and closes the open run", async ({
    connectedPage: page,
  }) => {
    const pageFour = await emulatorLogs("wf_01HY1", { page: "4" });
    const openId = pageFour.data.logs[2]?.id ?? "";
    await page.goto(`/workflows/wf_01HY1?page=4&open=${openId}`);
    await expect(page.getByRole("region", { name: `Details of run ${openId}` })).toBeVisible();

    await page.getByRole("button", { name: "Failed" }).click();
    await expect(page).toHaveURL(/\/workflows\/wf_01HY1\?status=failed$/);
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("1–25 of");
  });

  test("each row shows when, status, entity, error or skip reason and duration with a bar", async ({
    connectedPage: page,
  }) => {
    const { data } = await emulatorLogs("wf_01HY1", { per_page: "100" });
    const failed = data.logs.find((log) => log.status === "failed");
    const skipped = data.logs.find((log) => log.status === "skipped");
    const success = data.logs.find((log) => log.status === "success");
    if (!failed || !skipped || !success) throw new Error("expected every status on the page");
    await page.goto("/workflows/wf_01HY1?per_page=100");

    const headers = runsTable(page).getByRole("columnheader");
    await expect(headers).toHaveText([
      "Details",
      "Triggered",
      "Status",
      "Entity",
      "Error or skip reason",
      "Duration",
    ]);

    const failedRow = runRow(page, failed.id);
    await expect(failedRow.getByRole("cell").nth(2)).toHaveText("Failed");
    await expect(failedRow.getByRole("cell").nth(3)).toHaveText(
      `${failed.entity_type} ${failed.entity_id}`,
    );
    await expect(failedRow.getByRole("cell").nth(4)).toHaveText(failed.error?.code ?? "");
    const time = failedRow.locator("time");
    await expect(time).toHaveAttribute("datetime", failed.triggered_at);
    await expect(time).toHaveText(/ago$|^just now$/);
    // The exact time, to the second, on hover (this browser runs in UTC).
    await expect(time).toHaveAttribute("title", exactUtc(failed.triggered_at));

    await expect(runRow(page, skipped.id).getByRole("cell").nth(4)).toHaveText(
      skipped.skip_reason ?? "",
    );
    await expect(runRow(page, success.id).getByRole("cell").nth(4)).toHaveText("—");

    const duration = runRow(page, success.id).getByRole("cell").nth(5);
    await expect(duration).toHaveText(
      success.duration_ms < 1000
        ? `${success.duration_ms} ms`
        : `${(success.duration_ms / 1000).toFixed(success.duration_ms < 10_000 ? 2 : 1)} s`,
    );
    // The bar is scaled to the longest run on the page.
    const longest = Math.max(...data.logs.map((log) => log.duration_ms));
    const bar = duration.locator("[aria-hidden] > span");
    const share = Math.max(2, Math.round((success.duration_ms / longest) * 100));
    await expect(bar).toHaveAttribute("style", new RegExp(`^width: ?${share}%;?$`));
  });
});
