/**
 * The "After" filter — calendar with a time of day, presets, clearing, the bound
 * shown as a chip, the local/UTC toggle remembered across reloads — and what LeadLex receives: an
 * ISO 8601 UTC instant. The browser runs in Asia/Kolkata (UTC+05:30, no daylight saving), so local
 * and UTC differ and the expected instant is fixed arithmetic.
 */
import type { Locator, Page } from "@playwright/test";
import { lastRequestSeq } from "../support/emulator-admin";
import { expect, expectNoAccessibilityViolations, test } from "../support/fixtures";
import {
  expectRunsAsAnswered,
  openWithKeyboard,
  queryValue,
  workflowCallsSince,
  openByClick,
} from "../support/dashboard";

test.use({ timezoneId: "Asia/Kolkata" });

const ZONE = "Asia/Kolkata";
/** Chromium's ICU still names the zone by its old spelling. */
const LOCAL_RADIO = /^Local \(Asia\/(Kolkata|Calcutta)\)$/;
const ISO_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** `YYYY-MM-DD` of an instant, as the wall calendar in Kolkata shows it. */
function kolkataDate(epochMs: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(new Date(epochMs));
}

/** A date `days` before today, as the calendar in Kolkata counts days. */
function kolkataDaysAgo(days: number): string {
  const today = kolkataDate(Date.now());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** The calendar's cell for a `YYYY-MM-DD` date. */
function gridCell(page: Page, date: string) {
  return page.getByRole("dialog").locator(`[role="gridcell"][data-day="${date}"]`);
}

/** The button inside a day's cell: what has the keyboard focus and carries "today". */
function dayButton(page: Page, date: string) {
  return gridCell(page, date).getByRole("button");
}

const PRESET_LABELS = ["Last hour", "Last 24 hours", "Last 7 days", "Last 30 days"];

/** Presses Tab until `target` has the focus, at most `limit` times. */
async function tabTo(page: Page, target: Locator, limit = 12): Promise<void> {
  for (let step = 0; step < limit; step += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

/**
 * The picker opens on its first preset; Tab walks the presets in order and then reaches the
 * calendar (its month buttons, then its day).
 */
async function expectPresetsFirst(page: Page, dialog: Locator): Promise<void> {
  const [first = "", ...others] = PRESET_LABELS;
  await expect(dialog.getByRole("button", { name: first })).toBeFocused();
  for (const label of others) {
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: label })).toBeFocused();
  }
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Previous month" })).toBeFocused();
}

