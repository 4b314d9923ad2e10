import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import type { LogEntry, WorkflowListBody } from "../../emulator/wire-types";
import { emulatorGet, emulatorLogs, workflowCallsSince } from "../support/dashboard";
import { lastRequestSeq } from "../support/emulator-admin";
import { expect, expectNoAccessibilityViolations, test } from "../support/fixtures";

// Export of a whole filtered set from the runs view. A disabled workflow gains no runs by itself,
// so the emulator's own list of it is the answer the file must hold, row for row.

async function quietWorkflowWithMostRuns() {
  const { workflows } = (await emulatorGet<WorkflowListBody>("/v1/workflows?per_page=100")).data;
  const quiet = await Promise.all(
    workflows
      .filter((workflow) => !workflow.enabled)
      .map(async (workflow) => ({
        workflow,
        total: (await emulatorLogs(workflow.id, { per_page: "1" })).meta.total,
      })),
  );
  const best = quiet.sort((a, b) => b.total - a.total)[0];
  if (!best || best.total <= 100)
    throw new Error("the demo workspace has a quiet workflow of >100 runs");
  return best;
}

async function allRuns(workflowId: string): Promise<LogEntry[]> {
  const runs: LogEntry[] = [];
  for (let page = 1; ; page++) {
    const body = await emulatorLogs(workflowId, { per_page: "100", page: String(page) });
    runs.push(...body.data.logs);
    if (body.data.logs.length < 100) return runs;
  }
}

test.describe("export", () => {
  test("shows the cost first, then downloads every run of the filter once, as CSV and JSON Lines", async ({
    connectedPage: page,
  }) => {
    const { workflow, total } = await quietWorkflowWithMostRuns();
    const expected = await allRuns(workflow.id);
    expect(expected).toHaveLength(total);
    await page.goto(`/workflows/${workflow.id}`);

    await page.getByRole("button", { name: "Export…" }).click();
    const panel = page.getByRole("region", { name: "Export runs" });
    const calls = Math.ceil(total / 100);
    await expect(panel.getByTestId("export-cost")).toContainText(
      `${total.toLocaleString("en-US")} runs for these filters: ${calls} LeadLex calls`,
    );
    await expectNoAccessibilityViolations(page);

    const since = await lastRequestSeq();
    const csvDownload = page.waitForEvent("download");
    await panel.getByRole("button", { name: "Download CSV" }).click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toBe(`runs-${workflow.id}-all.csv`);
    await expect(panel.getByRole("status")).toHaveText(
      `Exported ${total.toLocaleString("en-US")} runs.`,
    );
    const rows = parse(await readFile((await csv.path()) ?? "", "utf8"), {
      columns: true,
    }) as Record<string, string>[];
    expect(rows.map((row) => row.run_id)).toEqual(expected.map((run) => run.id));
    const byId = new Map(expected.map((run) => [run.id, run]));
    for (const row of rows) {
      const run = byId.get(row.run_id ?? "");
      expect(row.status).toBe(run?.status);
      expect(row.entity_id).toBe(run?.entity_id);
      expect(row.triggered_at).toBe(run?.triggered_at);
    }
    // What it cost: one call per 100 runs (the first page was the estimate's, from the cache).
    const logCalls = await workflowCallsSince(since, workflow.id);
    expect(logCalls.logs.length).toBeLessThanOrEqual(calls);

    const jsonDownload = page.waitForEvent("download");
    await panel.getByRole("button", { name: "Download JSON Lines" }).click();
    const lines = (await readFile((await (await jsonDownload).path()) ?? "", "utf8"))
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: string });
    expect(lines.map((run) => run.id)).toEqual(expected.map((run) => run.id));
  });

  test("a status filter exports only that status; the route refuses a value it does not know", async ({
    connectedPage: page,
  }) => {
    const { workflow } = await quietWorkflowWithMostRuns();
    const failed = (await allRuns(workflow.id)).filter((run) => run.status === "failed");
    await page.goto(`/workflows/${workflow.id}?status=failed`);
    await page.getByRole("button", { name: "Export…" }).click();
    const panel = page.getByRole("region", { name: "Export runs" });
    await expect(panel.getByTestId("export-cost")).toContainText(
      `${failed.length.toLocaleString("en-US")} run${failed.length === 1 ? "" : "s"} for these filters`,
    );
    const download = page.waitForEvent("download");
    await panel.getByRole("button", { name: "Download JSON Lines" }).click();
    const text = await readFile((await (await download).path()) ?? "", "utf8");
    const ids =
      text === ""
        ? []
        : text
            .trimEnd()
            .split("\n")
            .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(failed.map((run) => run.id));

    const bad = await page.request.get(`/api/workflows/${workflow.id}/export?format=xlsx`);
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "bad_request" } });
    const badAfter = await page.request.get(
      `/api/workflows/${workflow.id}/export?format=csv&after=yesterday`,
    );
    expect(badAfter.status()).toBe(400);
  });
});
