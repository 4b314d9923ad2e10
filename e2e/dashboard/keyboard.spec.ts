/**
 * The keyboard shortcuts: j/k and the arrows move between runs, Enter opens one, `/` goes to
 * search, `?` lists the shortcuts; none fires while a person types in a field. The runs table is
 * one tab stop, at the row last visited.
 */
import type { Page } from "@playwright/test";
import { expect, expectNoAccessibilityViolations, test } from "../support/fixtures";
import { emulatorLogs, runDetails, runsTable, visibleRunIds } from "../support/dashboard";

function detailsButton(page: Page, runId: string) {
  return page.getByRole("button", { name: new RegExp(`details of run ${runId}$`) });
}

/** `?` opens the sheet once the page has hydrated; pressed before that, it does nothing. */
async function openShortcutsSheet(page: Page) {
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(async () => {
    await page.keyboard.press("?");
    await expect(sheet).toBeVisible({ timeout: 1_000 });
  }).toPass();
  return sheet;
}

test.describe("keyboard", () => {
  test("j and k move between runs, Enter opens one, and Tab leaves the table", async ({
    connectedPage: page,
  }) => {
    // The auto-disabled workflow gains no runs: the rows hold still under the keys.
    await page.goto("/workflows/wf_01HY6");
    const ids = await visibleRunIds(page);
    const { data } = await emulatorLogs("wf_01HY6", { per_page: "25" });
    expect(ids).toEqual(data.logs.map((run) => run.id));
    const [first = "", second = "", third = ""] = ids;

    const sheet = await openShortcutsSheet(page);
    await expect(sheet).toContainText("next run");
    await expectNoAccessibilityViolations(page);
    await page.keyboard.press("Escape");
    await expect(sheet).toHaveCount(0);

    await page.keyboard.press("j");
    await expect(detailsButton(page, first)).toBeFocused();
    await page.keyboard.press("j");
    await page.keyboard.press("ArrowDown");
    await expect(detailsButton(page, third)).toBeFocused();
    await page.keyboard.press("k");
    await expect(detailsButton(page, second)).toBeFocused();
    // One tab stop: from the row's own controls, Tab goes past every other row and out.
    await detailsButton(page, second).focus();
    const rowsTabbedThrough: (string | null)[] = [];
    for (let press = 0; press < 5; press++) {
      await page.keyboard.press("Tab");
      const row = await page.evaluate(
        () =>
          document.activeElement?.closest("tr[data-row]")?.querySelector("button")?.ariaLabel ??
          null,
      );
      if (row === null) break;
      rowsTabbedThrough.push(row);
    }
    expect(rowsTabbedThrough.length).toBeLessThan(5);
    for (const row of rowsTabbedThrough) expect(row).toContain(second);
    await expect(runsTable(page).locator(":focus")).toHaveCount(0);

    await detailsButton(page, second).focus();
    await page.keyboard.press("Enter");
    await expect(runDetails(page, second)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`[?&]open=${second}$`));
  });

  test("/ goes to search, and shortcuts wait while a person types", async ({
    connectedPage: page,
  }) => {
    await page.goto("/workflows/wf_01HY6");
    const sheet = await openShortcutsSheet(page);
    await page.keyboard.press("Escape");
    await expect(sheet).toHaveCount(0);

    await page.keyboard.press("/");
    const search = page.getByRole("searchbox", { name: /record/i });
    await expect(search).toBeFocused();
    await page.keyboard.type("jk/?");
    await expect(search).toHaveValue("jk/?");
    await expect(sheet).toHaveCount(0);

    // On the list, `/` is for its own search of workflows.
    await page.goto("/");
    await openShortcutsSheet(page);
    await page.keyboard.press("Escape");
    await page.keyboard.press("/");
    await expect(page.getByRole("searchbox", { name: "Search workflows by name" })).toBeFocused();
  });
});