test.describe("after filter", () => {
  test("pick a day and a time with the keyboard; LeadLex gets the instant in UTC", async ({
    connectedPage: page,
  }) => {
    await page.goto("/workflows/wf_01HY8");
    const trigger = page.getByRole("button", { name: "After: any time" });
    const dialog = page.getByRole("dialog", { name: "Show runs triggered after" });
    await openWithKeyboard(page, trigger, dialog);
    await expectPresetsFirst(page, dialog);

    // The calendar comes next, on today; arrows move by a day and by a week.
    const today = kolkataDaysAgo(0);
    await tabTo(page, dayButton(page, today), 3);
    await expect(dayButton(page, today)).toHaveAttribute("aria-current", "date");
    await expectNoAccessibilityViolations(page);
    await page.keyboard.press("ArrowLeft");
    await expect(dayButton(page, kolkataDaysAgo(1))).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(dayButton(page, kolkataDaysAgo(8))).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowLeft");
    const chosen = kolkataDaysAgo(2);
    await expect(dayButton(page, chosen)).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(gridCell(page, chosen)).toHaveAttribute("aria-selected", "true");

    // The time of day next, typed into its fields (hours, then minutes) without the mouse.
    await page.keyboard.press("Tab");
    await expect(dialog.getByLabel("Time of day")).toBeFocused();
    await page.keyboard.type("0930");
    const expectedAfter = `${chosen}T04:00:00Z`;
    await expect(dialog.getByLabel("Time of day")).toHaveValue("09:30");
    await expect(dialog).toContainText(`= ${chosen} 04:00:00 UTC`);

    const since = await lastRequestSeq();
    await tabTo(page, dialog.getByRole("button", { name: "Apply" }));
    await page.keyboard.press("Enter");
    await expect(dialog).toHaveCount(0);
    await expect(page).toHaveURL(`/workflows/wf_01HY8?after=${expectedAfter}`);

    // The bound is a chip in local time, with a way to clear it; focus is back on the filter.
    const [year, month, day] = chosen.split("-").map(Number);
    const monthName = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, 1)).toLocaleString("en-US", {
      month: "short",
      timeZone: "UTC",
    });
    const chip = page.getByRole("button", {
      name: `After ${day} ${monthName} ${year}, 09:30 UTC+05:30`,
    });
    await expect(chip).toBeVisible();
    await expect(chip).toBeFocused();
    await expectRunsAsAnswered(page, since, "wf_01HY8", { after: expectedAfter });

    // Page 1 with that bound (and page 2 fetched ahead, with the same bound).
    const calls = await workflowCallsSince(since, "wf_01HY8");
    expect(calls.logs.length).toBeGreaterThanOrEqual(1);
    for (const call of calls.logs) expect(queryValue(call, "after")).toBe(expectedAfter);
    expect(calls.logs.filter((call) => (queryValue(call, "page") ?? "1") === "1")).toHaveLength(1);
  });

  test("presets set a bound from now, and both clear controls remove it", async ({
    connectedPage: page,
  }) => {
    await page.goto("/workflows/wf_01HYA");
    const since = await lastRequestSeq();
    await openByClick(
      page.getByRole("button", { name: "After: any time" }),
      page.getByRole("dialog", { name: "Show runs triggered after" }),
    );
    const dialog = page.getByRole("dialog", { name: "Show runs triggered after" });
    for (const label of ["Last hour", "Last 24 hours", "Last 7 days", "Last 30 days"]) {
      await expect(dialog.getByRole("button", { name: label })).toBeVisible();
    }
    const clicked = Date.now();
    await dialog.getByRole("button", { name: "Last 7 days" }).click();
    await expect(dialog).toHaveCount(0);
    // The link keeps the window; LeadLex gets the instant it names, from the start of the minute.
    await expect(page).toHaveURL(/\?after=-7d$/);
    let sent = "";
    await expect
      .poll(async () => {
        const calls = await workflowCallsSince(since, "wf_01HYA");
        sent = calls.logs.map((call) => queryValue(call, "after")).find(Boolean) ?? "";
        return sent;
      })
      .toMatch(ISO_SECONDS);
    expect(Math.abs(Date.parse(sent) - (clicked - 7 * 86_400_000))).toBeLessThanOrEqual(120_000);
    await expect(page.getByRole("button", { name: "In the last 7 days" })).toBeVisible();

    await page.getByRole("button", { name: "Clear the after filter" }).click();
    await expect(page).toHaveURL(/\/workflows\/wf_01HYA$/);
    await expect(page.getByRole("button", { name: "After: any time" })).toBeFocused();

    // The picker's own Clear button.
    await openByClick(
      page.getByRole("button", { name: "After: any time" }),
      page.getByRole("dialog", { name: "Show runs triggered after" }),
    );
    await dialog.getByRole("button", { name: "Last hour" }).click();
    await expect(page).toHaveURL(/\?after=-1h$/);
    await page.getByRole("button", { name: "In the last hour" }).click();
    await expect(dialog.getByRole("button", { name: "Last hour" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await dialog.getByRole("button", { name: "Clear" }).click();
    await expect(page).toHaveURL(/\/workflows\/wf_01HYA$/);
  });

  test("Tab walks the presets first, and Enter applies one that stays rolling in the link", async ({
    connectedPage: page,
  }) => {
    await page.goto("/workflows/wf_01HY2");
    const trigger = page.getByRole("button", { name: "After: any time" });
    const dialog = page.getByRole("dialog", { name: "Show runs triggered after" });
    await openWithKeyboard(page, trigger, dialog);
    await expectPresetsFirst(page, dialog);
    // Back to "Last 24 hours" with Shift+Tab, and Enter applies it.
    for (let step = 0; step < 3; step += 1) await page.keyboard.press("Shift+Tab");
    await expect(dialog.getByRole("button", { name: "Last 24 hours" })).toBeFocused();
    const since = await lastRequestSeq();
    const pressed = Date.now();
    await page.keyboard.press("Enter");
    await expect(dialog).toHaveCount(0);
    await expect(page).toHaveURL(/\/workflows\/wf_01HY2\?after=-24h$/);
    await expect(page.getByRole("button", { name: "In the last 24 hours" })).toBeFocused();

    // LeadLex got the instant 24 hours back, and the rows are its answer to that call.
    let sent = "";
    await expect
      .poll(async () => {
        const calls = await workflowCallsSince(since, "wf_01HY2");
        sent = calls.logs.map((call) => queryValue(call, "after")).find(Boolean) ?? "";
        return sent;
      })
      .toMatch(ISO_SECONDS);
    expect(Math.abs(Date.parse(sent) - (pressed - 86_400_000))).toBeLessThanOrEqual(120_000);
    const { data } = await expectRunsAsAnswered(page, since, "wf_01HY2", { after: sent });
    for (const run of data.logs) {
      expect(Date.parse(run.triggered_at)).toBeGreaterThanOrEqual(Date.parse(sent));
    }
  });

  test("Escape closes the picker without changing anything and gives focus back", async ({
    connectedPage: page,
  }) => {
    await page.goto("/workflows/wf_01HY1?status=failed");
    const trigger = page.getByRole("button", { name: "After: any time" });
    const dialog = page.getByRole("dialog", { name: "Show runs triggered after" });
    await openByClick(trigger, dialog);
    // A day changed in the calendar, then Escape: nothing applied.
    await tabTo(page, dialog.locator('[role="gridcell"] button[tabindex="0"]'));
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    await expect(dialog.locator('[role="gridcell"][aria-selected="true"]')).toHaveCount(1);
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(trigger).toBeFocused();
    await expect(page).toHaveURL(/\?status=failed$/);
  });

  test("the local/UTC choice is remembered across reloads and applies to every time shown", async ({
    connectedPage: page,
  }) => {
    const after = "2026-04-17T09:31:00Z";
    await page.goto(`/workflows/wf_01HY1?after=${after}`);
    const zone = page.getByRole("radiogroup", { name: "Time zone" }).first();
    await expect(zone.getByRole("radio", { name: LOCAL_RADIO })).toHaveAttribute(
      "aria-checked",
      "true",
    );
    await expect(
      page.getByRole("button", { name: "After 17 Apr 2026, 15:01 UTC+05:30" }),
    ).toBeVisible();

    await zone.getByRole("radio", { name: "UTC", exact: true }).click();
    await expect(page.getByRole("button", { name: "After 17 Apr 2026, 09:31 UTC" })).toBeVisible();
    const firstTime = page.getByRole("table").locator("time").first();
    await expect(firstTime).toHaveAttribute("title", /UTC$/);

    await page.reload();
    await expect(zone.getByRole("radio", { name: "UTC", exact: true })).toHaveAttribute(
      "aria-checked",
      "true",
    );
    await expect(page.getByRole("button", { name: "After 17 Apr 2026, 09:31 UTC" })).toBeVisible();

    // The toggle is a radio group: arrows move the choice.
    await zone.getByRole("radio", { name: "UTC", exact: true }).focus();
    await page.keyboard.press("ArrowLeft");
    await expect(zone.getByRole("radio", { name: LOCAL_RADIO })).toHaveAttribute(
      "aria-checked",
      "true",
    );
    await page.reload();
    await expect(zone.getByRole("radio", { name: LOCAL_RADIO })).toHaveAttribute(
      "aria-checked",
      "true",
    );
    // Showing times differently never changes the filter.
    await expect(page).toHaveURL(`/workflows/wf_01HY1?after=${after}`);
  });
});
