import {
  emulatorRequestsSince,
  lastRequestSeq,
  setWorkflowLatency,
} from "../support/emulator-admin";
import { demoKeys, expect, test } from "../support/fixtures";
import { useSessionWithKey } from "../support/dashboard";

/**
 * The runs page needs two LeadLex calls, the workflow and its first page of runs. Made one after
 * the other, each upstream round trip would add to every page view; made together, the page costs
 * one. The emulator's log shows which: with both calls slowed down, their time intervals overlap
 * only if the server started the second before the first answered.
 *
 * Workspace B's key and workflow keep this test's calls (and its added latency) apart from the
 * other suites', which browse workspace A in parallel.
 */
const WORKFLOW_ID = "wf_02HZ3";
const WORKFLOW_NAME = "Record meeting no-shows";
const UPSTREAM_LATENCY_MS = 300;

test.afterEach(async () => {
  await setWorkflowLatency({});
});

test("the runs page asks LeadLex for the workflow and its runs at the same time", async ({
  page,
}) => {
  // A session made directly, without the workflow list's visit (whose health would cache the
  // workflow's details and leave the page nothing to wait for).
  await useSessionWithKey(page.context(), demoKeys.other_workspace);
  await setWorkflowLatency({ [WORKFLOW_ID]: UPSTREAM_LATENCY_MS });

  const since = await lastRequestSeq();
  await page.goto(`/workflows/${WORKFLOW_ID}`);
  await expect(page.getByRole("heading", { name: WORKFLOW_NAME, level: 1 })).toBeVisible();
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(26);
  // Lets a refetch after hydration, if the app ever made one, reach the log before it is read.
  await page.waitForLoadState("networkidle");

  const base = `/functions/v1/api-gateway/v1/workflows/${WORKFLOW_ID}`;
  const calls = (await emulatorRequestsSince(since)).filter(
    (call) => call.keyLabel === "other_workspace" && call.path.startsWith(base),
  );
  // The page drew the workflow's name, so a details call of its own has finished. One still in
  // flight is another test's: the workspaces spec lands on this key's list, whose health asks for
  // every workflow's details (and meets the latency set here).
  const workflowCalls = calls.filter((call) => call.path === base && call.finishedAt !== null);
  // Leaving out the list's health calls (`per_page=1`), which another test landing on the list
  // with this key (the workspaces spec does) can make at the same time, and the chips' counts
  // (asked only once the rows are in, so they cannot hold the rows up).
  const logsCalls = calls.filter(
    (call) => call.path === `${base}/logs` && call.query.per_page?.[0] !== "1",
  );
  const firstPageCalls = logsCalls.filter((call) => (call.query.page ?? ["1"])[0] === "1");

  // The workflow list's health asks for every listed workflow's details (cached 5 min), so an
  // earlier test of this key can leave them cached: then the page has nothing to wait for.
  expect(workflowCalls.length).toBeLessThanOrEqual(1);
  expect(firstPageCalls).toHaveLength(1);
  // Any other logs call is the browser fetching page 2 ahead of a click, once; never a repeat.
  const prefetches = logsCalls.filter((call) => !firstPageCalls.includes(call));
  expect(prefetches.length).toBeLessThanOrEqual(1);
  for (const call of prefetches) expect(call.query.page).toEqual(["2"]);

  const [workflow] = workflowCalls;
  const [runs] = firstPageCalls;
  if (!runs?.finishedAt) throw new Error("the runs call did not finish");
  if (!workflow) return;
  if (!workflow.finishedAt) throw new Error("the workflow call did not finish");
  expect([workflow.status, runs.status]).toEqual([200, 200]);
  expect(workflow.finishedAt - workflow.startedAt).toBeGreaterThanOrEqual(UPSTREAM_LATENCY_MS - 1);
  expect(runs.finishedAt - runs.startedAt).toBeGreaterThanOrEqual(UPSTREAM_LATENCY_MS - 1);
  // Two 300 ms calls overlap only when neither waited for the other to finish.
  expect(workflow.startedAt < runs.finishedAt && runs.startedAt < workflow.finishedAt).toBe(true);
});
