/**
 * Live on a workflow's runs: polls of page 1 at the interval (2 s here: LIVE_POLL_INTERVAL_MS in
 * playwright.config.ts), new runs as an "N new runs" banner that never moves the rows, pauses in a
 * hidden tab and on page 2; and a slow load's "Still waiting for LeadLex…" with Cancel.
 *
 * Workspace B's key and two of its workflows no other spec opens (wf_02HZ4, wf_02HZ2), so the
 * calls counted and the latency added are this file's own. Both are enabled, but gain a run only
 * every few hours by themselves.
 */
import type { Page } from "@playwright/test";
import {
  emulatorRequestsSince,
  lastRequestSeq,
  setWorkflowLatency,
} from "../support/emulator-admin";
import {
  burstRuns,
  expectHydrated,
  expectRunIds,
  runsTable,
  useSessionWithKey,
  visibleRunIds,
} from "../support/dashboard";
import { demoKeys, expect, test } from "../support/fixtures";

const LIVE_WORKFLOW = "wf_02HZ4";
const SLOW_WORKFLOW = "wf_02HZ2";
const POLL_MS = 2_000;

function liveToggle(page: Page) {
  return page.getByRole("button", { name: "Live", exact: true });
}

/** Live's calls to LeadLex since `since`: page 1 of the workflow's runs, rows not counts. */
async function liveCallsSince(since: number, workflowId: string) {
  const path = `/functions/v1/api-gateway/v1/workflows/${workflowId}/logs`;
  return (await emulatorRequestsSince(since)).filter(
    (call) =>
      call.keyLabel === "other_workspace" &&
      call.path === path &&
      call.query.per_page?.[0] !== "1" &&
      (call.query.page?.[0] ?? "1") === "1",
  );
}

async function openLive(page: Page, search = "?live=1"): Promise<void> {
  await useSessionWithKey(page.context(), demoKeys.other_workspace);
  await page.goto(`/workflows/${LIVE_WORKFLOW}${search}`);
  await expect(runsTable(page)).toBeVisible();
  await expectHydrated(liveToggle(page));
}

test.describe.configure({ mode: "serial" });

