/**
 * Times people can read: the Triggered column shows the date and time in the chosen zone (its age
 * as secondary text), and the Local/UTC toggle changes it; an "After" preset stays rolling in the
 * link while LeadLex receives the instant it names at each request; "Copy link" offers the
 * rolling link and one frozen to instants. The browser runs in Asia/Kolkata (UTC+05:30, no
 * daylight saving), so local and UTC differ by a fixed amount.
 */
import { lastRequestSeq } from "../support/emulator-admin";
import { expect, test } from "../support/fixtures";
import {
  allowClipboard,
  expectedCellTime,
  expectRunsAsAnswered,
  queryValue,
  readClipboard,
  runRow,
  runsTable,
  workflowCallsSince,
  openByClick,
} from "../support/dashboard";

test.use({ timezoneId: "Asia/Kolkata" });

const KOLKATA = "Asia/Kolkata";
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The instant a rolling window names at `nowMs`: counted back from the start of that minute. */
function windowStart(nowMs: number, windowMs: number): number {
  return Math.floor(nowMs / MINUTE_MS) * MINUTE_MS - windowMs;
}

/**
 * The `after` values LeadLex received for a workflow's first pages since `since` (a view reached
 * in the browser also fetches its next page ahead, with the same bound).
 */
async function afterSent(since: number, workflowId: string): Promise<string[]> {
  const { logs } = await workflowCallsSince(since, workflowId);
  return logs
    .filter((call) => (queryValue(call, "page") ?? "1") === "1")
    .map((call) => queryValue(call, "after") ?? "");
}

