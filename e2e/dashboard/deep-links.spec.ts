/**
 * Every part of a view is in its address. A link opened in a fresh browser shows
 * the same rows and the same open run; Back and Forward step through filter changes; links with
 * values Runboard cannot use are repaired with a notice (never a 500, never a bad upstream call);
 * "Copy link" copies the view as it is.
 */
import { lastRequestSeq, emulatorRequestsSince, replayedAnswer } from "../support/emulator-admin";
import {
  connectWithKey,
  demoKeys,
  expect,
  expectNoAccessibilityViolations,
  test,
} from "../support/fixtures";
import {
  allowClipboard,
  emulatorLogs,
  clickOnceHydrated,
  expectRunIds,
  expectNotFound,
  expectRunsAsAnswered,
  queryValue,
  readClipboard,
  runDetails,
  runRow,
  runsTable,
  visibleRunIds,
  workflowCallsSince,
} from "../support/dashboard";

test.describe("deep links", () => {
  test("a copied link reopens the same rows and open run in a fresh browser", async ({
    connectedPage: page,
    context,
    browser,
  }) => {
    await allowClipboard(context);
    // The auto-disabled workflow gains no runs, so "the same rows" holds between the two browsers.
    const after = new Date(Date.now() - 110 * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`/workflows/wf_01HY6?after=${after}T00:00:00Z`);
    await page.getByRole("button", { name: "Failed" }).click();
    const pagination = page.getByRole("navigation", { name: "Pagination" });
    await pagination.getByLabel("Rows per page").selectOption("50");
    await pagination.getByRole("button", { name: "Next page" }).click();
    await expect(page).toHaveURL(
      new RegExp(`\\?after=${after}T00:00:00Z&status=failed&per_page=50&page=2$`),
    );
    await expect(pagination).toContainText("51–");

    const ids = await visibleRunIds(page);
    const openId = ids[40] ?? "";
    await runRow(page, openId)
      .getByRole("button", { name: /details of run/ })
      .click();
    await expect(runDetails(page, openId)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`&status=failed&per_page=50&page=2&open=${openId}$`));

    await page.getByRole("button", { name: "Copy link" }).click();
    await expect(page.getByRole("button", { name: "Link copied" })).toBeVisible();
    const link = await readClipboard(page);
    expect(link).toBe(page.url());

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await connectWithKey(other, demoKeys.org_full, new URL(link).pathname + new URL(link).search);
    await expect(other).toHaveURL(link);
    await expectRunIds(other, ids);
    await expect(runDetails(other, openId)).toBeVisible();
    await expect(runRow(other, openId)).toBeInViewport();
    await expect(other.getByRole("button", { name: "Failed" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(
      other.getByRole("navigation", { name: "Pagination" }).getByLabel("Rows per page"),
    ).toHaveValue("50");
    await fresh.close();
  });

  test("defaults are left out of the link", async ({ connectedPage: page }) => {
    await page.goto("/workflows/wf_01HY1?status=skipped&page=3&per_page=50");
    // A click before React hydrates the chip does nothing (CI saw the URL stay as it was).
    await clickOnceHydrated(page.getByRole("button", { name: "All" }));
    await expect(page).toHaveURL(/\/workflows\/wf_01HY1\?per_page=50$/);
    await page
      .getByRole("navigation", { name: "Pagination" })
      .getByLabel("Rows per page")
      .selectOption("25");
    await expect(page).toHaveURL(/\/workflows\/wf_01HY1$/);
  });

  test("Back and Forward move through filter changes", async ({ connectedPage: page }) => {
    const since = await lastRequestSeq();
    const failed = { status: "failed" };
    await page.goto("/workflows/wf_01HY1");
    await expectRunsAsAnswered(page, since, "wf_01HY1");

    await page.getByRole("button", { name: "Failed" }).click();
    await expectRunsAsAnswered(page, since, "wf_01HY1", failed);
    await page.getByRole("button", { name: "Skipped" }).click();
    await expectRunsAsAnswered(page, since, "wf_01HY1", { status: "skipped" });

    await page.goBack();
    await expect(page).toHaveURL(/\?status=failed$/);
    await expect(page.getByRole("button", { name: "Failed" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expectRunsAsAnswered(page, since, "wf_01HY1", failed);

    await page.goBack();
    await expect(page).toHaveURL(/\/workflows\/wf_01HY1$/);
    await expectRunsAsAnswered(page, since, "wf_01HY1");

    await page.goForward();
    await expect(page).toHaveURL(/\?status=failed$/);
    await expectRunsAsAnswered(page, since, "wf_01HY1", failed);
  });

  test("values it cannot use are repaired with a notice, and LeadLex only sees valid ones", async ({
    connectedPage: page,
  }) => {
    const since = await lastRequestSeq();
    const response = await page.goto(
      "/workflows/wf_01HY5?status=FAILED&page=-3&per_page=1000&after=yesterday&open=%3Cscript%3E",
    );
    expect(response?.status()).toBe(200);

    const notice = page.getByRole("status").filter({ hasText: "This link had values" });
    await expect(notice).toContainText("Status “FAILED” was read as “failed”.");
    await expect(notice).toContainText("Page “-3” is not a page number; showing page 1.");
    await expect(notice).toContainText("“1000” rows per page is not offered; showing 100.");
    await expect(notice).toContainText("“yesterday” is not a date and time");
    await expect(notice).toContainText("“<script>” is not a run id; no run was opened.");
    await expectNoAccessibilityViolations(page);
    // The address bar now holds the repaired link, so copying it shares the corrected view.
    await expect(page).toHaveURL(/\/workflows\/wf_01HY5\?status=failed&per_page=100$/);
    await expect(page.getByRole("button", { name: "Failed" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );

    const calls = await workflowCallsSince(since, "wf_01HY5");
    expect(calls.logs).toHaveLength(1);
    const [call] = calls.logs;
    if (!call) throw new Error("no logs call");
    expect(queryValue(call, "status")).toBe("failed");
    expect(queryValue(call, "per_page")).toBe("100");
    expect(queryValue(call, "page") ?? "1").toBe("1");
    expect(queryValue(call, "after")).toBeUndefined();
    expect(calls.logs.every((request) => request.status === 200)).toBe(true);

    await notice.getByRole("button", { name: "Dismiss this notice" }).click();
    await expect(notice).toHaveCount(0);
  });

  test("a page beyond the end says so and offers the last page", async ({
    connectedPage: page,
  }) => {
    const since = await lastRequestSeq();
    await page.goto("/workflows/wf_01HY4?status=failed&page=999");
    await expect(page.getByRole("heading", { name: "Page 999 is past the end" })).toBeVisible();
    // The last page is worked out from the total LeadLex gave for page 999.
    const call = (await workflowCallsSince(since, "wf_01HY4")).logs.find(
      (request) => queryValue(request, "page") === "999",
    );
    if (!call) throw new Error("the page did not ask LeadLex for page 999");
    const { meta } = await replayedAnswer<{ meta: { total: number } }>(call);
    const lastPage = Math.ceil(meta.total / 25);
    await expectNoAccessibilityViolations(page);
    await page.getByRole("button", { name: "Go to the last page" }).click();
    await expect(page).toHaveURL(new RegExp(`\\?status=failed&page=${lastPage}$`));
    await expect(runsTable(page)).toBeVisible();
  });

  test("an open run that is not on the page is named, and the note can be dismissed", async ({
    connectedPage: page,
  }) => {
    const { data } = await emulatorLogs("wf_01HY3", { status: "skipped" });
    const elsewhere = data.logs[0]?.id ?? "";
    const { data: failed } = await emulatorLogs("wf_01HY3", { status: "failed" });
    const here = failed.logs[0]?.id ?? "";
    // One run of the link is on the page and opens; the other is named, and Dismiss drops it only.
    await page.goto(`/workflows/wf_01HY3?status=failed&open=${elsewhere},${here}`);
    const note = page.getByRole("status").filter({ hasText: "is not on this page" });
    await expect(note).toContainText(`Run ${elsewhere} is not on this page with these filters.`);
    await expect(runDetails(page, here)).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await note.getByRole("button", { name: "Dismiss" }).click();
    await expect(note).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`/workflows/wf_01HY3\\?status=failed&open=${here}$`));
  });

  test("a shared link whose run newer runs have pushed back finds its page with one call", async ({
    connectedPage: page,
  }) => {
    // The auto-disabled workflow gains no runs, so a run's place in its list holds still.
    const { data, meta } = await emulatorLogs("wf_01HY6", { per_page: "100" });
    expect(meta.total).toBeGreaterThan(40);
    const pushedBack = data.logs[37]?.id ?? "";
    const since = await lastRequestSeq();
    await page.goto(`/workflows/wf_01HY6?open=${pushedBack}`);
    const note = page.getByRole("status").filter({ hasText: "is not on this page" });
    await expect(note).toContainText("(1 LeadLex call)");
    // The note is in the server's HTML: a press before React hydrates it does nothing.
    await clickOnceHydrated(note.getByRole("button", { name: "Show it" }));

    // Index 37, newest first, at 25 a page: page 2, found from the run's own second.
    await expect(page).toHaveURL(new RegExp(`/workflows/wf_01HY6\\?open=${pushedBack}&page=2$`));
    await expect(runDetails(page, pushedBack)).toBeVisible();
    await expect(note).toHaveCount(0);
    // Its one call: one run a page from the run's own second (LeadLex's `after` is inclusive).
    const second = (data.logs[37]?.triggered_at ?? "").replace(/\.\d+Z$/, "Z");
    const counts = (await emulatorRequestsSince(since)).filter(
      (request) =>
        request.path.endsWith("/workflows/wf_01HY6/logs") &&
        queryValue(request, "after") === second,
    );
    expect(counts.map((request) => queryValue(request, "per_page"))).toEqual(["1"]);
    await expectNoAccessibilityViolations(page);
  });

  test("Show it says so when the run does not match the view's filters", async ({
    connectedPage: page,
  }) => {
    const { data } = await emulatorLogs("wf_01HY6", { status: "skipped" });
    const skipped = data.logs[0]?.id ?? "";
    await page.goto(`/workflows/wf_01HY6?status=failed&open=${skipped}`);
    const note = page.getByRole("status").filter({ hasText: "is not on this page" });
    await clickOnceHydrated(note.getByRole("button", { name: "Show it" }));
    await expect(page.getByRole("status").filter({ hasText: "either" })).toContainText(
      `Run ${skipped} is not on page`,
    );
    await expect(page.getByRole("status").filter({ hasText: "either" })).toContainText(
      "it does not match this view's filters",
    );
    await expect(page.getByRole("button", { name: "Show it" })).toHaveCount(0);
  });

  for (const path of [
    "/workflows/..%2F..",
    "/workflows/%3Cscript%3E",
    "/workflows/wf_01HY1%20OR%201=1",
  ]) {
    test(`a bad id (${path}) is a clear “not found” page and never reaches LeadLex`, async ({
      connectedPage: page,
    }) => {
      const seen: string[] = [];
      page.on("dialog", (dialog) => {
        seen.push(dialog.message());
        void dialog.dismiss();
      });
      const since = await lastRequestSeq();
      const response = await page.goto(path);
      await expectNotFound(response);
      await expect(
        page.getByRole("heading", { name: "Workflow not found", level: 1 }),
      ).toBeVisible();
      await expect(page.getByRole("link", { name: "Back to all workflows" })).toBeVisible();
      // Other tests run alongside: look for any call that carried something other than a clean id.
      const cleanPath = /^\/functions\/v1\/api-gateway\/v1\/workflows(\/[A-Za-z0-9_-]+(\/logs)?)?$/;
      const unclean = (await emulatorRequestsSince(since)).filter(
        (request) =>
          !cleanPath.test(request.path) ||
          /\.\.|%2F|%3C|<|script|%20| /i.test(request.rawUrl.split("?")[0] ?? ""),
      );
      expect(unclean).toEqual([]);
      expect(seen).toEqual([]);
    });
  }

  test("our route handler refuses values our pages never send, without calling LeadLex", async ({
    connectedPage: page,
  }) => {
    // An id of this test's own, so no other test's calls can be counted.
    const since = await lastRequestSeq();
    for (const search of ["status=FAILED", "page=-3", "per_page=1000", "after=yesterday"]) {
      const response = await page.request.get(`/api/workflows/wf_route_check/logs?${search}`);
      expect(response.status(), search).toBe(400);
    }
    expect((await workflowCallsSince(since, "wf_route_check")).logs).toEqual([]);
  });
});
