import type { Page } from "@playwright/test";
import type { LogEntry } from "../../emulator/wire-types";
import { emulatorRunsAfter, queryValue } from "../support/dashboard";
import { emulatorRequestsSince, lastRequestSeq } from "../support/emulator-admin";
import { expect, test } from "../support/fixtures";

// The counts on a workflow's status chips ("Failed 412"), compared with counts made here from the
// emulator's own runs of the same window. The workflow is the deleted one, whose runs LeadLex
// keeps and to which nothing is added: its window holds the same runs however long a test takes,
// and no other spec bursts onto it.

const DELETED_WORKFLOW = "wf_deleted_01";

const CHIPS = [
  ["All", null],
  ["Success", "success"],
  ["Failed", "failed"],
  ["Skipped", "skipped"],
] as const;

function chip(page: Page, label: string) {
  return page.getByRole("group", { name: "Filter by status" }).getByRole("button", {
    name: new RegExp(`^${label}`),
  });
}

/**
 * The `per_page=1` calls LeadLex got for one workflow and `after` since `since`: the chips' count
 * calls for that window. The other test here runs in parallel on the same workflow and key, with
 * its own window, so a call for another `after` is not this test's.
 */
async function countCalls(since: number, workflowId: string, after: string) {
  const path = `/functions/v1/api-gateway/v1/workflows/${workflowId}/logs`;
  return (await emulatorRequestsSince(since)).filter(
    (request) =>
      request.path === path &&
      queryValue(request, "per_page") === "1" &&
      queryValue(request, "after") === after,
  );
}

function expectedCounts(runs: readonly LogEntry[]): Map<string | null, number> {
  const counts = new Map<string | null, number>([[null, runs.length]]);
  for (const run of runs) counts.set(run.status, (counts.get(run.status) ?? 0) + 1);
  return counts;
}

test.describe("status chip counts on a workflow's runs", () => {
  test("each chip counts the emulator's runs of the window, and a repeat costs no call", async ({
    connectedPage: page,
  }) => {
    // From a second-precise instant of this test: a window (and a cache key) no earlier test used.
    const after = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 19) + "Z";
    const expected = expectedCounts(await emulatorRunsAfter(DELETED_WORKFLOW, after));
    expect(expected.get(null)).toBeGreaterThan(0);

    const since = await lastRequestSeq();
    await page.goto(`/workflows/${DELETED_WORKFLOW}?status=failed&after=${after}`);
    for (const [label, status] of CHIPS) {
      await expect(chip(page, label).getByTestId("chip-count")).toHaveText(
        String(expected.get(status) ?? 0),
      );
    }
    // The failed count is the rows' own total; the two others one `per_page=1` call each at most.
    const calls = await countCalls(since, DELETED_WORKFLOW, after);
    expect(calls.length).toBeLessThanOrEqual(2);
    for (const call of calls) {
      expect(["success", "skipped"]).toContain(queryValue(call, "status"));
    }

    // Within the cache's minute: another chip, then a reload, ask LeadLex for no count again.
    const afterFirstLoad = await lastRequestSeq();
    await chip(page, "Skipped").click();
    await expect(page).toHaveURL(/status=skipped/);
    await expect(chip(page, "Skipped").getByTestId("chip-count")).toHaveText(
      String(expected.get("skipped") ?? 0),
    );
    await page.reload();
    for (const [label, status] of CHIPS) {
      await expect(chip(page, label).getByTestId("chip-count")).toHaveText(
        String(expected.get(status) ?? 0),
      );
    }
    expect(await countCalls(afterFirstLoad, DELETED_WORKFLOW, after)).toEqual([]);
  });

  test("a rolling window counts from the instant the view asked LeadLex for", async ({
    connectedPage: page,
  }) => {
    const since = await lastRequestSeq();
    await page.goto(`/workflows/${DELETED_WORKFLOW}?after=-90d`);
    await expect(chip(page, "Failed").getByTestId("chip-count")).toHaveText(/^\d+$/);
    // The instant the rows were asked from is the one the counts must be computed from.
    const path = `/functions/v1/api-gateway/v1/workflows/${DELETED_WORKFLOW}/logs`;
    const rowsCall = (await emulatorRequestsSince(since)).find(
      // Without a status: the other test's rows calls, in parallel on this workflow, all have one.
      (request) =>
        request.path === path &&
        queryValue(request, "per_page") !== "1" &&
        queryValue(request, "status") === undefined,
    );
    const instant = rowsCall ? queryValue(rowsCall, "after") : undefined;
    expect(instant).toMatch(/Z$/);
    const expected = expectedCounts(await emulatorRunsAfter(DELETED_WORKFLOW, instant ?? ""));
    for (const [label, status] of CHIPS) {
      await expect(chip(page, label).getByTestId("chip-count")).toHaveText(
        String(expected.get(status) ?? 0),
      );
    }
  });
});
