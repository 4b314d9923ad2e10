/**
 * The expanded row — what happened to one run, with every id one click from the
 * clipboard — opened by mouse and by keyboard, and LeadLex's oddest values rendered as inert text.
 */
import type { Page } from "@playwright/test";
import { expect, expectNoAccessibilityViolations, test } from "../support/fixtures";
import {
  allowClipboard,
  emulatorLogs,
  clickOnceHydrated,
  expectNoHorizontalOverflow,
  failOnDialog,
  readClipboard,
  runDetails,
  runRow,
  runsTable,
  visibleRunIds,
  firstWith,
} from "../support/dashboard";

test.describe("run details", () => {
  test.beforeEach(async ({ context }) => {
    await allowClipboard(context);
  });

  test("a failed run: error code and message, a hint, and copyable ids", async ({
    connectedPage: page,
  }) => {
    const { data } = await emulatorLogs("wf_01HY1", { status: "failed" });
    const run = firstWith(data.logs, (log) => log.error !== null);
    await page.goto("/workflows/wf_01HY1?status=failed");

    // A click anywhere on the row (but its entity link) opens it, and the URL says which run is open.
    await clickOnceHydrated(runRow(page, run.id).getByRole("cell").nth(4));
    const details = runDetails(page, run.id);
    await expect(details).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`[?&]open=${run.id}$`));
    await expect(
      runRow(page, run.id).getByRole("button", { name: `Hide details of run ${run.id}` }),
    ).toHaveAttribute("aria-expanded", "true");

    await expect(
      details.getByRole("definition").filter({ hasText: run.error?.code }),
    ).toBeVisible();
    await expect(details).toContainText(run.error?.message ?? "");
    await expect(details).toContainText("Likely cause:");
    await expect(details).toContainText(`${run.duration_ms} ms`);
    if (run.action_result === null) await expect(details).toContainText("No action result");
    else await expect(details.getByRole("group", { name: "Action result" })).toBeVisible();

    const copies: [string, string][] = [
      ["Copy error code", run.error?.code ?? ""],
      ["Copy error message", run.error?.message ?? ""],
      ["Copy run id", run.id],
      ["Copy entity id", run.entity_id],
      ["Copy workflow id", "wf_01HY1"],
      ["Copy raw timestamp", run.triggered_at],
      [
        "Copy time in UTC",
        `${run.triggered_at.slice(0, 10)} ${run.triggered_at.slice(11, 19)} UTC`,
      ],
    ];
    for (const [label, expected] of copies) {
      const button = details.getByRole("button", { name: label, exact: true });
      await button.click();
      await expect(button).toContainText("Copied");
      expect(await readClipboard(page), label).toBe(expected);
    }
    await expectNoAccessibilityViolations(page);

    // Clicking the row again closes it.
    await runRow(page, run.id).getByRole("cell").nth(4).click();
    await expect(details).toHaveCount(0);
    await expect(page).toHaveURL(/\?status=failed$/);
  });

  test("a skipped run explains its reason in words", async ({ connectedPage: page }) => {
    const { data } = await emulatorLogs("wf_01HY1", { status: "skipped" });
    const run = firstWith(data.logs, (log) => log.skip_reason === "condition_not_met");
    await page.goto(`/workflows/wf_01HY1?status=skipped&open=${run.id}`);

    const details = runDetails(page, run.id);
    await expect(details).toContainText("Skipped");
    await expect(details).toContainText("Condition not met");
    await expect(details).toContainText(
      "The record changed, but not in a way that matches this workflow's trigger condition.",
    );
    await details.getByRole("button", { name: "Copy skip reason code" }).click();
    expect(await readClipboard(page)).toBe("condition_not_met");
  });

  test("a successful run shows its action result as JSON, copyable whole", async ({
    connectedPage: page,
  }) => {
    const { data } = await emulatorLogs("wf_01HY1");
    const run = firstWith(data.logs, (log) => log.status === "success" && !!log.action_result);
    await page.goto(`/workflows/wf_01HY1?open=${run.id}`);

    const details = runDetails(page, run.id);
    await expect(details).toContainText("Action completed");
    const json = details.getByRole("group", { name: "Action result" });
    for (const [key, value] of Object.entries(run.action_result as Record<string, string>)) {
      await expect(json).toContainText(`"${key}": "${value}"`);
    }
    await details.getByRole("button", { name: "Copy JSON" }).click();
    expect(JSON.parse(await readClipboard(page))).toEqual(run.action_result);
    await expectNoAccessibilityViolations(page);
  });

  test("a duration past one second is given in seconds too", async ({ connectedPage: page }) => {
    const { data } = await emulatorLogs("wf_01HY2", { per_page: "100" });
    const run = firstWith(data.logs, (log) => log.duration_ms >= 1000);
    await page.goto(`/workflows/wf_01HY2?per_page=100&open=${run.id}`);

    const seconds = (run.duration_ms / 1000).toFixed(run.duration_ms < 10_000 ? 2 : 1);
    await expect(runDetails(page, run.id)).toContainText(
      `${run.duration_ms.toLocaleString("en-US")} ms (${seconds} s)`,
    );
    await expect(runRow(page, run.id).getByRole("cell").nth(5)).toHaveText(`${seconds} s`);
  });

  test("rows are operable from the keyboard: arrows move between rows, Enter opens one", async ({
    connectedPage: page,
  }) => {
    await page.goto("/workflows/wf_01HY3");
    const [first, second] = await visibleRunIds(page);
    if (!first || !second) throw new Error("expected runs");

    // Tab from the last status chip's group onwards until the first row's button has focus.
    const firstButton = runsTable(page).getByRole("button", {
      name: `Show details of run ${first}`,
    });
    await page.getByRole("button", { name: "Skipped" }).focus();
    for (let step = 0; step < 10; step += 1) {
      if (await firstButton.evaluate((button) => button === document.activeElement)) break;
      await page.keyboard.press("Tab");
    }
    await expect(firstButton).toBeFocused();

    await page.keyboard.press("ArrowDown");
    const secondButton = runsTable(page).getByRole("button", {
      name: `Show details of run ${second}`,
    });
    await expect(secondButton).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(runDetails(page, second)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`\\?open=${second}$`));

    await page.keyboard.press("ArrowUp");
    await page.keyboard.press(" ");
    // Several runs open at once, to compare them; the link lists them in the order opened.
    await expect(runDetails(page, first)).toBeVisible();
    await expect(runDetails(page, second)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`\\?open=${second},${first}$`));
    await page.keyboard.press("Enter");
    await expect(runDetails(page, first)).toHaveCount(0);
    await expect(runDetails(page, second)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`\\?open=${second}$`));
  });

  // wf_fault_hostile's values, one concern per test: each test loads the large page only as often
  // as its own concern needs, so none runs out of time on a busy machine.
  test.describe("hostile values from LeadLex", () => {
    test("markup in names, values and messages is shown as text, never run", async ({
      connectedPage: page,
    }) => {
      const seen = failOnDialog(page);
      const { data } = await emulatorLogs("wf_fault_hostile");
      await page.goto("/workflows/wf_fault_hostile");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        "Notify owner <img src=x onerror=alert(1)> on lost deals 🚀",
      );
      await expect(page.getByText(/svg onload=alert\(1\)/).first()).toBeVisible();
      await expectNoHorizontalOverflow(page);

      const markupRun = firstWith(data.logs, (log) => !!log.error?.message.includes("<script>"));
      await page.goto(`/workflows/wf_fault_hostile?open=${markupRun.id}`);
      await expect(runDetails(page, markupRun.id)).toContainText(
        "<script>alert(1)</script><img src=x onerror=alert(1)>",
      );
      expect(await injectedElements(page)).toBe(0);
      expect(seen.dialogs).toEqual([]);
      await expectNoAccessibilityViolations(page);
    });

    test("direction overrides are shown as markers, not obeyed", async ({
      connectedPage: page,
    }) => {
      const { data } = await emulatorLogs("wf_fault_hostile");
      const unicodeRun = firstWith(data.logs, (log) => log.entity_id.includes("\u202e"));
      await page.goto(`/workflows/wf_fault_hostile?open=${unicodeRun.id}`);
      await expect(runDetails(page, unicodeRun.id)).toContainText("U+202E");
      await expect(runRow(page, unicodeRun.id).getByRole("cell").nth(3)).toContainText(
        "⟨U+202E⟩gnp.exe⟨U+202C⟩",
      );
      await expectNoAccessibilityViolations(page);
    });

    test("an absurd duration (2^31 ms) reads in sensible units, on one line", async ({
      connectedPage: page,
    }) => {
      const { data } = await emulatorLogs("wf_fault_hostile");
      await page.goto("/workflows/wf_fault_hostile");
      const longRun = firstWith(data.logs, (log) => log.duration_ms > 86_400_000);
      await expect(runRow(page, longRun.id).getByRole("cell").nth(5)).toHaveText(/^\d+ d \d\d h$/);
    });

    test("the 200,000-character string is cut, with the way to see it whole", async ({
      connectedPage: page,
    }) => {
      const { data } = await emulatorLogs("wf_fault_hostile");
      const blobRun = firstWith(
        data.logs,
        (log) => JSON.stringify(log.action_result ?? null).length > 100_000,
      );
      await page.goto(`/workflows/wf_fault_hostile?open=${blobRun.id}`);
      const blob = runDetails(page, blobRun.id);
      await expect(
        blob.getByRole("button", { name: /^Show all [\d,]+ characters$/ }),
      ).toBeVisible();
      await expectNoHorizontalOverflow(page);
    });

    test("60 levels of nesting open on request, inside their own scrolling box", async ({
      connectedPage: page,
    }) => {
      const { data } = await emulatorLogs("wf_fault_hostile");
      const deepRun = firstWith(
        data.logs,
        (log) =>
          typeof log.action_result === "object" &&
          !!log.action_result &&
          "child" in log.action_result,
      );
      await page.goto(`/workflows/wf_fault_hostile?open=${deepRun.id}`);
      const deep = runDetails(page, deepRun.id);
      // A click before React hydrates the button does nothing: only the first levels would show.
      await clickOnceHydrated(deep.getByRole("button", { name: /^Expand (all|\d+ levels?)$/ }));
      await expect(deep.getByRole("group", { name: "Action result" })).toContainText('"level": 30');
      await expectNoHorizontalOverflow(page);
    });

    test("every hostile run opens without widening the page", async ({ connectedPage: page }) => {
      // One page load per run of the workflow, each a large page: more than one test's usual time.
      test.slow();
      const seen = failOnDialog(page);
      const { data } = await emulatorLogs("wf_fault_hostile");
      for (const log of data.logs) {
        await page.goto(`/workflows/wf_fault_hostile?open=${log.id}`);
        await expect(runDetails(page, log.id)).toBeVisible();
        await expectNoHorizontalOverflow(page);
        expect(await injectedElements(page), log.id).toBe(0);
      }
      expect(seen.dialogs).toEqual([]);
    });
  });

  test("hostile values stay inside a 375 px wide screen", async ({ connectedPage: page }) => {
    // One page load per run of the workflow, each a large page: more than one test's usual time.
    test.slow();
    const seen = failOnDialog(page);
    await page.setViewportSize({ width: 375, height: 800 });
    const { data } = await emulatorLogs("wf_fault_hostile");
    for (const log of data.logs) {
      await page.goto(`/workflows/wf_fault_hostile?open=${log.id}`);
      await expect(runDetails(page, log.id)).toBeVisible();
      await expectNoHorizontalOverflow(page);
    }
    expect(seen.dialogs).toEqual([]);
  });
});

/** Elements the hostile values would have created, had any markup been run. */
function injectedElements(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      document.querySelectorAll("img[src='x'], [onerror], [onload], svg[onload], main script")
        .length,
  );
}
