/**
 * The run lists on a phone (390×844 and 375×667): each run is a two-line row with what triage
 * needs, its time and status, then its entity (a link to its record) and the reason; the page
 * never scrolls sideways, the workflow's name in a row sits on one line, and a run still opens.
 * Every row is compared with the run as the emulator gives it.
 */
import type { Locator, Page } from "@playwright/test";
import type { LogEntry, WorkflowDetailBody } from "../../emulator/wire-types";
import { lastRequestSeq } from "../support/emulator-admin";
import { expect, expectNoAccessibilityViolations, test } from "../support/fixtures";
import {
  emulatorGet,
  emulatorRunsAfter,
  expectedCellTime,
  expectNoHorizontalOverflow,
  expectedReason,
  expectRunsAsAnswered,
  runDetails,
  runRow,
  runsTable,
  visibleRunIds,
} from "../support/dashboard";

// A cold `/runs` syncs its workflows first, and each test reads every row of two views: a hang
// guard on a shared 2-core machine, not a speed claim.
test.describe.configure({ timeout: 120_000 });
test.use({ timezoneId: "UTC", isMobile: true, hasTouch: true });

const PHONES = [
  { width: 390, height: 844 },
  { width: 375, height: 667 },
];

/** The tops of the row's visible cells (the open button aside), as distinct lines on screen. */
function linesOf(row: Locator): Promise<number[]> {
  return row.evaluate((element) => {
    const tops: number[] = [];
    for (const cell of element.querySelectorAll("td")) {
      const box = cell.getBoundingClientRect();
      if (box.width === 0 || cell.querySelector("button[aria-expanded]")) continue;
      if (!tops.some((top) => Math.abs(top - box.top) < 6)) tops.push(box.top);
    }
    return tops.sort((a, b) => a - b);
  });
}

/** True when the element is less than two of its lines tall: its words never wrapped. */
function onOneLine(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const lineHeight = parseFloat(getComputedStyle(element).lineHeight);
    return element.getBoundingClientRect().height < 2 * lineHeight;
  });
}

/** The element's text as drawn: parts kept for screen readers only (a 1 px box) left out. */
function drawnText(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let text = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if ((node.parentElement?.getBoundingClientRect().width ?? 0) > 1) text += node.textContent;
    }
    return text.replace(/\s+/g, " ").trim();
  });
}

/** True when the element lies inside the window, left to right. */
function insideWindow(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.left >= 0 && box.right <= document.documentElement.clientWidth;
  });
}

/**
 * One run's row as a phone shows it: line 1 its time (and status, where the table has a Status
 * column; and its workflow, on one line), line 2 its entity, linking to the record, and reason.
 */
async function expectPhoneRow(
  page: Page,
  run: LogEntry,
  { status, workflowName }: { status: boolean; workflowName?: string },
): Promise<void> {
  const row = runRow(page, run.id);
  const time = row.locator("time > span").first();
  await expect(time).toHaveText(expectedCellTime(run.triggered_at, "UTC"));
  const label = { success: "Success", failed: "Failed", skipped: "Skipped" }[run.status];
  const badge = row.locator(".status-badge");
  if (status) {
    await expect(badge).toHaveText(label);
    await expect(badge).toBeVisible();
    expect(await onOneLine(badge), `status of ${run.id} on one line`).toBe(true);
  } else {
    await expect(badge).toHaveCount(0);
  }
  if (workflowName) {
    const workflow = row.getByRole("link", { name: workflowName });
    await expect(workflow).toBeVisible();
    expect(await onOneLine(workflow), `workflow of ${run.id} on one line`).toBe(true);
  }

  // The entity: whole for screen readers and the link, drawn shortened when long.
  const entity = row.getByRole("link", { name: run.entity_id });
  await expect(entity).toBeVisible();
  await expect(entity).toHaveAttribute("href", `/records/${encodeURIComponent(run.entity_id)}`);
  const reason = row.getByRole("cell").filter({ hasText: expectedReason(run) });
  await expect(reason).toHaveText(expectedReason(run));
  await expect(reason).toBeVisible();
  if (run.error ?? run.skip_reason) {
    await expect(reason.locator("bdi").first()).toBeVisible();
  }
  for (const part of [time, entity, reason]) expect(await insideWindow(part)).toBe(true);

  const [first, second, ...more] = await linesOf(row);
  expect(more, `row of ${run.id} in two lines`).toEqual([]);
  const [entityBox, reasonBox, timeBox] = await Promise.all([
    entity.boundingBox(),
    reason.boundingBox(),
    time.boundingBox(),
  ]);
  expect(timeBox && first !== undefined && timeBox.y >= first - 6).toBe(true);
  expect(second, `row of ${run.id} has a second line`).toBeDefined();
  expect(Math.abs((entityBox?.y ?? 0) - (reasonBox?.y ?? 100))).toBeLessThan(8);
  expect(entityBox?.y ?? 0).toBeGreaterThan((timeBox?.y ?? 0) + 8);
}