test.describe("readable times", () => {
  test("the Triggered column shows each run's date and time, in Kolkata and then in UTC", async ({
    connectedPage: page,
  }) => {
    const since = await lastRequestSeq();
    await page.goto("/workflows/wf_01HY1?status=failed");
    const { data } = await expectRunsAsAnswered(page, since, "wf_01HY1", { status: "failed" });
    const headers = runsTable(page).getByRole("columnheader");
    await expect(headers.filter({ hasText: /^Triggered/ })).toHaveText(
      /^Triggered \(Asia\/(Kolkata|Calcutta)\)$/,
    );

    for (const log of data.logs.slice(0, 8)) {
      const time = runRow(page, log.id).locator("time");
      await expect(time).toHaveAttribute("datetime", log.triggered_at);
      await expect(time).toHaveText(
        new RegExp(
          `^${expectedCellTime(log.triggered_at, KOLKATA)} (just now|(in )?\\d+ \\w+( ago)?)$`,
        ),
      );
    }
    // Runs a moment apart read apart: one label per distinct second on the page.
    const labels = await runsTable(page).locator("tbody time > span:first-child").allTextContents();
    const seconds = new Set(data.logs.map((log) => log.triggered_at.slice(0, 19)));
    expect(new Set(labels).size).toBe(seconds.size);

    await page.getByRole("radio", { name: "UTC" }).check();
    await expect(headers.filter({ hasText: /^Triggered/ })).toHaveText("Triggered (UTC)");
    for (const log of data.logs.slice(0, 8)) {
      await expect(runRow(page, log.id).locator("time > span").first()).toHaveText(
        expectedCellTime(log.triggered_at, "UTC"),
      );
    }
  });

  test("a preset stays rolling in the link; LeadLex gets the instant at each request", async ({
    connectedPage: page,
  }) => {
    await page.goto("/workflows/wf_big");
    await openByClick(
      page.getByRole("button", { name: "After: any time" }),
      page.getByRole("dialog", { name: "Show runs triggered after" }),
    );
    const since = await lastRequestSeq();
    const clicked = Date.now();
    await page.getByRole("dialog").getByRole("button", { name: "Last 24 hours" }).click();
    await expect(page).toHaveURL(/\/workflows\/wf_big\?after=-24h$/);
    await expect(page.getByRole("button", { name: "In the last 24 hours" })).toBeVisible();
    // Other tests of this file may ask for wf_big at the same time: find this view's call among
    // them by the instant it must name (the minute of the click, or the next one).
    const sentNear = async (from: number, expected: () => number[]) =>
      (await afterSent(from, "wf_big"))
        .map((after) => Date.parse(after))
        .find((ms) => expected().some((start) => Math.abs(ms - start) <= MINUTE_MS));
    const firstWindow = () => [windowStart(clicked, DAY_MS), windowStart(Date.now(), DAY_MS)];
    await expect.poll(() => sentNear(since, firstWindow)).toBeDefined();
    const first = (await sentNear(since, firstWindow)) ?? Number.NaN;
    expect(firstWindow()).toContain(first);

    // The bookmark, opened "tomorrow": the browser's clock is a day and an hour on. The link is
    // unchanged, and the next request names an instant a day and an hour later.
    const shift = DAY_MS + 60 * MINUTE_MS;
    await page.clock.setSystemTime(Date.now() + shift);
    const moved = Date.now() + shift;
    const sinceMove = await lastRequestSeq();
    await page.getByRole("button", { name: "Failed" }).click();
    await expect(page).toHaveURL(/\/workflows\/wf_big\?after=-24h&status=failed$/);
    const movedWindow = () => [windowStart(moved, DAY_MS)];
    await expect.poll(() => sentNear(sinceMove, movedWindow)).toBeDefined();
    const later = (await sentNear(sinceMove, movedWindow)) ?? Number.NaN;
    expect(later - first).toBeGreaterThanOrEqual(shift - MINUTE_MS);
    await expect(page).toHaveURL(/after=-24h/);
  });

  test("a rolling link from a bookmark is read as it is, and a loose one is repaired", async ({
    connectedPage: page,
  }) => {
    const since = await lastRequestSeq();
    const opened = Date.now();
    await page.goto("/workflows/wf_big?after=-7d");
    await expect(page.getByRole("button", { name: "In the last 7 days" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "repaired" })).toHaveCount(0);
    // Found among other tests' calls for wf_big by the instant the week's window must name.
    const weekWindow = () => [windowStart(opened, 7 * DAY_MS), windowStart(Date.now(), 7 * DAY_MS)];
    await expect
      .poll(async () =>
        (await afterSent(since, "wf_big")).some((after) =>
          weekWindow().includes(Date.parse(after)),
        ),
      )
      .toBe(true);

    await page.goto("/workflows/wf_big?after=-1H");
    await expect(
      page.getByText("The “after” window was read as -1h (the last hour)."),
    ).toBeVisible();
    await expect(page).toHaveURL(/\?after=-1h$/);
    await expect(page.getByRole("button", { name: "In the last hour" })).toBeVisible();
  });

  test("Copy link offers the rolling link and one frozen to the instant", async ({
    connectedPage: page,
    context,
  }) => {
    await allowClipboard(context);
    const since = await lastRequestSeq();
    await page.goto("/workflows/wf_big?after=-24h&status=failed");
    await page.getByRole("button", { name: "Copy rolling link" }).click();
    expect(await readClipboard(page)).toBe(page.url());
    expect(new URL(page.url()).searchParams.get("after")).toBe("-24h");

    const before = Date.now();
    await page.getByRole("button", { name: "Copy link with fixed times" }).click();
    await expect(page.getByRole("button", { name: "Fixed link copied" })).toBeVisible();
    const frozen = new URL(await readClipboard(page));
    const after = Date.now();
    expect(frozen.pathname).toBe("/workflows/wf_big");
    expect([...frozen.searchParams.keys()]).toEqual(["after", "status"]);
    expect(frozen.searchParams.get("status")).toBe("failed");
    const fixed = frozen.searchParams.get("after") ?? "";
    expect(fixed).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/);
    expect([windowStart(before, DAY_MS), windowStart(after, DAY_MS)]).toContain(Date.parse(fixed));
    // Readable as people write times: the colons are not escaped.
    expect(frozen.href).toContain(`after=${fixed}`);

    // Opened, it is an absolute bound. LeadLex has been asked for exactly that instant: by this
    // page, or, when the copy was made within the minute the rolling view was loaded in, by that
    // view (the quota layer then answers this page from its cache, without a call).
    await page.goto(frozen.href);
    await expect(page.getByRole("button", { name: /^After \d+ \w{3} \d{4}, / })).toBeVisible();
    await expect(page.getByRole("button", { name: "Copy link with fixed times" })).toHaveCount(0);
    await expect.poll(() => afterSent(since, "wf_big")).toContain(fixed);
  });
});
