import type { WorkflowListBody } from "../../emulator/wire-types";
import { emulatorGet, emulatorRunsAfter, openByClick, visibleRunIds } from "../support/dashboard";
import { expect, test } from "../support/fixtures";

// `/runs` over a custom absolute window: chosen in the picker in the viewer's zone, kept in the
// link as UTC instants, and answered with exactly the emulator's runs of [after, before).

test.use({ timezoneId: "Asia/Kolkata" });

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** Kolkata is UTC+05:30 all year. */
const KOLKATA_MS = 5.5 * 60 * MINUTE_MS;

const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const kolkataWall = (ms: number) => {
  const iso = new Date(ms + KOLKATA_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
};

/** An enabled workflow with runs in the window, and few enough since its start to sync cheaply. */
async function quietWorkflowWithRunsIn(afterMs: number, beforeMs: number) {
  const { workflows } = (await emulatorGet<WorkflowListBody>("/v1/workflows?per_page=100")).data;
  for (const workflow of workflows.filter((candidate) => candidate.enabled)) {
    const since = await emulatorRunsAfter(workflow.id, isoSeconds(afterMs));
    if (since.length > 500) continue;
    const inWindow = since.filter((run) => Date.parse(run.triggered_at) < beforeMs);
    if (inWindow.length > 0) return { workflow, inWindow };
  }
  throw new Error("the demo workspace has no workflow with a few runs in the window");
}

test.describe("a custom time window on /runs", () => {
  test.slow();

  test("is chosen in the viewer's zone, kept in the link as instants, and shows exactly the runs of [after, before)", async ({
    connectedPage: page,
  }) => {
    const nowMs = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
    const afterMs = nowMs - 3 * DAY_MS;
    const beforeMs = nowMs - DAY_MS;
    const { workflow, inWindow } = await quietWorkflowWithRunsIn(afterMs, beforeMs);

    await page.goto(`/runs?status=all&workflow=${workflow.id}`);
    await expect(page.getByRole("radio", { name: "Last 24 h" })).toBeChecked();
    const dialog = page.getByRole("dialog", { name: "Show runs triggered between" });
    await openByClick(page.getByRole("button", { name: "Custom…" }), dialog);

    const from = kolkataWall(afterMs);
    const to = kolkataWall(beforeMs);
    await dialog.getByLabel("From: day").fill(from.date);
    await dialog.getByLabel("From: time of day").fill(from.time);
    await dialog.getByLabel("To (empty: up to now): day").fill(to.date);
    await dialog.getByLabel("To (empty: up to now): time of day").fill(to.time);
    await dialog.getByRole("button", { name: "Apply" }).click();
    await expect(dialog).toBeHidden();

    const after = isoSeconds(afterMs);
    const before = isoSeconds(beforeMs);
    await expect(page).toHaveURL(
      (url) =>
        url.searchParams.get("after") === after &&
        url.searchParams.get("before") === before &&
        !url.searchParams.has("window"),
    );
    await expect(page.getByRole("button", { name: /^From .* to / })).toContainText("UTC+05:30");

    // Newest first by trigger time, ties by id descending: LeadLex's order.
    const expected = [...inWindow]
      .sort(
        (a, b) =>
          Date.parse(b.triggered_at) - Date.parse(a.triggered_at) ||
          (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
      )
      .map((run) => run.id);
    await expect(
      page.getByText(new RegExp(`^${expected.length.toLocaleString("en-US")} runs in 1 workflows`)),
    ).toBeVisible();
    await expect.poll(() => visibleRunIds(page)).toEqual(expected.slice(0, 25));
    await expect(page.getByTestId("coverage-note")).toContainText(
      "LeadLex filters runs by their start only",
    );

    // The link reopens the same view.
    await page.reload();
    await expect.poll(() => visibleRunIds(page)).toEqual(expected.slice(0, 25));

    // Clearing it goes back to the rolling last 24 hours.
    await page.getByRole("button", { name: "Clear the custom window" }).click();
    await expect(page.getByRole("radio", { name: "Last 24 h" })).toBeChecked();
    await expect(page).toHaveURL((url) => !url.searchParams.has("after"));
  });

  test("refuses an end that is not after the start before anything is asked", async ({
    connectedPage: page,
  }) => {
    await page.goto("/runs");
    const dialog = page.getByRole("dialog", { name: "Show runs triggered between" });
    await openByClick(page.getByRole("button", { name: "Custom…" }), dialog);
    await dialog.getByLabel("From: day").fill("2026-04-11");
    await dialog.getByLabel("From: time of day").fill("10:00");
    await dialog.getByLabel("To (empty: up to now): day").fill("2026-04-11");
    await dialog.getByLabel("To (empty: up to now): time of day").fill("09:00");
    await expect(dialog.getByText("The window must end after it starts.")).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Apply" })).toBeDisabled();
  });

  test("a link with a before and no after is repaired, and says so", async ({
    connectedPage: page,
  }) => {
    await page.goto("/runs?before=2026-04-11T00:00:00Z");
    await expect(
      page.getByText("A “before” bound needs an “after” bound; showing the last 24h."),
    ).toBeVisible();
    await expect(page).toHaveURL((url) => !url.searchParams.has("before"));
    await expect(page.getByRole("radio", { name: "Last 24 h" })).toBeChecked();
  });
});
