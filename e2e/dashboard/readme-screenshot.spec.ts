/**
 * The README's screenshots, desktop 1280×800, light theme: the runs view (wf_01HY1 filtered to
 * failed runs with one run open), `/runs` as it opens (failed runs of the last 24 hours), one
 * record's history, Live with its new-runs banner, the export panel, the workspace switcher, and
 * `/runs` on a 390 px phone. Not part of ordinary runs (they rewrite
 * committed images: see `testIgnore` in playwright.config.ts); refresh them with
 *
 *   README_SCREENSHOT=1 npx playwright test --grep @readme-screenshot
 */
import { demoKeys, expect, test } from "../support/fixtures";
import { burstRuns, emulatorLogs, runDetails, runRow, runsTable } from "../support/dashboard";

test.use({ colorScheme: "light", timezoneId: "UTC", viewport: { width: 1280, height: 800 } });

test("runs view for the README @readme-screenshot", async ({ connectedPage: page }) => {
  const { data } = await emulatorLogs("wf_01HY1", { status: "failed" });
  const run = data.logs[0];
  if (!run) throw new Error("no failed run to open");

  await page.goto("/workflows/wf_01HY1?status=failed");
  await runRow(page, run.id)
    .getByRole("button", { name: /details of run/ })
    .click();
  await expect(runDetails(page, run.id)).toBeVisible();
  await page.mouse.move(0, 0);
  // The header, the filters and the open run together in one desktop screen.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "docs/screenshots/runs-view.png" });
});

test("runs across all workflows for the README @readme-screenshot", async ({
  connectedPage: page,
}) => {
  await page.goto("/runs");
  await expect(runsTable(page)).toBeVisible();
  await expect(page.getByTestId("runs-over-time")).toBeVisible();
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "docs/screenshots/runs-across.png" });
});

test("a record's history for the README @readme-screenshot", async ({ connectedPage: page }) => {
  const { data } = await emulatorLogs("wf_01HY1", { status: "failed" });
  const run = data.logs[0];
  if (!run) throw new Error("no failed run whose record to show");

  await page.goto(`/records/${run.entity_id}`);
  await expect(runRow(page, run.id)).toBeVisible();
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "docs/screenshots/record-history.png" });
});

test("Live and its new-runs banner for the README @readme-screenshot", async ({
  connectedPage: page,
}) => {
  await page.goto("/workflows/wf_01HY1?live=1");
  await expect(runsTable(page)).toBeVisible();
  await burstRuns("wf_01HY1", [{ status: "failed", count: 2, duration_ms: 0 }]);
  await expect(page.getByRole("button", { name: /new runs?$/ })).toBeVisible();
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "docs/screenshots/live.png" });
});

test("the export panel for the README @readme-screenshot", async ({ connectedPage: page }) => {
  await page.goto("/workflows/wf_01HY1?status=failed");
  await expect(runsTable(page)).toBeVisible();
  await page.getByRole("button", { name: "Export…" }).click();
  await expect(page.getByRole("region", { name: "Export runs" })).toBeVisible();
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "docs/screenshots/export.png" });
});

test("the workspace switcher for the README @readme-screenshot", async ({ page }) => {
  for (const [label, key] of [
    ["Acme", demoKeys.org_full],
    ["Globex", demoKeys.other_workspace],
  ] as const) {
    await page.goto("/connect");
    await page.getByLabel("Workspace name").fill(label);
    await page.getByLabel("API key", { exact: true }).fill(key);
    await page.getByRole("button", { name: /^(Connect|Add workspace)$/ }).click();
    await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
  }
  await page.locator("summary", { hasText: "Workspace:" }).click();
  await expect(page.getByRole("button", { name: "Switch to Acme" })).toBeVisible();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: "docs/screenshots/workspace-switcher.png" });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the two-line rows of /runs for the README @readme-screenshot", async ({
    connectedPage: page,
  }) => {
    await page.goto("/runs?status=all");
    const rows = page
      .getByRole("table", { name: /runs of workflows/ })
      .locator("tbody tr[data-row]");
    await expect(rows.first()).toBeVisible();
    // The rows only, from the first: what the phone layout is about.
    await rows.first().scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      const top = document.querySelector("tbody tr[data-row]")?.getBoundingClientRect().top ?? 0;
      window.scrollBy(0, top - 8);
    });
    await page.screenshot({ path: "docs/screenshots/runs-phone.png" });
  });
});