/** Nothing sideways: not the page, and not the table inside its frame. */
async function expectNothingOverflows(page: Page): Promise<void> {
  await expectNoHorizontalOverflow(page);
  const frame = runsTable(page).locator("xpath=..");
  expect(await frame.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
}

/** Opens the first run shown and checks its details say what the emulator has for it. */
async function expectRunOpens(page: Page, run: LogEntry): Promise<void> {
  await page.getByRole("button", { name: `Show details of run ${run.id}` }).click();
  const details = runDetails(page, run.id);
  await expect(details).toBeVisible();
  await expect(details).toContainText(run.entity_id);
  if (run.error) await expect(details).toContainText(run.error.code);
  await expectNothingOverflows(page);
}

for (const viewport of PHONES) {
  test.describe(`on a ${viewport.width}×${viewport.height} phone`, () => {
    test.use({ viewport });

    test("a workflow's runs: time and status, then entity and reason, in two lines", async ({
      connectedPage: page,
    }) => {
      const since = await lastRequestSeq();
      await page.goto("/workflows/wf_01HY1");
      const { data } = await expectRunsAsAnswered(page, since, "wf_01HY1");
      expect(data.logs.length).toBeGreaterThan(0);
      for (const run of data.logs) await expectPhoneRow(page, run, { status: true });
      await expect(runsTable(page).getByRole("cell").filter({ hasText: / ms$/ })).toHaveCount(0);
      await expectNothingOverflows(page);
      await expectNoAccessibilityViolations(page);
      const [first] = data.logs;
      if (first) await expectRunOpens(page, first);
    });

    test("/runs and a record's runs: the workflow on the first line, whole words only", async ({
      connectedPage: page,
    }) => {
      test.slow();
      const { data: workflow } = await emulatorGet<WorkflowDetailBody>("/v1/workflows/wf_01HY1");
      await page.goto("/runs?workflow=wf_01HY1&status=all");
      const ids = await visibleRunIds(page);
      expect(ids.length, "runs of wf_01HY1 in the last 24 hours").toBeGreaterThan(0);
      // Listed after the page was served, the emulator's runs include every run on it.
      const dayAgo = new Date(Date.now() - 25 * 3_600_000).toISOString().slice(0, 19) + "Z";
      const byId = new Map(
        (await emulatorRunsAfter("wf_01HY1", dayAgo)).map((run) => [run.id, run]),
      );
      const shown = ids.map((id) => {
        const run = byId.get(id);
        if (!run) throw new Error(`run ${id} is not in the emulator's list`);
        return run;
      });
      for (const run of shown) {
        await expectPhoneRow(page, run, { status: true, workflowName: workflow.name });
      }
      await expectNothingOverflows(page);
      await expectNoAccessibilityViolations(page);

      // Failed only (the default): the Status column goes, the time keeps its age beside it.
      await page.goto("/runs?workflow=wf_01HY1");
      const failedIds = await visibleRunIds(page);
      const failed = failedIds.map((id) => byId.get(id)).filter((run) => run !== undefined);
      for (const run of failed.slice(0, 5)) {
        await expectPhoneRow(page, run, { status: false, workflowName: workflow.name });
        await expect(runRow(page, run.id).locator("time > span").nth(1)).toBeVisible();
      }
      await expectNothingOverflows(page);

      const [run] = shown;
      if (!run) throw new Error("expected a run");
      await page.goto(`/records/${run.entity_id}`);
      await expect.poll(() => visibleRunIds(page)).toContain(run.id);
      await expectPhoneRow(page, run, { status: true, workflowName: workflow.name });
      await expectNothingOverflows(page);
      await expectNoAccessibilityViolations(page);
      await expectRunOpens(page, run);
    });

    test("the headers fold: the quota is one short figure, the page descriptions go", async ({
      connectedPage: page,
    }) => {
      await page.goto("/workflows/wf_01HY1");
      await expect(runsTable(page)).toBeVisible();
      const quota = page.getByRole("banner").getByText(/calls left/);
      await expect(quota).toHaveText(/^API quota today: [\d,]+ of 10,000,000 calls left/);
      expect(await drawnText(quota)).toMatch(/^[\d,]+ calls left$/);
      expect(((await quota.boundingBox())?.height ?? Infinity) < 40).toBe(true);

      await page.goto("/runs?workflow=wf_01HY1");
      await expect(runsTable(page)).toBeVisible();
      await expect(page.getByText(/^Every workflow's runs in one list/)).toBeHidden();
      await expectNothingOverflows(page);
    });
  });
}
