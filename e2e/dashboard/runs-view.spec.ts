/**
 * The runs view of one workflow — its header, the server-rendered first page,
 * refetches that keep the rows on screen, the status chips, pagination and the table's columns.
 * Rows on screen are always compared with what the emulator itself answered to the app's call for
 * the same query (runs keep arriving, so not with what it says a moment later).
 */
import { lastRequestSeq, replayedAnswer } from "../support/emulator-admin";
import { expect, expectNoAccessibilityViolations, test } from "../support/fixtures";
import {
  callsServable,
  emulatorGet,
  emulatorLogs,
  expectNoHorizontalOverflow,
  expectRunIds,
  expectRunsAsAnswered,
  queryValue,
  runRow,
  runsTable,
  visibleRunIds,
  workflowCallsServable,
  workflowCallsSince,
} from "../support/dashboard";
import type { WorkflowDetailBody } from "../../emulator/wire-types";

test.describe("runs view", () => {
  test("the header names the workflow, its state, trigger → action and the daily cap meter", async ({
    connectedPage: page,
  }) => {
    const since = await lastRequestSeq();
    await page.goto("/workflows/wf_01HY1");
    // triggers_today moves as runs arrive: the figures are the ones LeadLex gave this page.
    const call = (await workflowCallsServable(since, "wf_01HY1")).details.at(-1);
    if (!call) throw new Error("the page did not ask LeadLex for the workflow");
    const { data: workflow } = await replayedAnswer<WorkflowDetailBody>(call);

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(workflow.name);
    await expect(page.getByText("Enabled", { exact: true })).toBeVisible();
    const summary = page.locator("p").filter({ hasText: /^When a deal's / });
    await expect(summary).toContainText("→");
    await expect(summary).toContainText(/Slack/);
    const meter = page.getByRole("meter", { name: "Triggers today" });
    await expect(meter).toHaveAttribute("aria-valuemax", String(workflow.max_triggers_per_day));
    // Any details answer LeadLex gave: the latest before `since` may be another test's direct
    // call after a burst, while the app's cache (5 min) holds an earlier one.
    const answered = await Promise.all(
      (
        await callsServable(0, (request) => request.status === 200 && request.path === call.path)
      ).map(
        async (detail) => (await replayedAnswer<WorkflowDetailBody>(detail)).data.triggers_today,
      ),
    );
    await expect(meter).toHaveAttribute("aria-valuenow", /^\d+$/);
    expect(answered.map((count) => Math.min(count, workflow.max_triggers_per_day))).toContain(
      Number(await meter.getAttribute("aria-valuenow")),
    );
    // The figure beside the meter ("28 / 200 (daily cap)", the last words for readers only) is
    // one of those answers too, over the same cap.
    const figure = page.getByText(new RegExp(`^\\d+ / ${workflow.max_triggers_per_day}\\b`));
    await expect(figure).toBeVisible();
    const shownCount = Number((await figure.textContent())?.split(" / ")[0]);
    expect(answered).toContain(shownCount);
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
    // wf_01HY9's runs are this test's own, so no other test's logs calls are counted.
    const since = await lastRequestSeq();
    const browserCalls: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/")) browserCalls.push(request.url());
    });

    const response = await page.goto("/workflows/wf_01HY9");
    expect(response?.status()).toBe(200);
    const expected = await expectRunsAsAnswered(page, since, "wf_01HY9");
    expect(expected.data.logs.length).toBeGreaterThan(0);
    // The rows are in the HTML itself, before any script runs.
    const html = (await response?.text()) ?? "";
    for (const log of expected.data.logs) expect(html).toContain(`details of run ${log.id}`);
    await page.waitForLoadState("networkidle");

    const calls = await workflowCallsSince(since, "wf_01HY9");
    // Its details may already be cached: the workflow list's health asks for every workflow's.
    expect(calls.details.length).toBeLessThanOrEqual(1);
    expect(calls.logs).toHaveLength(1);
    // The browser asks for nothing but the chips' counts, once, after the rows are in.
    expect(browserCalls.map((url) => new URL(url).pathname)).toEqual([
      "/api/workflows/wf_01HY9/status-counts",
    ]);

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
    const since = await lastRequestSeq();
    await page.goto("/workflows/wf_01HY1");
    const all = await expectRunsAsAnswered(page, since, "wf_01HY1");
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
    await expectRunsAsAnswered(page, since, "wf_01HY1", { status: "failed" });
    await expect(table).toHaveAttribute("aria-busy", "false");
    expect((await table.boundingBox())?.y).toBe(before?.y);
  });

  test("the next page is fetched ahead, so Next shows it without a new call", async ({
    connectedPage: page,
  }) => {
    await page.goto("/workflows/wf_01HY2");
    await expect(runsTable(page)).toBeVisible();

    const next = page.getByRole("button", { name: "Next page" });
    const prefetched = page.waitForResponse(
      (response) =>
        response.url().includes("/api/workflows/wf_01HY2/logs?") &&
        new URL(response.url()).searchParams.get("page") === "2",
    );
    const beforeHover = await lastRequestSeq();
    await next.hover();
    await prefetched;

    const since = await lastRequestSeq();
    await next.click();
    await expect(page).toHaveURL(/[?&]page=2(&|$)/);
    // The rows are the answer to the call made on hover.
    await expectRunsAsAnswered(page, beforeHover, "wf_01HY2", { page: 2 });
    // Page 2 came from the cache; the one call after it is page 3 being fetched ahead in turn.
    const calls = await workflowCallsSince(since, "wf_01HY2");
    expect(calls.logs.map((call) => queryValue(call, "page"))).not.toContain("2");
  });

  test("status chips carry an icon and a word, and the selected one is aria-pressed", async ({
    connectedPage: page,
  }) => {
    const since = await lastRequestSeq();
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
    const skipped = await expectRunsAsAnswered(page, since, "wf_01HY1", { status: "skipped" });
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(
      `of ${skipped.meta.total.toLocaleString("en-US")} skipped runs`,
    );
  });

  test("pagination: first, previous, next, last, the range text and the page size", async ({
    connectedPage: page,
  }) => {
    const pagination = page.getByRole("navigation", { name: "Pagination" });
    const count = (n: number) => n.toLocaleString("en-US");
    // Runs keep arriving: each state is checked against the answer LeadLex gave for it.
    const since = await lastRequestSeq();

    await page.goto("/workflows/wf_01HY1?page=3");
    const pageThree = await expectRunsAsAnswered(page, since, "wf_01HY1", { page: 3 });
    await expect(pagination).toContainText(`51–75 of ${count(pageThree.meta.total)} runs`);

    await pagination.getByRole("button", { name: "Previous page" }).click();
    await expect(page).toHaveURL(/\?page=2$/);
    const pageTwo = await expectRunsAsAnswered(page, since, "wf_01HY1", { page: 2 });
    await expect(pagination).toContainText(`26–50 of ${count(pageTwo.meta.total)} runs`);

    await pagination.getByRole("button", { name: "First page" }).click();
    await expect(page).toHaveURL(/\/workflows\/wf_01HY1$/);
    const first = await expectRunsAsAnswered(page, since, "wf_01HY1");
    await expect(pagination).toContainText(`1–25 of ${count(first.meta.total)} runs`);
    await expect(pagination.getByRole("button", { name: "Previous page" })).toBeDisabled();
    await expect(pagination.getByRole("button", { name: "First page" })).toBeDisabled();

    const lastPage = Math.ceil(first.meta.total / 25);
    await pagination.getByRole("button", { name: "Last page" }).click();
    await expect(page).toHaveURL(new RegExp(`\\?page=${lastPage}$`));
    const last = await expectRunsAsAnswered(page, since, "wf_01HY1", { page: lastPage });
    const lastTotal = last.meta.total;
    await expect(pagination).toContainText(
      `${count((lastPage - 1) * 25 + 1)}–${count(Math.min(lastPage * 25, lastTotal))} of ${count(lastTotal)} runs`,
    );
    // Still the last page, unless a run arrived that opened a new one since the first page.
    const stillLast = lastPage * 25 >= lastTotal;
    for (const name of ["Next page", "Last page"]) {
      const button = pagination.getByRole("button", { name });
      await (stillLast ? expect(button).toBeDisabled() : expect(button).toBeEnabled());
    }

    // A new page size starts again at page 1.
    await pagination.getByLabel("Rows per page").selectOption("50");
    await expect(page).toHaveURL(/\?per_page=50$/);
    const fifty = await expectRunsAsAnswered(page, since, "wf_01HY1", { perPage: 50 });
    await expect(pagination).toContainText(`1–50 of ${count(fifty.meta.total)} runs`);
    await pagination.getByLabel("Rows per page").selectOption("100");
    await expect(page).toHaveURL(/\?per_page=100$/);
    await expect(runsTable(page).getByRole("row")).toHaveCount(101);
    await pagination.getByLabel("Rows per page").selectOption("25");
    await expect(page).toHaveURL(/\/workflows\/wf_01HY1$/);
  });

  test("the page jump reaches the last of wf_big's 40,000-odd pages", async ({
    connectedPage: page,
  }) => {
    const pagination = page.getByRole("navigation", { name: "Pagination" });
    const count = (n: number) => n.toLocaleString("en-US");
    const since = await lastRequestSeq();
    await page.goto("/workflows/wf_big");
    // wf_big gains a run every ~10 s; it started with 1,000,000.
    const first = await expectRunsAsAnswered(page, since, "wf_big");
    expect(first.meta.total).toBeGreaterThanOrEqual(1_000_000);
    const lastPage = Math.ceil(first.meta.total / 25);
    await expect(pagination).toContainText(`1–25 of ${count(first.meta.total)} runs`);
    await expect(pagination).toContainText(`of ${count(lastPage)}`);

    const beforeJump = await lastRequestSeq();
    await pagination.getByLabel("Page", { exact: true }).fill(count(lastPage));
    await pagination.getByRole("button", { name: "Go" }).click();
    await expect(page).toHaveURL(new RegExp(`\\?page=${lastPage}$`));
    const last = await expectRunsAsAnswered(page, beforeJump, "wf_big", { page: lastPage });
    const total = last.meta.total;
    await expect(pagination).toContainText(
      `${count((lastPage - 1) * 25 + 1)}–${count(Math.min(lastPage * 25, total))} of ${count(total)} runs`,
    );

    // Out of range: a message, and the page stays where it is.
    const pages = Math.ceil(total / 25);
    await pagination.getByLabel("Page", { exact: true }).fill(String(pages + 1));
    await pagination.getByRole("button", { name: "Go" }).click();
    await expect(pagination.getByRole("alert")).toHaveText(
      `Enter a page from 1 to ${count(pages)}.`,
    );
    await expect(page).toHaveURL(new RegExp(`\\?page=${lastPage}$`));
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
    const since = await lastRequestSeq();
    await page.goto("/workflows/wf_01HY1?per_page=100");
    const { data } = await expectRunsAsAnswered(page, since, "wf_01HY1", { perPage: 100 });
    const failed = data.logs.find((log) => log.status === "failed");
    const skipped = data.logs.find((log) => log.status === "skipped");
    const success = data.logs.find((log) => log.status === "success");
    if (!failed || !skipped || !success) throw new Error("expected every status on the page");

    const headers = runsTable(page).getByRole("columnheader");
    await expect(headers).toHaveText([
      "Details",
      "Triggered (UTC)",
      "Status",
      "Entity",
      "Error or skip reason",
      "Duration",
    ]);

    const failedRow = runRow(page, failed.id);
    await expect(failedRow.getByRole("cell").nth(2)).toHaveText("Failed");
    // The id says its type (`deal_01…`), so the type is not printed before it.
    await expect(failedRow.getByRole("cell").nth(3)).toHaveText(failed.entity_id);
    await expect(failedRow.getByRole("cell").nth(4)).toHaveText(
      `${failed.error?.code ?? ""} ${failed.error?.message ?? ""}`.trim(),
    );
    const time = failedRow.locator("time");
    await expect(time).toHaveAttribute("datetime", failed.triggered_at);
    await expect(time).toHaveText(/ ago$| just now$/);
    // The exact time, to the second, on hover (this browser runs in UTC).
    await expect(time).toHaveAttribute(
      "title",
      `${failed.triggered_at.slice(0, 10)} ${failed.triggered_at.slice(11, 19)} UTC`,
    );

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

  test("at desktop width the column header stays in view while the rows scroll under it", async ({
    connectedPage: page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/workflows/wf_01HY1?per_page=100");
    const [first] = await visibleRunIds(page);
    if (!first) throw new Error("expected runs");
    const header = runsTable(page).getByRole("columnheader", { name: "Status" });
    await runsTable(page).getByRole("row").last().scrollIntoViewIfNeeded();
    // The first rows have gone above the window; the header row sits at its top edge.
    await expect
      .poll(async () => (await runRow(page, first).boundingBox())?.y ?? 0)
      .toBeLessThan(0);
    const box = await header.boundingBox();
    expect(Math.abs(box?.y ?? Number.NaN)).toBeLessThanOrEqual(1);
    await expectNoHorizontalOverflow(page);
  });
});
