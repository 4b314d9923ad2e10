import type { Locator, Page } from "@playwright/test";

/**
 * The triage session of the quota issue, step by step, as a new user clicks it: list → workflow
 * → Failed → open a run → next page → back → All → list → reopen → reload → Failed. Each step
 * waits for what a person would wait for (the rows of that view, no longer busy). Shared by the
 * e2e test that holds its cost to 1.2 calls per answer and by the bench's triage section, so both
 * count the same session; it uses Locator waits only, which work outside a test runner too.
 */
export const TRIAGE_WORKFLOW = { id: "wf_01HY1", name: "Notify owner on lost deals" };

/** The LeadLex answers the session needs (`describeCall` form). */
export const TRIAGE_NEEDED = [
  "/v1/workflows?page=1&per_page=25",
  "/v1/workflows/wf_01HY5",
  "/v1/workflows/wf_01HY6",
  `/v1/workflows/${TRIAGE_WORKFLOW.id}`,
  `/v1/workflows/${TRIAGE_WORKFLOW.id}/logs?page=1&per_page=25`,
  `/v1/workflows/${TRIAGE_WORKFLOW.id}/logs?page=1&per_page=25&status=failed`,
  `/v1/workflows/${TRIAGE_WORKFLOW.id}/logs?page=2&per_page=25&status=failed`,
].sort();

/**
 * The workflow list's health answers (failures in 24 h, last run: `per_page=1` logs calls; and
 * the details of listed workflows the session needs for nothing else). With a key whose plan has
 * room (Org) the list loads them by itself, each once and cached like any answer; on a Starter
 * key it spends none. They are answers the list shows, so they count as needed.
 */
export function isListHealthAnswer(call: string): boolean {
  if (/^\/v1\/workflows\/[^/?]+\/logs\?(.*&)?per_page=1(&|$)/.test(call)) return true;
  return /^\/v1\/workflows\/[^/?]+$/.test(call) && !TRIAGE_NEEDED.includes(call);
}

/** The one guess a key with room may make: the failed runs' page 3, fetched ahead from page 2. */
export const TRIAGE_PREFETCH_AHEAD = `/v1/workflows/${TRIAGE_WORKFLOW.id}/logs?page=3&per_page=25&status=failed`;

/**
 * Clicks once React has hydrated the control: a press on the server-drawn button before that does
 * nothing, as it would for a person on a slow device (the bench's browser can be that fast).
 */
async function pressHydrated(locator: Locator): Promise<void> {
  const handle = await locator.elementHandle();
  await locator
    .page()
    .waitForFunction(
      (node) => node !== null && Object.keys(node).some((key) => key.startsWith("__reactFiber$")),
      handle,
    );
  await locator.click();
}

export async function runTriageSession(page: Page, origin: string): Promise<void> {
  const statusChip = (name: string) =>
    page.getByRole("group", { name: "Filter by status" }).getByRole("button", { name });
  const workflowLink = page.getByRole("link", { name: TRIAGE_WORKFLOW.name, exact: true });
  const showsRuns = (status: "" | "failed ", pageNumber: number) =>
    page
      .getByRole("table", {
        name: new RegExp(
          `^${status}runs of workflow ${TRIAGE_WORKFLOW.id}, page ${pageNumber} of \\d+$`,
        ),
      })
      .and(page.locator('[aria-busy="false"]'))
      .waitFor();

  // list
  await page.goto(`${origin}/`);
  await workflowLink.waitFor();
  // workflow
  await workflowLink.click();
  await showsRuns("", 1);
  // Failed
  await pressHydrated(statusChip("Failed"));
  await showsRuns("failed ", 1);
  // open a run
  await pressHydrated(page.getByRole("button", { name: /^Show details of run / }).first());
  await page.getByRole("region", { name: /^Details of run / }).waitFor();
  // next page
  await pressHydrated(
    page.getByRole("navigation", { name: "Pagination" }).getByRole("button", { name: "Next page" }),
  );
  await showsRuns("failed ", 2);
  // back
  await page.goBack();
  await showsRuns("failed ", 1);
  // All
  await pressHydrated(statusChip("All"));
  await showsRuns("", 1);
  // list
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").first().click();
  await workflowLink.waitFor();
  // reopen
  await workflowLink.click();
  await showsRuns("", 1);
  // reload
  await page.reload();
  await showsRuns("", 1);
  // Failed
  await pressHydrated(statusChip("Failed"));
  await showsRuns("failed ", 1);
  // A fetch ahead started by the last view reaches the log before it is read.
  await page.waitForLoadState("networkidle");
}
