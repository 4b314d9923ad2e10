import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import type { LogEntry, WorkflowListBody } from "../../emulator/wire-types";
import {
  burstRuns,
  emulatorGet,
  emulatorRunsAfter,
  expectedCellTime,
  expectNoHorizontalOverflow,
  openWithKeyboard,
  runDetails,
  runRow,
  runsTable,
  visibleRunIds,
} from "../support/dashboard";
import { expect, expectNoAccessibilityViolations, test } from "../support/fixtures";

// The workspace-wide runs view. Its figures (chip counts, facets, rows, "still failing") are
// compared with answers computed here from the emulator's own data: a burst of runs with chosen
// statuses, codes and records lands on a disabled workflow, which gains no runs by itself, so
// the emulator's list of it stays what the test made it.

async function workflows() {
  return (await emulatorGet<WorkflowListBody>("/v1/workflows?per_page=100")).data.workflows;
}

function countBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const value = key(item);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

function chip(page: Page, label: string) {
  return page.getByRole("group", { name: "Filter by status" }).getByRole("button", {
    name: new RegExp(`^${label}`),
  });
}

const suffix = () => randomBytes(4).toString("hex");

test.describe("runs across all workflows", () => {
  // A cold index syncs every workflow in scope on the first load, on a machine shared with
  // builds: three times the usual time limit, as a guard against a hang, not a speed claim.
  test.slow();
  // Two tests here burst runs onto the same quiet workflow and count its window: one at a time.
  test.describe.configure({ mode: "serial" });

  test("the home page's first offer opens failed runs of the last 24 hours, and Runs is in the header", async ({
    connectedPage: page,
  }) => {
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Runs" }),
    ).toBeVisible();
    await page.getByRole("link", { name: /What failed in the last 24 hours/ }).click();
    await expect(page).toHaveURL(/\/runs$/);
    await expect(page.getByRole("heading", { name: "Runs across all workflows" })).toBeVisible();
    await expect(chip(page, "Failed")).toHaveAttribute("aria-pressed", "true");
    // Only failures are synced for this view: the other chips show no count rather than a 0.
    await expect(chip(page, "Failed")).toHaveText(/^Failed\s*[\d,]+$/);
    await expect(chip(page, "Success")).toHaveText("Success");
    await expect(page.getByRole("radio", { name: "Last 24 h" })).toBeChecked();
    await expect(page.getByTestId("coverage-note")).toContainText(
      /This answer cost \d+ LeadLex call/,
    );
    await expectNoAccessibilityViolations(page);
  });

  test("counts, facets, rows and 'still failing' match the emulator's own runs of the window", async ({
    connectedPage: page,
  }) => {
    const quiet = (await workflows()).find((workflow) => !workflow.enabled);
    if (!quiet) throw new Error("the demo workspace has a disabled workflow");
    const type = quiet.condition_entity;
    const code = `e2e_code_${suffix()}`;
    const recovered = `${type}_01E2ERECOVERED${suffix().toUpperCase()}`;
    const stuck = `${type}_01E2ESTUCK${suffix().toUpperCase()}`;
    // `recovered` failed a minute ago and then succeeded; `stuck` failed and nothing since.
    await burstRuns(quiet.id, [
      { status: "failed", error_code: code, entity_id: recovered, duration_ms: 60_000 },
      { status: "failed", error_code: code, entity_id: stuck, count: 2, duration_ms: 30_000 },
      { status: "failed", error_code: "channel_not_found", entity_id: stuck },
      { status: "skipped", skip_reason: "duplicate_event", entity_id: stuck, count: 2 },
      { status: "success", entity_id: recovered },
    ]);

    await page.goto(`/runs?status=all&window=1h&workflow=${quiet.id}`);
    // The window starts where the answer says it does (the coverage note's "Synced from"): a run
    // of the seeded history may sit in its first minute.
    const windowStart = await page
      .getByTestId("coverage-note")
      .locator("time")
      .first()
      .getAttribute("datetime");
    const windowMs = Date.parse(windowStart ?? "");
    expect(Number.isNaN(windowMs)).toBe(false);
    const hourAgo = new Date(windowMs).toISOString().slice(0, 19) + "Z";
    const expected = (await emulatorRunsAfter(quiet.id, hourAgo)).filter(
      (run) => Date.parse(run.triggered_at) >= windowMs,
    );
    const byStatus = countBy(expected, (run) => run.status);
    const codes = countBy(expected, (run) =>
      run.status === "failed" ? (run.error?.code ?? null) : null,
    );
    const reasons = countBy(expected, (run) => (run.status === "skipped" ? run.skip_reason : null));

    await expect(chip(page, "All")).toContainText(String(expected.length));
    for (const [status, label] of [
      ["failed", "Failed"],
      ["success", "Success"],
      ["skipped", "Skipped"],
    ] as const) {
      await expect(chip(page, label)).toHaveText(
        new RegExp(`${label}\\s*${byStatus.get(status) ?? 0}$`),
      );
    }
    for (const [value, count] of [...codes, ...reasons]) {
      await expect(page.locator(`[data-facet="${value}"]`)).toContainText(String(count));
    }
    // The chart: runs per minute over the hour, by status, as the emulator's runs fall into them.
    const chart = page.getByTestId("runs-over-time");
    await expect(chart.getByRole("img")).toHaveAccessibleName(
      new RegExp(`^Runs over time: ${expected.length} runs? in \\d+ 1-minute bars`),
    );
    await chart.getByText("Show as a table").click();
    const perMinute = new Map<number, Map<string, number>>();
    for (const run of expected) {
      const start = Math.floor(Date.parse(run.triggered_at) / 60_000) * 60_000;
      const counts = perMinute.get(start) ?? new Map<string, number>();
      counts.set(run.status, (counts.get(run.status) ?? 0) + 1);
      perMinute.set(start, counts);
    }
    for (const [start, counts] of perMinute) {
      // The first minute of the window may also hold older runs the emulator list above left out.
      if (start < Date.parse(hourAgo)) continue;
      const row = chart.locator(`tr[data-bucket-start="${start}"]`);
      for (const status of ["failed", "skipped", "success"]) {
        await expect(row.locator(`td[data-status="${status}"]`)).toHaveText(
          String(counts.get(status) ?? 0),
        );
      }
    }

    // Newest first, as the emulator lists them.
    const newest = expected.slice(0, 25).map((run) => run.id);
    expect(await visibleRunIds(page)).toEqual(newest);
    // The workflow opens on its own view of the same window (that view has one status at most).
    await expect(page.getByRole("link", { name: quiet.name }).first()).toHaveAttribute(
      "href",
      `/workflows/${quiet.id}?after=-1h`,
    );

    // A facet filters on its value.
    await page.locator(`[data-facet="${code}"]`).click();
    await expect(page).toHaveURL(new RegExp(`reason=${code}`));
    const withCode = expected.filter((run) => run.error?.code === code).map((run) => run.id);
    await expect.poll(() => visibleRunIds(page)).toEqual(withCode);
    await expect(chip(page, "Failed")).toHaveText(new RegExp(`Failed\\s*${withCode.length}$`));

    // Still failing: a failure whose record's latest run in that workflow is not a success.
    await page.getByLabel("Still failing only").check();
    await expect(page).toHaveURL(/still_failing=1/);
    const latest = new Map<string, LogEntry>();
    for (const run of expected) if (!latest.has(run.entity_id)) latest.set(run.entity_id, run);
    const stillFailing = expected
      .filter(
        (run) =>
          run.status === "failed" &&
          run.error?.code === code &&
          latest.get(run.entity_id)?.status !== "success",
      )
      .map((run) => run.id);
    expect(stillFailing.length).toBe(2);
    await expect.poll(() => visibleRunIds(page)).toEqual(stillFailing);

    // The link reopens the same answer.
    await page.reload();
    await expect.poll(() => visibleRunIds(page)).toEqual(stillFailing);
  });

  test("repairs a bad link and says so; works at 375 px", async ({ connectedPage: page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/runs?status=FAILED,nope&window=2h&workflow=bad%20id");
    await expect(page.getByText(/Status “FAILED,nope” was read as “failed”/)).toBeVisible();
    await expect(page.getByText(/“2h” is not a time window/)).toBeVisible();
    await expect(page.getByText(/holds no workflow id/)).toBeVisible();
    await expect(page.getByRole("radio", { name: "Last 24 h" })).toBeChecked();
    await expectNoHorizontalOverflow(page);
    await expectNoAccessibilityViolations(page);
  });

  test("at 375 px it is keyboard-operable and has no axe violations, light and dark", async ({
    connectedPage: page,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/runs?status=all");
    await expect(runsTable(page)).toBeVisible();
    // A chip answers Enter once its chunk has arrived (a key press before that does nothing).
    const skipped = chip(page, "Skipped");
    await expect(async () => {
      await skipped.focus();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/status=skipped/, { timeout: 5_000 });
    }).toPass();
    await expect(skipped).toHaveAttribute("aria-pressed", "true");
    await expect(skipped).toBeFocused();
    // The skipped runs replace the rows: a toggle focused before that is gone with its row, and
    // the Enter pressed on it with it, so the press is repeated until the details show.
    await expect(runsTable(page)).toHaveAttribute("aria-busy", "false");
    await openWithKeyboard(
      page,
      page.getByRole("button", { name: /^Show details of run / }).first(),
      page.getByRole("region", { name: /^Details of run / }),
    );
    await expectNoHorizontalOverflow(page);
    await expectNoAccessibilityViolations(page);
    await page.emulateMedia({ colorScheme: "dark" });
    await expectNoAccessibilityViolations(page);
  });

  test("the route handler refuses a parameter it does not know, in the app's words", async ({
    connectedPage: page,
  }) => {
    const response = await page.request.get("/api/runs?status=failed&statuses=failed");
    expect(response.status()).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: "bad_request", message: expect.stringContaining("statuses") },
    });
  });

  test.describe("in Kolkata", () => {
    test.use({ timezoneId: "Asia/Kolkata" });

    test("the Triggered column reads as on a workflow's page, and a workflow opens on the same window", async ({
      connectedPage: page,
    }) => {
      const quiet = (await workflows()).find((workflow) => !workflow.enabled);
      if (!quiet) throw new Error("the demo workspace has a disabled workflow");
      await burstRuns(quiet.id, [
        { status: "failed", error_code: `e2e_code_${suffix()}`, count: 3 },
      ]);

      await page.goto(`/runs?window=1h&workflow=${quiet.id}`);
      const hourAgo = new Date(Date.now() - 3_600_000 + 60_000).toISOString().slice(0, 19) + "Z";
      const failed = (await emulatorRunsAfter(quiet.id, hourAgo)).filter(
        (run) => run.status === "failed",
      );
      // A workflow synced in the last 30 s (the test before may have) is answered as held, so the
      // burst shows once that has passed: reload until it does.
      await expect
        .poll(
          async () => {
            await page.reload();
            return visibleRunIds(page);
          },
          { timeout: 90_000, intervals: [5_000] },
        )
        .toEqual(failed.slice(0, 25).map((run) => run.id));
      // At desktop width the table's frame lets it show past it (for its sticky header): it fits.
      await expectNoHorizontalOverflow(page);
      const triggered = runsTable(page).getByRole("columnheader", { name: /^Triggered/ });
      await expect(triggered).toHaveText(/^Triggered \(Asia\/(Kolkata|Calcutta)\)$/);
      for (const run of failed.slice(0, 3)) {
        const time = runRow(page, run.id).locator("time");
        await expect(time).toHaveAttribute("datetime", run.triggered_at);
        await expect(time).toHaveText(
          new RegExp(
            `^${expectedCellTime(run.triggered_at, "Asia/Kolkata")} (just now|\\d+ \\w+ ago)$`,
          ),
        );
      }

      await page.getByRole("radio", { name: "UTC" }).check();
      await expect(triggered).toHaveText("Triggered (UTC)");
      for (const run of failed.slice(0, 3)) {
        await expect(runRow(page, run.id).locator("time > span").first()).toHaveText(
          expectedCellTime(run.triggered_at, "UTC"),
        );
      }

      // Two runs open at once, to compare them; the link keeps both.
      const [first, second] = failed;
      if (!first || !second) throw new Error("the burst made three failures");
      for (const run of [first, second]) {
        await runsTable(page)
          .getByRole("button", { name: `Show details of run ${run.id}` })
          .click();
      }
      await expect(runDetails(page, first.id)).toBeVisible();
      await expect(runDetails(page, second.id)).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`[?&]open=${first.id},${second.id}$`));

      await page.getByRole("link", { name: quiet.name }).first().click();
      await expect(page).toHaveURL(new RegExp(`/workflows/${quiet.id}\\?status=failed&after=-1h$`));
      await expect(page.getByRole("button", { name: "In the last hour" })).toBeVisible();
      await expect(page.getByRole("button", { name: /^Failed/ })).toHaveAttribute(
        "aria-pressed",
        "true",
      );
    });
  });
});
