/**
 * The whole journey by keyboard alone; every view from a 375 px phone to a wide
 * screen without sideways scrolling; and the dark theme passing axe in every state, as the light
 * one does in the other specs.
 */
import type { Page } from "@playwright/test";
import {
  connectWithKey,
  demoKeys,
  expect,
  expectNoAccessibilityViolations,
  test,
} from "../support/fixtures";
import {
  emulatorLogs,
  expectNoHorizontalOverflow,
  expectRunsAsAnswered,
  openWithKeyboard,
  runDetails,
  runsTable,
  useSessionWithKey,
  openByClick,
} from "../support/dashboard";
import { lastRequestSeq } from "../support/emulator-admin";

/** Presses Tab until `target` has focus (at most `limit` times), as a keyboard user would. */
async function tabTo(page: Page, target: ReturnType<Page["getByRole"]>, limit = 60) {
  for (let step = 0; step < limit; step += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

/** Every view a user meets, each ready to be checked once `open` resolves. */
const views: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: "workflow list",
    open: async (page) => {
      await page.goto("/");
      await expect(page.getByRole("table", { name: /^Workflows, with their state/ })).toBeVisible();
    },
  },
  {
    name: "runs",
    open: async (page) => {
      await page.goto("/workflows/wf_01HY1?status=failed");
      await expect(runsTable(page)).toBeVisible();
    },
  },
  {
    name: "expanded run",
    open: async (page) => {
      const { data } = await emulatorLogs("wf_01HY1", { status: "failed" });
      const id = data.logs[0]?.id ?? "";
      await page.goto(`/workflows/wf_01HY1?status=failed&open=${id}`);
      await expect(runDetails(page, id)).toBeVisible();
    },
  },
  {
    name: "after picker open",
    open: async (page) => {
      await page.goto("/workflows/wf_01HY1");
      await openByClick(
        page.getByRole("button", { name: "After: any time" }),
        page.getByRole("dialog", { name: "Show runs triggered after" }),
      );
      await expect(page.getByRole("dialog", { name: "Show runs triggered after" })).toBeVisible();
    },
  },
  {
    name: "empty result",
    open: async (page) => {
      await page.goto("/workflows/wf_01HY7");
      await expect(page.getByRole("heading", { name: "No runs yet" })).toBeVisible();
    },
  },
  {
    name: "upstream failure",
    open: async (page) => {
      await page.goto("/workflows/wf_fault_500");
      await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
    },
  },
  {
    name: "workflow not found",
    open: async (page) => {
      await page.goto("/workflows/wf_does_not_exist");
      await expect(page.getByRole("heading", { name: "Workflow not found" })).toBeVisible();
    },
  },
  {
    name: "repaired link",
    open: async (page) => {
      await page.goto("/workflows/wf_01HY1?status=nope&page=x");
      await expect(page.getByText("This link had values Runboard could not use")).toBeVisible();
    },
  },
];

test.describe("keyboard only", () => {
  test("from the list to a run's details, a filter chip and the picker, without a mouse", async ({
    connectedPage: page,
  }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();

    await tabTo(page, page.getByRole("link", { name: "Notify owner on lost deals", exact: true }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/workflows\/wf_01HY1$/);
    await expect(runsTable(page)).toBeVisible();

    const since = await lastRequestSeq();
    const chip = page.getByRole("button", { name: "Failed" });
    await tabTo(page, chip);
    await page.keyboard.press("Enter");
    await expect(chip).toHaveAttribute("aria-pressed", "true");
    await expect(page).toHaveURL(/\?status=failed$/);
    const failed = await expectRunsAsAnswered(page, since, "wf_01HY1", { status: "failed" });

    const first = failed.data.logs[0]?.id ?? "";
    await tabTo(page, page.getByRole("button", { name: `Show details of run ${first}` }));
    await page.keyboard.press("Enter");
    await expect(runDetails(page, first)).toBeVisible();
    // Inside the panel, the copy buttons come next in the tab order.
    await tabTo(page, runDetails(page, first).getByRole("button", { name: "Copy error code" }), 5);

    // The picker: open with Enter (on its presets), Tab to the calendar, move with arrows, choose
    // with Enter, apply from the keyboard.
    const trigger = page.getByRole("button", { name: "After: any time" });
    const dialog = page.getByRole("dialog", { name: "Show runs triggered after" });
    await openWithKeyboard(page, trigger, dialog);
    await expect(dialog.getByRole("button", { name: "Last hour" })).toBeFocused();
    await tabTo(page, dialog.locator('[role="gridcell"] button[tabindex="0"]'), 8);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    await expect(
      dialog.locator('[role="gridcell"][aria-selected="true"]').getByRole("button"),
    ).toBeFocused();
    await tabTo(page, dialog.getByRole("button", { name: "Apply" }), 10);
    await page.keyboard.press("Enter");
    await expect(dialog).toHaveCount(0);
    await expect(page).toHaveURL(/\?status=failed&after=\d{4}-\d\d-\d\dT00:00:00Z$/);
  });
});

test.describe("responsive", () => {
  for (const width of [375, 768]) {
    for (const view of views) {
      test(`${view.name} at ${width} px: no sideways scrolling`, async ({
        connectedPage: page,
      }) => {
        await page.setViewportSize({ width, height: 800 });
        await view.open(page);
        await expectNoHorizontalOverflow(page);
      });
    }
  }

  test("connect page at 375 px", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 700 });
    await page.goto("/connect");
    await expect(page.getByLabel("API key", { exact: true })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expectNoAccessibilityViolations(page);
  });

  test("wide screen: the runs view with a run open stays within 1920 px", async ({
    connectedPage: page,
  }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await views[2]?.open(page);
    await expectNoHorizontalOverflow(page);
  });

  test("at 375 px the table fits without its own sideways scroll, details included", async ({
    connectedPage: page,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await views[2]?.open(page);
    const tableBox = runsTable(page).locator("xpath=..");
    await expect
      .poll(() => tableBox.evaluate((box) => box.scrollWidth - box.clientWidth))
      .toBeLessThanOrEqual(0);
    const headers = runsTable(page).getByRole("columnheader");
    await expect(headers.filter({ hasText: "Triggered" })).toHaveCount(1);
    // Failed runs only: every row would say so, so there is no Status column at any width.
    await expect(headers.filter({ hasText: "Status" })).toHaveCount(0);
    // Two-line rows there (`phone-rows.spec.ts`): each shows its entity, a link to its record.
    await expect(
      runsTable(page).locator("tbody tr[data-row]").first().locator('a[href^="/records/"]'),
    ).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });
});

test.describe("dark theme", () => {
  test.use({ colorScheme: "dark" });

  for (const view of views) {
    test(`${view.name} passes axe in the dark theme`, async ({ connectedPage: page }) => {
      await view.open(page);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).not.toBe("rgb(255, 255, 255)");
      await expectNoAccessibilityViolations(page);
    });
  }

  test("connect page and an expired key pass axe in the dark theme", async ({ page, context }) => {
    await page.goto("/connect");
    await expectNoAccessibilityViolations(page);
    await connectWithKey(page, demoKeys.expired);
    await expect(page.getByRole("alert").filter({ hasText: /expired/ })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await useSessionWithKey(context, demoKeys.expired);
    await page.goto("/workflows/wf_01HY1");
    await expect(page.getByRole("link", { name: "Reconnect" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });
});
