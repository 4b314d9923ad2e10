/**
 * Every cached view says how old its figures are ("as of 09:31:05") and offers Refresh, which asks
 * LeadLex again past Runboard's cache: exactly the calls that view needs, counted in the emulator's
 * log, and a newer time on screen afterwards.
 */
import { emulatorRequestsSince, lastRequestSeq } from "../support/emulator-admin";
import { workflowCallsSince } from "../support/dashboard";
import { expect, test } from "../support/fixtures";
import type { Page } from "@playwright/test";

/** How far the emulator's and the app's clocks may disagree (two processes, two time sources). */
const CLOCK_SKEW_MS = 50;

const LIST_PATH = "/functions/v1/api-gateway/v1/workflows";

function asOfTime(page: Page) {
  return page.getByText(/^as of \d{2}:\d{2}:\d{2}$/).locator("time");
}

test.describe("as of · Refresh", () => {
  test("the runs view shows its age, and Refresh asks for the workflow and its page again", async ({
    connectedPage: page,
  }) => {
    await page.goto("/workflows/wf_01HY4");
    await expect(asOfTime(page)).toBeVisible();
    const before = Date.parse((await asOfTime(page).getAttribute("datetime")) ?? "");
    expect(before).toBeLessThanOrEqual(Date.now());

    const since = await lastRequestSeq();
    await page.getByRole("button", { name: "Refresh", exact: true }).click();
    await expect
      .poll(async () => Date.parse((await asOfTime(page).getAttribute("datetime")) ?? ""))
      .toBeGreaterThan(before);
    await expect(page.getByRole("button", { name: "Refresh", exact: true })).toBeEnabled();

    const calls = await workflowCallsSince(since, "wf_01HY4");
    expect(calls.details).toHaveLength(1);
    expect(calls.logs).toHaveLength(1);
    const [logs] = calls.logs;
    // The time shown is when that very answer came back. The emulator dates its log from a
    // monotonic clock anchored at its start, the app from Date.now(): they agree to a few ms.
    const shown = Date.parse((await asOfTime(page).getAttribute("datetime")) ?? "");
    expect(shown).toBeGreaterThanOrEqual(Math.floor(logs?.startedAt ?? Infinity) - CLOCK_SKEW_MS);
  });

  test("the workflow list shows its age, and Refresh asks for the list and its disabled rows", async ({
    connectedPage: page,
  }) => {
    await expect(asOfTime(page)).toBeVisible();
    const before = Date.parse((await asOfTime(page).getAttribute("datetime")) ?? "");

    const since = await lastRequestSeq();
    await page.getByRole("button", { name: "Refresh", exact: true }).click();
    await expect
      .poll(async () => Date.parse((await asOfTime(page).getAttribute("datetime")) ?? ""))
      .toBeGreaterThan(before);

    const calls = (await emulatorRequestsSince(since)).filter(
      (call) => call.keyLabel === "org_full" && call.path.startsWith(LIST_PATH),
    );
    const paths = calls.map((call) => call.path.slice(LIST_PATH.length) || "/");
    // Other tests use the same key meanwhile: what Refresh asked for is among the calls.
    expect(paths).toEqual(expect.arrayContaining(["/", "/wf_01HY5", "/wf_01HY6"]));
  });
});
