import type { APIResponse, Page } from "@playwright/test";
import { emulatorRequestsSince, lastRequestSeq } from "../support/emulator-admin";
import { expect, test } from "../support/fixtures";
import { E2E_APP_URL, E2E_CLOSED_UPSTREAM_PORT, E2E_DOWN_APP_URL } from "../support/ports";
import { stackTraceIn, upstreamLeaksIn } from "../support/upstream-leaks";
import {
  faultCases,
  faultCaseTitle,
  MARGIN_MS,
  TOTAL_BUDGET_MS,
  type FaultCase,
} from "./fault-table";

/**
 * Every row of `fault-table.ts`, against the running app: the route handler's status, body and
 * timing, then the page a user opens. Faults come from the emulator's reserved ids; "LeadLex down"
 * is a second app server pointed at a closed port.
 */

const REQUEST_ID = /^req_[0-9A-HJKMNP-TV-Z]{26}$/;

function appUrl(fault: FaultCase): string {
  return fault.server === "down" ? E2E_DOWN_APP_URL : E2E_APP_URL;
}

async function timedGet(page: Page, url: string): Promise<{ response: APIResponse; ms: number }> {
  const started = Date.now();
  const response = await page.request.get(url, { timeout: 20_000 });
  await response.body();
  return { response, ms: Date.now() - started };
}

test.describe("faults upstream: the logs route handler and the runs page", () => {
  test("the down server's LeadLex address really refuses connections", async () => {
    const refused = await fetch(`http://127.0.0.1:${E2E_CLOSED_UPSTREAM_PORT}/`).then(
      () => false,
      (error: unknown) =>
        error instanceof TypeError &&
        (error.cause as { code?: string } | undefined)?.code === "ECONNREFUSED",
    );
    expect(refused).toBe(true);
  });

  for (const fault of faultCases) {
    test(`${faultCaseTitle(fault)}: ${fault.upstream}`, async ({ connectedPage: page }) => {
      const base = appUrl(fault);
      const { route } = fault;

      // 1. The route handler, as the browser's table calls it.
      const { response, ms } = await timedGet(page, `${base}/api/workflows/${fault.id}/logs`);
      const text = await response.text();
      expect(response.status(), text).toBe(route.status);
      expect(ms, `answered in ${ms} ms`).toBeLessThan(route.withinMs);
      expect(response.headers()["cache-control"]).toBe("private, no-store");
      expect(response.headers()["content-type"]).toBe("application/json; charset=utf-8");
      expect(upstreamLeaksIn(text)).toEqual([]);
      expect(stackTraceIn(text)).toEqual([]);

      const body = JSON.parse(text) as {
        runs?: unknown[];
        error?: { code: string; message: string; requestId: string | null };
      };
      if (route.code === null) {
        expect(body.runs?.length ?? 0).toBeGreaterThan(0);
      } else {
        expect(body).toEqual({
          error: {
            code: route.code,
            message: route.message,
            requestId: route.requestId ? expect.stringMatching(REQUEST_ID) : null,
            retryAfterSeconds: route.retryAfterSeconds ?? null,
          },
        });
        expect(response.headers()["retry-after"]).toBe(
          route.retryAfterSeconds === undefined ? undefined : String(route.retryAfterSeconds),
        );
      }

      // 2. The page.
      const started = Date.now();
      await page.goto(`${base}/workflows/${fault.id}`, { timeout: 20_000 });
      const heading = page.getByRole("heading", { name: fault.page.heading, exact: true });
      await expect(heading).toBeVisible();
      expect(Date.now() - started).toBeLessThan(route.withinMs + MARGIN_MS);

      const html = await page.content();
      expect(upstreamLeaksIn(html)).toEqual([]);
      expect(stackTraceIn(html)).toEqual([]);

      if (route.code === null) {
        await expect(page.getByRole("table").getByRole("row").nth(1)).toBeVisible();
        return;
      }

      const panel = page.getByRole("alert").filter({ has: heading });
      await expect(panel).toContainText(route.message ?? "");
      if (route.requestId) {
        await expect(panel.getByText(/LeadLex request id: req_[0-9A-Z]{26}/)).toBeVisible();
      } else {
        await expect(panel).not.toContainText("request id");
      }
      if (fault.page.recovery === "countdown") {
        await expect(panel).toContainText(/The limit resets in \d+ (s|min \d\d s|h \d\d min)/);
      }
      if (fault.page.shows) await expect(panel).toContainText(fault.page.shows);

      // 3. The retry control asks again, through our route handler, and says what happened again.
      const retry = panel.getByRole("button", { name: "Try again" });
      await expect(retry).toBeVisible();
      const retried = page.waitForResponse(
        (candidate) => new URL(candidate.url()).pathname === `/api/workflows/${fault.id}/logs`,
        { timeout: TOTAL_BUDGET_MS + MARGIN_MS * 2 },
      );
      await retry.click();
      expect((await retried).status()).toBe(route.status);
      await expect(page.getByRole("heading", { name: fault.page.heading })).toBeVisible();
      await expect(page.getByRole("alert").filter({ hasText: route.message ?? "" })).toBeVisible();
    });
  }

  test("wf_fault_flaky is served through the gateway's retry", async ({ connectedPage: page }) => {
    const since = await lastRequestSeq();
    // Two queries no other test asks, so neither answer is already in Runboard's cache.
    for (const after of ["2020-02-02T02:02:02Z", "2020-03-03T03:03:03Z"]) {
      const response = await page.request.get(
        `/api/workflows/wf_fault_flaky/logs?per_page=25&after=${after}`,
      );
      expect(response.status()).toBe(200);
    }
    // The emulator alternates per key and path: two calls meet at least one 503, which the
    // gateway retried rather than passed on.
    const calls = (await emulatorRequestsSince(since)).filter(
      (request) => request.path.endsWith("/wf_fault_flaky/logs") && request.keyLabel === "org_full",
    );
    expect(calls.map((request) => request.status)).toContain(503);
  });

  test("a hanging call does not hold up anyone else", async ({ connectedPage: page }) => {
    const since = await lastRequestSeq();
    const hangStarted = Date.now();
    let hangAnswered = false;
    const hanging = page.request
      .get("/api/workflows/wf_fault_hang/logs", { timeout: 20_000 })
      .finally(() => (hangAnswered = true));

    await expect
      .poll(async () =>
        (await emulatorRequestsSince(since)).some(
          (request) => request.path.endsWith("/wf_fault_hang/logs") && request.finishedAt === null,
        ),
      )
      .toBe(true);

    // While it is in flight: the API and a whole server-rendered page answer at normal speed.
    const healthy = await timedGet(page, "/api/workflows/wf_01HY1/logs");
    expect(healthy.response.status()).toBe(200);
    const pageStarted = Date.now();
    const pageResponse = await page.request.get("/workflows/wf_01HY1");
    expect(pageResponse.status()).toBe(200);
    const pageMs = Date.now() - pageStarted;
    const answeredBeforeTheHang = !hangAnswered;

    const hang = await hanging;
    const hangMs = Date.now() - hangStarted;
    expect(hang.status()).toBe(504);
    expect(hangMs, `the hang answered after ${hangMs} ms`).toBeLessThan(
      TOTAL_BUDGET_MS + MARGIN_MS,
    );
    expect(healthy.ms, `healthy API call took ${healthy.ms} ms`).toBeLessThan(1_500);
    expect(pageMs, `healthy page took ${pageMs} ms`).toBeLessThan(2_500);
    expect(answeredBeforeTheHang, "the healthy calls finished while the hang was open").toBe(true);
  });
});
