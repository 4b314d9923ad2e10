import type { Page } from "@playwright/test";
import { classifyRepeats } from "../support/answer-ttls";
import { useSessionWithKey } from "../support/dashboard";
import { demoKeys, expect, test } from "../support/fixtures";
import {
  describeCall,
  lastCallSeq,
  settledCallsSince,
  startOwnApp,
  startOwnEmulator,
  type AppProcess,
  type EmulatorProcess,
} from "../support/own-servers";

/**
 * A new user's triage session, scripted exactly as the quota issue lists it: list → workflow →
 * Failed → open a run → next page → back → All → list → reopen → reload → Failed. What it costs
 * LeadLex is counted in the emulator's request log, on servers of this test's own (a fresh cache
 * and a log no other test writes to). Before the quota layer it cost 17 calls for 8 distinct
 * answers (2.1×, measured on the code before it with this test); the layer must keep it at 1.2×
 * or better.
 *
 * The answers the session needs: the list's first page and the details of its two disabled rows
 * (their auto-disable reason), the workflow's details, its first page of runs, and the first two
 * pages of its failed runs. With an Org key the browser may also fetch one page ahead (the 8th
 * distinct answer the issue counted); with a Starter key (10 calls a minute) it must not. Both
 * ratios are held to 1.2: calls per distinct answer, and calls per answer needed.
 */
const WORKFLOW = { id: "wf_01HY1", name: "Notify owner on lost deals" };
const NEEDED = [
  "/v1/workflows?page=1&per_page=25",
  "/v1/workflows/wf_01HY5",
  "/v1/workflows/wf_01HY6",
  `/v1/workflows/${WORKFLOW.id}`,
  `/v1/workflows/${WORKFLOW.id}/logs?page=1&per_page=25`,
  `/v1/workflows/${WORKFLOW.id}/logs?page=1&per_page=25&status=failed`,
  `/v1/workflows/${WORKFLOW.id}/logs?page=2&per_page=25&status=failed`,
].sort();
/** The one guess an Org key may make: the failed runs' page 3, fetched ahead from page 2. */
const PREFETCH_AHEAD = `/v1/workflows/${WORKFLOW.id}/logs?page=3&per_page=25&status=failed`;

test.describe.configure({ mode: "serial" });

let emulator: EmulatorProcess;
let app: AppProcess;

test.beforeAll(async () => {
  emulator = await startOwnEmulator();
  app = await startOwnApp({ LEADLEX_API_URL: emulator.apiBaseUrl });
});

test.afterAll(async () => {
  await app?.stop();
  await emulator?.stop();
});

function runsTable(page: Page, status: string, pageNumber: number) {
  return page.getByRole("table", {
    name: new RegExp(`^${status}runs of workflow ${WORKFLOW.id}, page ${pageNumber} of \\d+$`),
  });
}

async function showsRuns(page: Page, status: "" | "failed ", pageNumber: number) {
  const table = runsTable(page, status, pageNumber);
  await expect(table).toBeVisible();
  await expect(table).toHaveAttribute("aria-busy", "false");
}

async function runSession(page: Page): Promise<void> {
  const statusChip = (name: string) =>
    page.getByRole("group", { name: "Filter by status" }).getByRole("button", { name });

  // list
  await page.goto(`${app.origin}/`);
  const workflowLink = page.getByRole("link", { name: WORKFLOW.name, exact: true });
  await expect(workflowLink).toBeVisible();
  // workflow
  await workflowLink.click();
  await showsRuns(page, "", 1);
  // Failed
  await statusChip("Failed").click();
  await showsRuns(page, "failed ", 1);
  // open a run
  await page
    .getByRole("button", { name: /^Show details of run / })
    .first()
    .click();
  await expect(page.getByRole("region", { name: /^Details of run / })).toBeVisible();
  // next page
  await page
    .getByRole("navigation", { name: "Pagination" })
    .getByRole("button", { name: "Next page" })
    .click();
  await showsRuns(page, "failed ", 2);
  // back
  await page.goBack();
  await showsRuns(page, "failed ", 1);
  // All
  await statusChip("All").click();
  await showsRuns(page, "", 1);
  // list
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").first().click();
  await expect(workflowLink).toBeVisible();
  // reopen
  await workflowLink.click();
  await showsRuns(page, "", 1);
  // reload
  await page.reload();
  await showsRuns(page, "", 1);
  // Failed
  await statusChip("Failed").click();
  await showsRuns(page, "failed ", 1);
  // A fetch ahead started by the last view reaches the log before it is read.
  await page.waitForLoadState("networkidle");
}

for (const { label, prefetchAhead } of [
  { label: "org_full", prefetchAhead: true },
  { label: "starter", prefetchAhead: false },
] as const) {
  test(`the triage session costs at most 1.2 calls per answer it needs (${label} key)`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ baseURL: app.origin });
    await useSessionWithKey(context, demoKeys[label]);
    const page = await context.newPage();
    const since = await lastCallSeq(emulator);

    await runSession(page);
    const recorded = (await settledCallsSince(emulator, since)).filter(
      (call) => call.keyLabel === label,
    );
    await context.close();

    // A repeat after its answer's TTL ran out (a very slow run) is a new answer, not a miss.
    const { withinTtl, afterTtl } = classifyRepeats(recorded);
    const calls = recorded.filter((call) => !afterTtl.includes(call)).map(describeCall);
    const distinct = new Set(calls).size;
    const ratio = calls.length / distinct;
    test.info().annotations.push({
      type: "triage session",
      description: `${label}: ${calls.length} LeadLex calls for ${distinct} distinct answers (${ratio.toFixed(2)}×), ${NEEDED.length} of them needed (${(calls.length / NEEDED.length).toFixed(2)}×): ${calls.join(", ")}`,
    });
    expect(withinTtl.map(describeCall)).toEqual([]);
    // Every answer asked for once, none twice; the only extra is the Org key's one page ahead.
    expect([...new Set(calls)].sort()).toEqual(
      prefetchAhead && calls.includes(PREFETCH_AHEAD) ? [...NEEDED, PREFETCH_AHEAD].sort() : NEEDED,
    );
    expect(calls).toHaveLength(distinct);
    expect(ratio).toBeLessThanOrEqual(1.2);
    expect(calls.length / NEEDED.length).toBeLessThanOrEqual(1.2);
    if (!prefetchAhead) expect(calls).not.toContain(PREFETCH_AHEAD);
  });
}
