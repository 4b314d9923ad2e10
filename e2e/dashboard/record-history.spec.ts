import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import type { LogEntry, WorkflowListBody } from "../../emulator/wire-types";
import {
  burstRuns,
  emulatorGet,
  emulatorRunsAfter,
  expectNoHorizontalOverflow,
  queryValue,
  runsTable,
  visibleRunIds,
} from "../support/dashboard";
import { emulatorRequestsSince, lastRequestSeq } from "../support/emulator-admin";
import { expect, expectNoAccessibilityViolations, test } from "../support/fixtures";

// A CRM record's history. A record made up for each test gets runs with chosen statuses in three
// workflows triggered by deals (a burst: they complete now, triggered seconds ago, so every sync
// sees them); what the page shows is compared with the emulator's own lists of those workflows,
// filtered to that record here.

const newestFirst = (a: LogEntry, b: LogEntry) =>
  Date.parse(b.triggered_at) - Date.parse(a.triggered_at) || (a.id < b.id ? 1 : -1);

/** "just now", "45 s ago", "3 min ago": a relative time within the test's minutes. */
const RECENT = String.raw`(?:just now|\d+ s ago|\d+ min ago)`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface MadeRecord {
  entityId: string;
  /** The deal workflows of the workspace, disabled ones too: those a deal's page scans. */
  dealWorkflows: { id: string; name: string }[];
  /** The record's runs as the emulator lists them, newest first. */
  expected: LogEntry[];
}

async function makeRecord(): Promise<MadeRecord> {
  const entityId = `deal_01E2ERECORD${randomBytes(5).toString("hex").toUpperCase()}`;
  const all = (await emulatorGet<WorkflowListBody>("/v1/workflows?per_page=100")).data.workflows;
  const dealWorkflows = all.filter((workflow) => workflow.condition_entity === "deal");
  // The lost-deals workflow, whose figures other specs check, gets only the skipped run: a
  // skipped run never counts in its triggers today.
  const [first, second, third] = [...dealWorkflows].sort(
    (a, b) => Number(a.id === "wf_01HY1") - Number(b.id === "wf_01HY1"),
  );
  if (!first || !second || !third) throw new Error("the demo workspace has three deal workflows");
  // first: failed, then recovered; second: succeeded, then failed (still failing); third: skipped.
  await burstRuns(first.id, [
    { status: "failed", error_code: "channel_not_found", entity_id: entityId, duration_ms: 50_000 },
    { status: "success", entity_id: entityId, duration_ms: 20_000 },
  ]);
  await burstRuns(second.id, [
    { status: "success", entity_id: entityId, duration_ms: 40_000 },
    {
      status: "failed",
      error_code: "assignee_not_found",
      entity_id: entityId,
      duration_ms: 10_000,
    },
  ]);
  await burstRuns(third.id, [
    { status: "skipped", skip_reason: "duplicate_event", entity_id: entityId, duration_ms: 30_000 },
  ]);
  const since = new Date(Date.now() - 3_600_000).toISOString().slice(0, 19) + "Z";
  const expected = (
    await Promise.all(dealWorkflows.map((workflow) => emulatorRunsAfter(workflow.id, since)))
  )
    .flat()
    .filter((run) => run.entity_id === entityId)
    .sort(newestFirst);
  return { entityId, dealWorkflows, expected };
}

/** The summary line, computed from the emulator's runs; relative times as a pattern. */
function expectedSummary({ expected, dealWorkflows }: MadeRecord): RegExp {
  const name = (id: string) => dealWorkflows.find((workflow) => workflow.id === id)?.name ?? id;
  const latest = new Map<string, LogEntry>();
  for (const run of expected) if (!latest.has(run.workflow_id)) latest.set(run.workflow_id, run);
  const success = expected.find((run) => run.status === "success");
  const failure = expected.find((run) => run.status === "failed");
  if (!success || !failure) throw new Error("the record has a success and a failure");
  const stillFailing = [...latest.values()].some((run) => run.status === "failed");
  return new RegExp(
    [
      escape(`${expected.length} runs in ${latest.size} workflows; last success `) + RECENT,
      escape(` (${name(success.workflow_id)}); last failure `) + RECENT,
      escape(
        `, ${failure.error?.code} (${name(failure.workflow_id)}); still failing: ${stillFailing ? "yes" : "no"}`,
      ),
    ].join(""),
  );
}

