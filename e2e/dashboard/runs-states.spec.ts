/**
 * The runs view's states: loading, empty, and every failure a user can meet on the runs view —
 * a key that expired or lacks the scope, an id LeadLex does not know, rate limits (the emulator's
 * 429 fault and the Starter key's real 10 calls a minute), LeadLex failing or timing out — plus the
 * remaining daily quota. Each state is checked with axe.
 */
import { lastRequestSeq } from "../support/emulator-admin";
import {
  connectWithKey,
  demoKeys,
  expect,
  expectNoAccessibilityViolations,
  test,
} from "../support/fixtures";
import { E2E_APP_URL, E2E_EMULATOR_URL } from "../support/ports";
import { rawRequest, sessionCookieHeader } from "../support/raw-http";
import {
  expectNotFound,
  runsTable,
  useSessionWithKey,
  workflowCallsSince,
} from "../support/dashboard";

const REQUEST_ID = /req_[0-9A-HJKMNP-TV-Z]{26}/;

test.describe("runs view states", () => {
  test("a loading skeleton with the table's shape while LeadLex is slow, then a timeout with retry", async ({
    connectedPage: page,
  }) => {
    await page.goto("/workflows/wf_fault_slow", { waitUntil: "commit" });
    await expect(page.getByRole("status", { name: "Loading runs" })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    const alert = page.getByRole("alert").filter({ hasText: "LeadLex timed out" });
    await expect(alert.getByRole("heading")).toHaveText("LeadLex timed out");
    await expect(alert).toContainText(/Try again/);
    // LeadLex never answered, so there is no request id to quote.
    await expect(alert).not.toContainText("request id");
    await expectNoAccessibilityViolations(page);

    // Trying again shows the skeleton in place of the message until the answer (here: another
    // timeout) comes back through our route handler.
    const since = await lastRequestSeq();
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("status", { name: "Loading runs" })).toBeVisible();
    await expect(alert).toBeVisible();
    const calls = await workflowCallsSince(since, "wf_fault_slow");
    expect(calls.logs.length).toBeGreaterThanOrEqual(1);
  });

  test("LeadLex failing: the message, its request id and a retry that asks again", async ({
    connectedPage: page,
  }) => {
    const response = await page.goto("/workflows/wf_fault_500");
    expect(response?.status()).toBe(200);
    const alert = page.getByRole("alert").filter({ hasText: /LeadLex/ });
    await expect(alert.getByRole("heading", { level: 2 })).toBeVisible();
    await expect(alert).toContainText(REQUEST_ID);
    await expectNoAccessibilityViolations(page);

    const retried = page.waitForResponse((answer) =>
      answer.url().includes("/api/workflows/wf_fault_500/logs"),
    );
    await alert.getByRole("button", { name: "Try again" }).click();
    expect((await retried).status()).toBe(502);
    await expect(alert).toContainText(REQUEST_ID);
  });

  test("no runs yet, and a filter that matches nothing names itself and clears", async ({
    connectedPage: page,
  }) => {
    await page.goto("/workflows/wf_01HY7");
    await expect(page.getByRole("heading", { name: "No runs yet" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Clear filters" })).toHaveCount(0);

    const future = new Date(Date.now() + 30 * 86_400_000);
    future.setUTCHours(9, 30, 0, 0);
    const after = future.toISOString().replace(".000Z", "Z");
    await page.goto(`/workflows/wf_01HY1?status=failed&after=${after}`);
    const day = future.getUTCDate();
    const month = future.toLocaleString("en-US", { month: "short", timeZone: "UTC" });
    await expect(
      page.getByRole("heading", {
        name: `No failed runs triggered after ${day} ${month} ${future.getUTCFullYear()}, 09:30:00 UTC`,
      }),
    ).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // From the keyboard: the button leaves with the empty state, focus stays on the filters.
    await page.getByRole("button", { name: "Clear filters" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/workflows\/wf_01HY1$/);
    await expect(page.getByRole("button", { name: "All" })).toBeFocused();
    await expect(runsTable(page).getByRole("row")).toHaveCount(26);
    await expect(page.getByRole("button", { name: "All" })).toHaveAttribute("aria-pressed", "true");
  });

  test("an expired key: says so and leads to reconnecting, back to this view", async ({
    page,
    context,
  }) => {
    await useSessionWithKey(context, demoKeys.expired);
    await page.goto("/workflows/wf_01HY1?status=failed");
    const alert = page.getByRole("alert").filter({ hasText: "expired" });
    await expect(alert.getByRole("heading")).toHaveText("Your API key has expired");
    await expect(alert).toContainText(REQUEST_ID);
    await expectNoAccessibilityViolations(page);

    await alert.getByRole("link", { name: "Reconnect" }).click();
    await expect(page).toHaveURL(/\/connect\?next=%2Fworkflows%2Fwf_01HY1%3Fstatus%3Dfailed$/);
    // The session still holds the expired key's workspace, so the new key is added beside it and
    // becomes the active one; the expired one stays in the switcher until it is removed.
    await page.getByLabel("API key", { exact: true }).fill(demoKeys.org_full);
    await page.getByRole("button", { name: "Add workspace", exact: true }).click();
    await expect(page).toHaveURL(/\/workflows\/wf_01HY1\?status=failed$/);
    await expect(runsTable(page)).toBeVisible();
  });

  test("a key without read:workflows: explains the missing scope", async ({ page, context }) => {
    await useSessionWithKey(context, demoKeys.no_scope);
    await page.goto("/workflows/wf_01HY1");
    const alert = page.getByRole("alert").filter({ hasText: "read:workflows" });
    await expect(alert.getByRole("heading")).toHaveText("This API key cannot read workflows");
    await expect(alert).toContainText(/needs the read:workflows permission/);
    await expect(alert.getByRole("link", { name: "Reconnect" })).toHaveAttribute(
      "href",
      "/connect?next=%2Fworkflows%2Fwf_01HY1",
    );
    await expectNoAccessibilityViolations(page);

    // The list says the same, in the same words, with the same way on.
    await page.goto("/");
    const listAlert = page.getByRole("alert").filter({ hasText: "read:workflows" });
    await expect(listAlert.getByRole("heading")).toHaveText("This API key cannot read workflows");
    await expect(listAlert).toContainText(/needs the read:workflows permission/);
    await expect(listAlert.getByRole("link", { name: "Reconnect" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test("an unknown id gets the “not found” page, which leads back to the list", async ({
    connectedPage: page,
  }) => {
    const response = await page.goto("/workflows/wf_does_not_exist");
    await expectNotFound(response);
    await expect(page.getByRole("heading", { name: "Workflow not found", level: 1 })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.getByRole("link", { name: "Back to all workflows" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
  });

  test("the status line itself says 404 for an unknown id, and 200 for a real workflow", async ({
    connectedPage: page,
  }) => {
    // Straight from the server, as a link checker or monitor sees it: no browser in between.
    const cookie = await sessionCookieHeader(page.context());
    const unknown = await rawRequest({
      baseUrl: E2E_APP_URL,
      path: "/workflows/wf_does_not_exist",
      headers: { Cookie: cookie },
    });
    expect(unknown.status).toBe(404);
    // Next sends a not-found found during the first render as its error shell, with the
    // not-found page in the flight data for the browser to render (the browser test above sees it).
    expect(unknown.body).toContain("Workflow not found");
    expect(unknown.body).toContain('<meta name="robots" content="noindex"/>');
    const known = await rawRequest({
      baseUrl: E2E_APP_URL,
      path: "/workflows/wf_01HY1",
      headers: { Cookie: cookie },
    });
    expect(known.status).toBe(200);
    expect(known.body).toContain("Notify owner on lost deals");
  });

  test("another workspace's key opening wf_01HY1 gets the “not found” page", async ({ page }) => {
    await connectWithKey(page, demoKeys.other_workspace);
    await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
    const response = await page.goto("/workflows/wf_01HY1");
    await expectNotFound(response);
    await expect(page.getByRole("heading", { name: "Workflow not found", level: 1 })).toBeVisible();
    await expect(page.getByText("Notify owner on lost deals")).toHaveCount(0);
  });

  test("a 429 counts down to its reset and retries by itself, again and again", async ({
    connectedPage: page,
  }) => {
    // The page's clock still runs on its own (TanStack Query schedules with timers); runFor jumps
    // it ahead, so the checks below allow for the real seconds a busy machine adds.
    await page.clock.install();
    const since = await lastRequestSeq();
    await page.goto("/workflows/wf_fault_429");
    const alert = page.getByRole("alert").filter({ hasText: "Rate limit reached" });
    await expect(alert).toContainText(/The limit resets in \d+ s; Runboard will retry/);
    await expect(alert).toContainText(REQUEST_ID);
    const secondsLeft = async () =>
      Number(/resets in (\d+) s/.exec((await alert.textContent()) ?? "")?.[1] ?? NaN);
    const first = await secondsLeft();
    expect(first).toBeGreaterThan(20);
    expect(first).toBeLessThanOrEqual(30);
    await expectNoAccessibilityViolations(page);

    await page.clock.runFor(10_000);
    await expect.poll(secondsLeft).toBeLessThanOrEqual(first - 10);
    const logCalls = async () => (await workflowCallsSince(since, "wf_fault_429")).logs.length;
    const afterLoad = await logCalls();

    // When the wait is over, Runboard asks again by itself, LeadLex says 429 again, and a new
    // countdown starts.
    await page.clock.runFor(21_000);
    await expect.poll(logCalls).toBeGreaterThan(afterLoad);
    await expect.poll(secondsLeft).toBeGreaterThan(20);
    const afterFirstRetry = await logCalls();

    await page.clock.runFor(31_000);
    await expect.poll(logCalls).toBeGreaterThan(afterFirstRetry);
    await expect.poll(secondsLeft).toBeGreaterThan(20);
  });

  test("the remaining daily quota is shown, and the Starter key's real limit is a 429 with a countdown", async ({
    page,
  }) => {
    await connectWithKey(page, demoKeys.starter);
    await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
    await page.goto("/workflows/wf_01HY1");
    await expect(page.getByText(/^API quota today: \d+ of 100 calls left/)).toBeVisible();

    // Spend the rest of this minute's 10 calls directly, until LeadLex refuses with a wait long
    // enough for the page load below to land in the same minute.
    await expect
      .poll(
        async () => {
          const response = await fetch(
            `${E2E_EMULATOR_URL}/functions/v1/api-gateway/v1/workflows?per_page=1`,
            { headers: { Authorization: `Bearer ${demoKeys.starter}` } },
          );
          return response.status === 429 ? Number(response.headers.get("retry-after")) : 0;
        },
        { timeout: 25_000, intervals: [50] },
      )
      .toBeGreaterThanOrEqual(8);

    // A reload would be answered from Runboard's cache; a view not asked for yet goes to LeadLex.
    await page.goto("/workflows/wf_01HY1?status=skipped");
    const alert = page.getByRole("alert").filter({ hasText: "Rate limit reached" });
    await expect(alert).toContainText(/The limit resets in \d+ s; Runboard will retry/);
    await expectNoAccessibilityViolations(page);
  });

  test("the Org key's quota is read from LeadLex's headers", async ({ connectedPage: page }) => {
    await page.goto("/workflows/wf_01HY1");
    await expect(
      page.getByText(/^API quota today: [\d,]+ of 10,000,000 calls left · resets at midnight UTC$/),
    ).toBeVisible();
  });
});
