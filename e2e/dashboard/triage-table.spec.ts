/**
 * A table for triage at 1440×900, in all three run lists (a workflow's runs, `/runs`, a record's
 * runs): entity ids whole and their type not printed twice, the error message after its code, and
 * no Status column while exactly one status is selected; action results in words beside the raw
 * JSON; a compact header over a workflow's runs, with the quota in the app header. Every value is
 * compared with the run or workflow as the emulator gives it.
 */
import type { Locator, Page } from "@playwright/test";
import type { LogEntry, WorkflowDetailBody } from "../../emulator/wire-types";
import { lastRequestSeq } from "../support/emulator-admin";
import { expect, expectNoAccessibilityViolations, test } from "../support/fixtures";
import {
  emulatorGet,
  emulatorLogs,
  emulatorRunsAfter,
  firstWith,
  expectNoHorizontalOverflow,
  expectedReason,
  expectRunsAsAnswered,
  runDetails,
  runRow,
  runsTable,
  visibleRunIds,
} from "../support/dashboard";

// Each test loads two or three views and reads every row; a cold `/runs` syncs its workflows
// first. On a shared 2-core machine that has taken past the default limit: a hang guard only.
test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1440, height: 900 } });

/** The cell of one run's row under the column headed `header`. */
async function cellUnder(page: Page, runId: string, header: string): Promise<Locator> {
  const headers = await runsTable(page).getByRole("columnheader").allTextContents();
  const index = headers.findIndex((text) => text.startsWith(header));
  if (index < 0) throw new Error(`no column headed ${header}: ${headers.join(", ")}`);
  return runRow(page, runId).getByRole("cell").nth(index);
}

/** True when some word of the element's own text is split over two lines. */
function splitsAWord(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const text = element.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) throw new Error("expected a text node");
    for (const match of (text.textContent ?? "").matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(text, match.index);
      range.setEnd(text, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      if (lines.size > 1) return true;
    }
    return false;
  });
}

/** Rows whose whole height is inside the window, as a person sees them without scrolling. */
function rowsFullyVisible(page: Page): Promise<number> {
  return runsTable(page)
    .locator("tbody tr[data-row]")
    .evaluateAll(
      (rows) =>
        rows.filter((row) => {
          const box = row.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }).length,
    );
}

/** True when the element's text does not fit it (cut with an ellipsis). */
function isCut(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element.scrollWidth > element.clientWidth);
}

/** What the Entity cell reads: the id alone when it starts with its type, as `deal_01…` does. */
function expectedEntity(run: LogEntry): string {
  return run.entity_id.startsWith(`${run.entity_type}_`)
    ? run.entity_id
    : `${run.entity_type} ${run.entity_id}`;
}

/** Checks each listed run's Entity and reason cells; returns how many entity ids were cut. */
async function expectEntityAndReason(page: Page, runs: readonly LogEntry[]): Promise<number> {
  let cut = 0;
  for (const run of runs) {
    const entity = await cellUnder(page, run.id, "Entity");
    await expect(entity).toHaveText(expectedEntity(run));
    if (await isCut(entity.locator("span").first())) cut += 1;
    await expect(await cellUnder(page, run.id, "Error or skip reason")).toHaveText(
      expectedReason(run),
    );
  }
  return cut;
}

test("a workflow's failed runs: ids whole, type once, message after code, no Status column", async ({
  connectedPage: page,
}) => {
  const since = await lastRequestSeq();
  await page.goto("/workflows/wf_01HY1?status=failed&per_page=100");
  const { data } = await expectRunsAsAnswered(page, since, "wf_01HY1", {
    status: "failed",
    perPage: 100,
  });
  const headers = runsTable(page).getByRole("columnheader");
  await expect(headers).toHaveText([
    "Details",
    "Triggered (UTC)",
    "Entity",
    "Error or skip reason",
    "Duration",
  ]);
  // Before this table, all 25 of the first 25 ids were cut in a 16rem column.
  expect(await expectEntityAndReason(page, data.logs.slice(0, 25)), "entity ids cut").toBe(0);
  await expectNoHorizontalOverflow(page);

  // Every status again: each row says its own, so the column is back.
  // The chip's name carries its count once counted ("All 1,257").
  await page
    .getByRole("group", { name: "Filter by status" })
    .getByRole("button", { name: /^All/ })
    .click();
  await expect(page).toHaveURL(/\/workflows\/wf_01HY1\?per_page=100$/);
  await expect(headers).toHaveText([
    "Details",
    "Triggered (UTC)",
    "Status",
    "Entity",
    "Error or skip reason",
    "Duration",
  ]);
});