test.describe("Live", () => {
  test("new runs arrive as a banner with their count, and only its press shows them", async ({
    page,
  }) => {
    await openLive(page);
    await expect(liveToggle(page)).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByText("checks every 2 s")).toBeVisible();
    const before = await visibleRunIds(page);

    const added = await burstRuns(LIVE_WORKFLOW, [
      { status: "failed", duration_ms: 0 },
      { status: "success", count: 2, duration_ms: 0 },
    ]);
    const banner = page.getByRole("button", { name: "↑ 3 new runs" });
    await expect(banner).toBeVisible();
    // The poll counted them; the rows under the pointer are still the ones that were there.
    expect(await visibleRunIds(page)).toEqual(before);

    await banner.click();
    await expectRunIds(page, [...added.map((run) => run.id), ...before].slice(0, before.length));
    await expect(banner).toBeHidden();
    await expect(liveToggle(page)).toBeFocused();
  });

  test("polls LeadLex once an interval, and not at all while the tab is hidden", async ({
    page,
  }) => {
    await openLive(page);
    await expect(page.getByText("checks every 2 s")).toBeVisible();

    const since = await lastRequestSeq();
    const spanMs = 5 * POLL_MS;
    // A span of time is what is measured here: how many polls fit in it.
    await page.waitForTimeout(spanMs);
    const calls = await liveCallsSince(since, LIVE_WORKFLOW);
    expect(calls.length).toBeGreaterThanOrEqual(spanMs / POLL_MS - 1);
    expect(calls.length).toBeLessThanOrEqual(spanMs / POLL_MS + 1);
    // Every one asked past Runboard's cache: each is a call LeadLex received.
    expect(calls.every((call) => call.status === 200)).toBe(true);

    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", {
        configurable: true,
        get: () => "hidden",
      });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await expect(page.getByText("paused while this tab is hidden")).toBeAttached();
    const hiddenSince = await lastRequestSeq();
    // An absence is what is asserted: no poll in three intervals, so the span has to pass.
    await page.waitForTimeout(3 * POLL_MS);
    expect(await liveCallsSince(hiddenSince, LIVE_WORKFLOW)).toHaveLength(0);

    // Visible again: one poll at once, not at the end of an interval.
    const shownSince = await lastRequestSeq();
    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", {
        configurable: true,
        get: () => "visible",
      });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await expect
      .poll(async () => (await liveCallsSince(shownSince, LIVE_WORKFLOW)).length, {
        timeout: POLL_MS - 500,
      })
      .toBeGreaterThanOrEqual(1);
  });

  test("is paused on page 2, and a link with another value leaves it off and says so", async ({
    page,
  }) => {
    await openLive(page, "?live=1&page=2");
    await expect(page.getByText("paused: new runs arrive on page 1")).toBeVisible();
    const since = await lastRequestSeq();
    // An absence again: two intervals with no poll from page 2.
    await page.waitForTimeout(2 * POLL_MS);
    expect(await liveCallsSince(since, LIVE_WORKFLOW)).toHaveLength(0);

    await page.goto(`/workflows/${LIVE_WORKFLOW}?live=yes`);
    await expect(
      page.getByText("“yes” is not a Live setting (live=1 turns it on); Live is off."),
    ).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/workflows/${LIVE_WORKFLOW}$`));
    await expectHydrated(liveToggle(page));
    await expect(liveToggle(page)).toHaveAttribute("aria-pressed", "false");

    await liveToggle(page).click();
    await expect(page).toHaveURL(/\?live=1$/);
  });
});

test.describe("a slow LeadLex", () => {
  test.afterEach(async () => {
    await setWorkflowLatency({});
  });

  test("says it is still waiting after 2 s, and Cancel keeps the rows that were there", async ({
    page,
  }) => {
    await useSessionWithKey(page.context(), demoKeys.other_workspace);
    await page.goto(`/workflows/${SLOW_WORKFLOW}`);
    const failed = page.getByRole("button", { name: "Failed" });
    await expectHydrated(failed);
    const before = await visibleRunIds(page);

    // Longer than a LeadLex attempt may take here (2 s): the server gives up at its 4 s total
    // timeout. The browser is handed that answer only once Cancel is pressed, so the note stays up
    // as long as the test needs (on a loaded machine its 2 s between the note and the timeout
    // were outlasted by a single click).
    await setWorkflowLatency({ [SLOW_WORKFLOW]: 10_000 });
    const slowRuns = new RegExp(`/api/workflows/${SLOW_WORKFLOW}/logs\\?(.*&)?status=failed`);
    let handOver = () => {};
    const cancelPressed = new Promise<void>((resolve) => (handOver = resolve));
    await page.route(slowRuns, async (route) => {
      const answer = await route.fetch().catch(() => null);
      await cancelPressed;
      // The page has dropped the request by now: handing it over may find nobody waiting.
      await (answer ? route.fulfill({ response: answer }) : route.abort()).catch(() => undefined);
    });
    await failed.click();
    const waiting = page
      .getByRole("status")
      .filter({ hasText: /^Still waiting for LeadLex… \d+ s/ });
    await expect(waiting).toBeVisible();
    expect(
      Number(/… (\d+) s/.exec((await waiting.textContent()) ?? "")?.[1]),
    ).toBeGreaterThanOrEqual(2);
    await waiting.getByRole("button", { name: "Cancel" }).click();
    handOver();
    await page.unroute(slowRuns);

    const cancelled = page.getByRole("status").filter({ hasText: "Cancelled" });
    await expect(cancelled).toContainText("Cancelled: the runs shown are from before.");
    expect(await visibleRunIds(page)).toEqual(before);

    await setWorkflowLatency({});
    await cancelled.getByRole("button", { name: "Retry" }).click();
    await expect(cancelled).toBeHidden();
    await expect
      .poll(async () => {
        const statuses = await runsTable(page).getByRole("row").allInnerTexts();
        return (
          statuses.length > 1 && statuses.slice(1).every((row) => !/Success|Skipped/.test(row))
        );
      })
      .toBe(true);
  });
});