async function findRecord(page: Page, text: string) {
  const search = page.getByRole("banner").getByRole("search");
  await search.getByRole("searchbox", { name: "Find a CRM record by id or link" }).fill(text);
  await search.getByRole("button", { name: "Find" }).click();
}

test.describe("a CRM record's history", () => {
  // One at a time: each test reads the deal workflows from the emulator and bursts runs onto
  // them, and the first counts the deal workflows' calls as its page's cost. Run side by side,
  // one test's reads counted in the other's cost (7 calls against the page's 3).
  test.describe.configure({ mode: "serial" });
  // A cold index syncs every deal workflow over 7 days on the first load, on a machine shared
  // with builds: three times the usual time limit, as a guard against a hang, not a speed claim.
  test.slow();

  test("pasting an id into the header search shows every run, the summary and the latest status per workflow, as the emulator has them", async ({
    connectedPage: page,
  }) => {
    const record = await makeRecord();
    const { entityId, expected, dealWorkflows } = record;
    expect(expected).toHaveLength(5);
    const since = await lastRequestSeq();

    const document = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === `/records/${entityId}` &&
        response.request().resourceType() === "document",
    );
    await findRecord(page, `  ${entityId} `);
    const html = await (await document).text();
    // What the first answer cost, as the page says, against the emulator's log of the calls it
    // answered meanwhile: estimates and syncs are each one first page; a fill reads on from page 2.
    // Every call the index makes reads 100 runs from an instant: a runs page (25, no `after`) or
    // a chip's count (1) is another spec's, running alongside with the same key.
    const asked = (await emulatorRequestsSince(since)).filter(
      (request) =>
        request.path.endsWith("/logs") &&
        queryValue(request, "per_page") === "100" &&
        queryValue(request, "after") !== undefined,
    );
    const shownCost = /This answer cost (?:<!-- -->)?(\d+) LeadLex call/.exec(html)?.[1];
    expect(shownCost).toBeDefined();
    expect(asked.filter((request) => (queryValue(request, "page") ?? "1") === "1")).toHaveLength(
      Number(shownCost),
    );
    // Only the workflows a deal can trigger were asked.
    const dealPaths = dealWorkflows.map(
      (workflow) => `/functions/v1/api-gateway/v1/workflows/${workflow.id}/logs`,
    );
    expect(asked.filter((request) => !dealPaths.includes(request.path))).toEqual([]);

    await expect(page).toHaveURL(new RegExp(`/records/${entityId}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(entityId);
    await expect(page.getByTestId("coverage-note")).toContainText(
      `for all ${dealWorkflows.length} workflows in scope`,
    );
    await expect.poll(() => visibleRunIds(page)).toEqual(expected.map((run) => run.id));
    await expect(page.getByText(expectedSummary(record))).toBeVisible();

    const latest = new Map<string, LogEntry>();
    for (const run of expected) if (!latest.has(run.workflow_id)) latest.set(run.workflow_id, run);
    const items = page.getByTestId("record-latest").getByRole("listitem");
    await expect(items).toHaveCount(latest.size);
    const shown = await items.evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute("data-workflow-id")),
    );
    expect(shown).toEqual([...latest.keys()]);
    for (const [workflowId, run] of latest) {
      const item = page.locator(`[data-testid="record-latest"] [data-workflow-id="${workflowId}"]`);
      await expect(item).toContainText(
        run.status === "success" ? "Success" : run.status === "failed" ? "Failed" : "Skipped",
      );
      await expect(item).toContainText(run.error?.code ?? run.skip_reason ?? "");
    }

    // The link reopens the same answer.
    await page.reload();
    await expect.poll(() => visibleRunIds(page)).toEqual(expected.map((run) => run.id));
    await expect(page.getByText(expectedSummary(record))).toBeVisible();
  });

  test("an entity id in a workflow's runs table and a pasted record link lead to the record's page", async ({
    connectedPage: page,
  }) => {
    const { entityId, expected } = await makeRecord();
    const failure = expected.find((run) => run.status === "failed");
    if (!failure) throw new Error("the record has a failure");
    await page.goto(`/workflows/${failure.workflow_id}?status=failed`);
    await runsTable(page).getByRole("link", { name: entityId }).first().click();
    await expect(page).toHaveURL(new RegExp(`/records/${entityId}$`));
    await expect.poll(() => visibleRunIds(page)).toEqual(expected.map((run) => run.id));

    await page.goto("/");
    await findRecord(page, `https://app.leadlex.com/deals/${entityId}/activity`);
    await expect(page).toHaveURL(new RegExp(`/records/${entityId}$`));

    // "Open by id" on the workflow list takes a record id too.
    await page.goto("/");
    const jump = page.getByRole("region", { name: "Open a workflow by id" });
    await jump.getByRole("textbox", { name: "Workflow or record id, or a link" }).fill(entityId);
    await jump.getByRole("button", { name: "Open", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/records/${entityId}$`));
  });

  test("something that is no record id gets a clear message and keeps what was typed", async ({
    connectedPage: page,
  }) => {
    await findRecord(page, "wf_01HY1 is not a deal");
    await expect(
      page.getByRole("heading", { name: "That is not a record id", level: 1 }),
    ).toBeVisible();
    await expect(page.getByText(/holds no CRM record id/)).toBeVisible();
    await expect(page.locator("#record-search-again")).toHaveValue("wf_01HY1 is not a deal");

    const response = await page.goto("/records/lead_01HY1");
    expect(response?.status()).toBeLessThan(500);
    await expect(
      page.getByRole("heading", { name: "That is not a record id", level: 1 }),
    ).toBeVisible();

    const api = await page.request.get("/api/records/lead_01HY1");
    expect(api.status()).toBe(400);
    expect(await api.json()).toMatchObject({ error: { code: "bad_request" } });
  });

  test("a record with no runs says so and names the workflows scanned", async ({
    connectedPage: page,
  }) => {
    const entityId = `meeting_01E2ENONE${randomBytes(5).toString("hex").toUpperCase()}`;
    const all = (await emulatorGet<WorkflowListBody>("/v1/workflows?per_page=100")).data.workflows;
    const meetings = all.filter((workflow) => workflow.condition_entity === "meeting");
    await page.goto(`/records/${entityId}`);
    await expect(page.getByText(`No runs of ${entityId} in the last 7 days`)).toBeVisible();
    for (const workflow of meetings) {
      await expect(
        page.getByText(
          new RegExp(`Scanned the ${meetings.length} workflows?.*${escape(workflow.name)}`),
        ),
      ).toBeVisible();
    }
  });

  test("works at 375 px and has no axe violations, light and dark", async ({
    connectedPage: page,
  }) => {
    const { entityId, expected } = await makeRecord();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`/records/${entityId}?window=1y`);
    await expect(page.getByText(/“1y” is not a time window \(7d, 30d or 90d\)/)).toBeVisible();
    await expect(page.getByRole("radio", { name: "Last 7 days" })).toBeChecked();
    await expect.poll(() => visibleRunIds(page)).toEqual(expected.map((run) => run.id));
    // From the keyboard: a run opens with Enter.
    const toggle = page.getByRole("button", { name: /^Show details of run / }).first();
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("region", { name: /^Details of run / })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expectNoAccessibilityViolations(page);
    await page.emulateMedia({ colorScheme: "dark" });
    await expectNoAccessibilityViolations(page);
  });
});
