/**
 * "Copy for ticket" on a run: the plain-text summary a support ticket needs, checked field by
 * field against the emulator's run and workflow, with the time in UTC and in the viewer's zone
 * (Asia/Kolkata here), and a link that opens that run with the view's rolling window fixed.
 */
import type { Page } from "@playwright/test";
import { lastRequestSeq } from "../support/emulator-admin";
import { expect, test } from "../support/fixtures";
import {
  allowClipboard,
  emulatorGet,
  emulatorRunsAfter,
  expectRunsAsAnswered,
  readClipboard,
  runDetails,
  visibleRunIds,
  workflowCallsSince,
} from "../support/dashboard";
import type { WorkflowDetailBody } from "../../emulator/wire-types";

test.use({ timezoneId: "Asia/Kolkata" });

// Each test makes several round trips (page, refetches, the emulator's log and replays); on a
// shared 2-core machine that has taken past the suite's default limit: a hang guard only.
test.describe.configure({ timeout: 120_000 });

/** `2026-04-17 09:31:05 UTC`, written out here rather than by the app's formatter. */
function utcLine(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** `17 Apr 2026, 15:01:05 UTC+05:30`: Kolkata is UTC+05:30 all year. */
function kolkataLine(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 330 * 60_000);
  const month = shifted.toLocaleString("en-US", { month: "short", timeZone: "UTC" });
  const time = shifted.toISOString().slice(11, 19);
  return `${shifted.getUTCDate()} ${month} ${shifted.getUTCFullYear()}, ${time} UTC+05:30`;
}

/** Presses the run's Copy for ticket and reads the ticket back as `Label → value`. */
async function copyTicket(page: Page, runId: string) {
  const details = runDetails(page, runId);
  await details.getByRole("button", { name: "Copy for ticket" }).click();
  await expect(details.getByRole("button", { name: "Copied for ticket" })).toBeVisible();
  const lines = (await readClipboard(page)).split("\n");
  const fields = new Map(
    lines.map((line) => [line.slice(0, line.indexOf(": ")), line.slice(line.indexOf(": ") + 2)]),
  );
  return { lines, fields };
}

test("Copy for ticket gives every field of the run, both times and a link that opens it", async ({
  connectedPage: page,
  context,
}) => {
  await allowClipboard(context);
  const since = await lastRequestSeq();
  await page.goto("/workflows/wf_01HY1?status=failed&after=-30d");
  const { data } = await expectRunsAsAnswered(page, since, "wf_01HY1", {
    status: "failed",
    after: (await workflowCallsSince(since, "wf_01HY1")).logs[0]?.query.after?.[0],
  });
  // A workflow's name does not change while the suite runs; its details may come from the cache.
  const { data: workflow } = await emulatorGet<WorkflowDetailBody>("/v1/workflows/wf_01HY1");
  const run = data.logs.find((log) => log.error !== null);
  if (!run?.error) throw new Error("expected a failed run with an error");

  await page.getByRole("button", { name: `Show details of run ${run.id}` }).click();
  const { lines, fields } = await copyTicket(page, run.id);

  expect(fields.get("Workflow")).toBe(`${workflow.name} (wf_01HY1)`);
  expect(fields.get("Run")).toBe(run.id);
  expect(fields.get("Entity")).toBe(`${run.entity_type} ${run.entity_id}`);
  expect(fields.get("Status")).toBe("Failed");
  expect(fields.get("Error code")).toBe(run.error.code);
  expect(fields.get("Error message")).toBe(run.error.message);
  expect(fields.get("Triggered (UTC)")).toBe(utcLine(run.triggered_at));
  // Chromium's ICU may still name the zone by its old spelling.
  const local = [...fields.keys()].find((key) =>
    /^Triggered \(Asia\/(Kolkata|Calcutta)\)$/.test(key),
  );
  expect(local, "a line with the viewer's zone").toBeDefined();
  expect(fields.get(local ?? "")).toBe(kolkataLine(run.triggered_at));
  expect(fields.get("Duration")).toBe(`${run.duration_ms.toLocaleString("en-US")} ms`);
  expect(lines).toHaveLength(10);

  // The link: this view with its window fixed to an instant, and this run alone open.
  const link = new URL(fields.get("Link") ?? "");
  expect(link.pathname).toBe("/workflows/wf_01HY1");
  expect(link.searchParams.get("open")).toBe(run.id);
  expect(link.searchParams.get("status")).toBe("failed");
  const after = link.searchParams.get("after") ?? "";
  expect(after).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/);
  // Thirty days back from the minute of the click (the test took well under a day).
  expect(Math.abs(Date.now() - 30 * 86_400_000 - Date.parse(after))).toBeLessThan(86_400_000);
  await page.goto(link.href);
  await expect(runDetails(page, run.id)).toBeVisible();
});

test("on /runs a skipped run's ticket names its workflow and reason, and links to that run", async ({
  connectedPage: page,
  context,
}) => {
  test.slow();
  await allowClipboard(context);
  await page.goto("/runs?status=skipped&workflow=wf_01HY1");
  const [runId] = await visibleRunIds(page);
  if (!runId) throw new Error("expected a skipped run of wf_01HY1 in the last 24 hours");
  const dayAgo = new Date(Date.now() - 25 * 3_600_000).toISOString().slice(0, 19) + "Z";
  const run = (await emulatorRunsAfter("wf_01HY1", dayAgo)).find((log) => log.id === runId);
  if (!run) throw new Error(`run ${runId} is not in the emulator's list`);
  const { data: workflow } = await emulatorGet<WorkflowDetailBody>("/v1/workflows/wf_01HY1");

  await page.getByRole("button", { name: `Show details of run ${runId}` }).click();
  const { lines, fields } = await copyTicket(page, runId);
  expect(fields.get("Workflow")).toBe(`${workflow.name} (wf_01HY1)`);
  expect(fields.get("Status")).toBe("Skipped");
  expect(fields.get("Skip reason")).toBe(run.skip_reason);
  expect(fields.has("Error code")).toBe(false);
  expect(fields.get("Triggered (UTC)")).toBe(utcLine(run.triggered_at));
  expect(lines).toHaveLength(9);

  const link = new URL(fields.get("Link") ?? "");
  expect(link.pathname).toBe("/runs");
  expect(link.searchParams.get("open")).toBe(runId);
  await page.goto(link.href);
  await expect(runDetails(page, runId)).toBeVisible();
});