test("/runs with one status has no Status column, a record's runs have one; ids whole in both", async ({
  connectedPage: page,
}) => {
  // The workspace view syncs its workflows on a cold index: a hang guard, not a speed claim.
  test.slow();
  await page.goto("/runs?workflow=wf_01HY1&status=all");
  await expect(runsTable(page).getByRole("columnheader", { name: "Status" })).toHaveCount(1);
  await page.goto("/runs?workflow=wf_01HY1");
  await expect(page.getByRole("button", { name: /^Failed/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(runsTable(page).getByRole("columnheader", { name: "Workflow" })).toBeVisible();
  await expect(runsTable(page).getByRole("columnheader", { name: "Status" })).toHaveCount(0);

  // Listed after the page was served, the emulator's runs include every run on it.
  const ids = await visibleRunIds(page);
  expect(ids.length, "failed runs of wf_01HY1 in the last 24 hours").toBeGreaterThan(0);
  const dayAgo = new Date(Date.now() - 25 * 3_600_000).toISOString().slice(0, 19) + "Z";
  const byId = new Map((await emulatorRunsAfter("wf_01HY1", dayAgo)).map((run) => [run.id, run]));
  const shown = ids.map((id) => {
    const run = byId.get(id);
    if (!run) throw new Error(`run ${id} is not in the emulator's list`);
    return run;
  });
  expect(await expectEntityAndReason(page, shown), "entity ids cut on /runs").toBe(0);
  await expectNoHorizontalOverflow(page);

  const [first] = shown;
  if (!first) throw new Error("expected a run");
  await page.goto(`/records/${first.entity_id}`);
  await expect(runsTable(page).getByRole("columnheader", { name: "Status" })).toHaveCount(1);
  const recordIds = await visibleRunIds(page);
  expect(recordIds).toContain(first.id);
  expect(await expectEntityAndReason(page, [first]), "entity id cut on the record page").toBe(0);
  await expectNoHorizontalOverflow(page);
});

test("action results read in words beside the JSON: Slack ts, message id, task id, status code", async ({
  connectedPage: page,
}) => {
  const cases: [workflowId: string, field: string, label: string][] = [
    ["wf_01HY1", "slack_message_ts", "Slack message timestamp"],
    ["wf_01HY2", "message_id", "Email message id"],
    ["wf_01HY3", "task_id", "Task id"],
    ["wf_big", "status_code", "Webhook status code"],
  ];
  for (const [workflowId, field, label] of cases) {
    const run = await shownSuccessWithResult(page, workflowId);
    const value = String(run.action_result?.[field]);
    await page.goto(`/workflows/${workflowId}?status=success&open=${run.id}`);
    const facts = runDetails(page, run.id).getByTestId("action-result-facts");
    const term = facts.getByRole("term").filter({ hasText: new RegExp(`^${label}$`) });
    await expect(term).toBeVisible();
    await expect(term.locator("xpath=following-sibling::dd[1]")).toHaveText(value);
    await expect(
      runDetails(page, run.id).getByRole("group", { name: "Action result" }),
    ).toContainText(`"${field}"`);
  }

  // A field update's result is of no shape named here: only its JSON.
  const update = await shownSuccessWithResult(page, "wf_01HY4");
  await page.goto(`/workflows/wf_01HY4?status=success&open=${update.id}`);
  await expect(
    runDetails(page, update.id).getByRole("group", { name: "Action result" }),
  ).toContainText('"new_value"');
  await expect(runDetails(page, update.id).getByTestId("action-result-facts")).toHaveCount(0);
});

test("a hostile channel name in an action result stays text, its markers shown", async ({
  connectedPage: page,
}) => {
  const { data } = await emulatorLogs("wf_fault_hostile");
  const run = firstWith(
    data.logs,
    (log) => typeof log.action_result?.channel === "string" && log.entity_id.includes("\u202e"),
  );
  await page.goto(`/workflows/wf_fault_hostile?open=${run.id}`);
  const facts = runDetails(page, run.id).getByTestId("action-result-facts");
  const channel = facts.getByRole("term").filter({ hasText: /^Slack channel$/ });
  await expect(channel.locator("xpath=following-sibling::dd[1]")).toHaveText(
    String(run.action_result?.channel),
  );
  // The tricky text beside it is not a field named here: it stays in the JSON only.
  await expect(facts.getByRole("term")).toHaveCount(1);
});

test("a compact header leaves room for rows, expands on request, and the quota is in the app header", async ({
  connectedPage: page,
}) => {
  const { data: workflow } = await emulatorGet<WorkflowDetailBody>("/v1/workflows/wf_01HY1");
  await page.goto("/workflows/wf_01HY1");
  await expect(runsTable(page)).toBeVisible();
  // The old header left 11 of 25 rows in view (the table began 422 px down); the compact one
  // starts it at 360 px, which leaves 12 rows of 40 px.
  expect(await rowsFullyVisible(page)).toBeGreaterThan(11);

  const description = page.locator("p").filter({ hasText: /^When a deal's / });
  await expect(description).toBeVisible();
  await expect(page.getByRole("meter", { name: "Triggers today" })).toHaveAttribute(
    "aria-valuemax",
    String(workflow.max_triggers_per_day),
  );
  // One line: the description, the meter and the last run sit side by side.
  const [descriptionBox, meterBox] = await Promise.all([
    description.boundingBox(),
    page.getByRole("meter", { name: "Triggers today" }).boundingBox(),
  ]);
  expect(Math.abs((descriptionBox?.y ?? 0) - (meterBox?.y ?? 100))).toBeLessThan(20);
  await page.getByText("More about this workflow").click();
  await expect(page.getByRole("checkbox", { name: "More about this workflow" })).toBeChecked();
  await expect
    .poll(() => description.evaluate((element) => element.scrollWidth <= element.clientWidth))
    .toBe(true);

  const quota = /^API quota today: [\d,]+ of 10,000,000 calls left/;
  await expect(page.getByRole("banner").getByText(quota)).toBeVisible();
  await expect(page.getByRole("main").getByText(quota)).toHaveCount(0);
  await expectNoAccessibilityViolations(page);
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the header folds to one line, and the workflow badge never splits a word", async ({
    connectedPage: page,
  }) => {
    await page.goto("/workflows/wf_01HY6");
    const badge = page.getByText(/^Auto-disabled: /);
    await expect(badge).toBeVisible();
    expect(await splitsAWord(badge)).toBe(false);

    const description = page.locator("p").filter({ hasText: /^When / });
    const [height, lineHeight] = await description.evaluate((element) => [
      element.clientHeight,
      parseFloat(getComputedStyle(element).lineHeight),
    ]);
    expect(height).toBeLessThanOrEqual(lineHeight + 1);
    await expect(page.getByText(/^Last triggered/)).toBeHidden();
    await page.getByText("More about this workflow").click();
    await expect(page.getByText(/^Last triggered/)).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });
});

/**
 * The newest successful run with an action result among those the app shows on page 1. Picked
 * from the emulator's own newest page instead, it can be a run newer than the page the app still
 * holds from its cache (60 s), which then says "not on this page" rather than opening it.
 */
async function shownSuccessWithResult(page: Page, workflowId: string): Promise<LogEntry> {
  await page.goto(`/workflows/${workflowId}?status=success`);
  const shown = await visibleRunIds(page);
  const { data } = await emulatorLogs(workflowId, { status: "success", per_page: "100" });
  const withResult = new Map(
    data.logs.filter((log) => log.action_result !== null).map((log) => [log.id, log]),
  );
  const id = shown.find((runId) => withResult.has(runId));
  if (id === undefined) throw new Error(`no run with an action result on ${workflowId}'s page 1`);
  return withResult.get(id) as LogEntry;
}
