/**
 * Helpers for the dashboard specs (`e2e/dashboard/`): the emulator's own answers to compare the
 * screen with, the calls it received from one test, and checks every view shares (no horizontal
 * overflow, the clipboard). Everything here talks to the emulator or the browser; nothing reaches
 * into the app's code.
 */
import type { BrowserContext, Locator, Page, Response } from "@playwright/test";
import { sealSession, SESSION_COOKIE_NAME } from "../../scripts/support/session-cookie";
import { emulatorRequestsSince, replayedAnswer, type RecordedRequest } from "./emulator-admin";
import { demoKeys, expect } from "./fixtures";
import type { LogEntry, LogListBody } from "../../emulator/wire-types";
import { E2E_APP_URL, E2E_EMULATOR_URL } from "./ports";

const API_BASE = `${E2E_EMULATOR_URL}/functions/v1/api-gateway`;

/** LeadLex's own shapes, from the emulator's one description of the wire format. */
export type {
  LogEntry as WireLogEntry,
  LogListBody as WireLogPage,
} from "../../emulator/wire-types";

/**
 * Asks the emulator directly, with the Org key, what LeadLex holds now. Runs keep arriving in
 * enabled workflows, so use it for what does not change from one moment to the next (a quiet
 * workflow, a run picked to open, the workflow list); compare a page of runs with
 * `expectRunsAsAnswered` instead. These calls appear in the request log too; take a
 * `lastRequestSeq()` after them.
 */
export async function emulatorGet<T>(path: string, key: string = demoKeys.org_full): Promise<T> {
  const response = await fetch(`${API_BASE}${path}`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  if (!response.ok) throw new Error(`emulator ${path}: ${response.status}`);
  return (await response.json()) as T;
}

export async function emulatorLogs(
  workflowId: string,
  query: Record<string, string> = {},
): Promise<LogListBody> {
  const search = new URLSearchParams(query);
  return emulatorGet<LogListBody>(
    `/v1/workflows/${workflowId}/logs${search.size > 0 ? `?${search}` : ""}`,
  );
}

/** Every run of one workflow triggered at or after `afterIso`, as the emulator lists them. */
export async function emulatorRunsAfter(workflowId: string, afterIso: string): Promise<LogEntry[]> {
  const runs: LogEntry[] = [];
  for (let page = 1; ; page++) {
    const body = await emulatorLogs(workflowId, {
      per_page: "100",
      page: String(page),
      after: afterIso,
    });
    runs.push(...body.data.logs);
    if (body.data.logs.length < 100) return runs;
  }
}

/** A run the emulator adds on request: it completes now, triggered `duration_ms` ago. */
export interface BurstRun {
  status: "success" | "failed" | "skipped";
  error_code?: string;
  skip_reason?: string;
  entity_id?: string;
  duration_ms?: number;
  count?: number;
}

/** Adds runs with chosen statuses, codes and records to one workflow, as LeadLex writes them. */
export async function burstRuns(workflowId: string, runs: BurstRun[]): Promise<LogEntry[]> {
  const response = await fetch(`${E2E_EMULATOR_URL}/__emulator/runs`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ workflow_id: workflowId, runs }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { runs: LogEntry[] }).runs;
}

/** The calls LeadLex received since `since` for one workflow: its details and its logs. */
export async function workflowCallsSince(
  since: number,
  workflowId: string,
): Promise<{ details: RecordedRequest[]; logs: RecordedRequest[] }> {
  const requests = await emulatorRequestsSince(since);
  const base = `/functions/v1/api-gateway/v1/workflows/${workflowId}`;
  return {
    details: requests.filter((request) => request.path === base),
    logs: requests.filter(
      (request) => request.path === `${base}/logs` && !isListHealthCall(request),
    ),
  };
}

/**
 * The workflow list's health asks `per_page=1` of every listed workflow (any test that lands on
 * the list, as connecting does, sets it off), and a runs view's chip counts ask one per status.
 * A runs view never asks for rows in pages of one.
 */
function isListHealthCall(request: RecordedRequest): boolean {
  return request.query.per_page?.[0] === "1";
}

/** A runs view's query as the app sends it to LeadLex; absent values are LeadLex's defaults. */
export interface LogsView {
  page?: number;
  perPage?: number;
  status?: string;
  after?: string;
}

function isCallFor(request: RecordedRequest, view: LogsView): boolean {
  return (
    (queryValue(request, "page") ?? "1") === String(view.page ?? 1) &&
    (queryValue(request, "per_page") ?? "25") === String(view.perPage ?? 25) &&
    queryValue(request, "status") === view.status &&
    queryValue(request, "after") === view.after
  );
}

/**
 * The calls whose answers a page may show from `since` on: every call made since, and, for each
 * distinct request, the latest one made before it, which Runboard's cache may still be serving.
 */
export async function callsServable(
  since: number,
  matches: (request: RecordedRequest) => boolean,
): Promise<RecordedRequest[]> {
  // Only an answer can be on screen: not a call still in flight, refused (429) or failed (5xx),
  // which a test running alongside (another key, a fault) may have made last.
  const answered = (request: RecordedRequest) =>
    request.status !== null && request.status !== 429 && request.status < 500;
  const calls = (await emulatorRequestsSince(0)).filter(
    (request) => answered(request) && matches(request),
  );
  const latestBefore = new Map<string, RecordedRequest>();
  for (const call of calls) if (call.seq <= since) latestBefore.set(call.rawUrl, call);
  return [...latestBefore.values(), ...calls.filter((call) => call.seq > since)];
}

/** `callsServable` for one workflow's details and runs. */
export async function workflowCallsServable(
  since: number,
  workflowId: string,
): Promise<{ details: RecordedRequest[]; logs: RecordedRequest[] }> {
  const base = `/functions/v1/api-gateway/v1/workflows/${workflowId}`;
  const [details, logs] = await Promise.all([
    callsServable(since, (request) => request.path === base),
    callsServable(since, (request) => request.path === `${base}/logs`),
  ]);
  return { details, logs };
}

/**
 * What LeadLex answered, at the time, to each call for this view of a workflow's runs made since
 * `since` (by this test, and by any test running alongside that asked the same).
 */
export async function upstreamLogAnswers(
  since: number,
  workflowId: string,
  view: LogsView = {},
): Promise<LogListBody[]> {
  const { logs } = await workflowCallsServable(since, workflowId);
  const calls = logs.filter((call) => call.status === 200 && isCallFor(call, view));
  return Promise.all(calls.map((call) => replayedAnswer<LogListBody>(call)));
}

/**
 * Waits until the table shows exactly the runs LeadLex answered to one of the app's calls for
 * this view since `since`, and returns that answer (its total is the one the page shows).
 */
export async function expectRunsAsAnswered(
  page: Page,
  since: number,
  workflowId: string,
  view: LogsView = {},
): Promise<LogListBody> {
  let matched: LogListBody | undefined;
  await expect
    .poll(
      async () => {
        const shown = await visibleRunIds(page);
        const answers = await upstreamLogAnswers(since, workflowId, view);
        // The latest matching answer: a run that completes late lands on a later page, so two
        // answers can show the same first rows with different totals; the page shows the newer.
        matched = [...answers].reverse().find((answer) => sameIds(answer, shown));
        return matched === undefined ? { shown, answered: answers.map(idsOf) } : "as answered";
      },
      { message: `runs on screen = LeadLex's answer for ${workflowId} ${JSON.stringify(view)}` },
    )
    .toBe("as answered");
  if (matched === undefined) throw new Error("unreachable: the poll passed without a match");
  return matched;
}

const idsOf = (answer: LogListBody) => answer.data.logs.map((log) => log.id);
const sameIds = (answer: LogListBody, ids: string[]) =>
  idsOf(answer).length === ids.length && idsOf(answer).every((id, i) => id === ids[i]);

/** The first run of an emulator page that passes `test`; a page without one fails the test. */
export function firstWith(logs: LogEntry[], test: (log: LogEntry) => boolean): LogEntry {
  const found = logs.find(test);
  if (!found) throw new Error("the emulator page has no such run");
  return found;
}

/** The single value of a query parameter of a recorded call, or undefined. */
export function queryValue(request: RecordedRequest, name: string): string | undefined {
  const values = request.query[name];
  if (values && values.length > 1) throw new Error(`${name} was sent ${values.length} times`);
  return values?.[0];
}

/** The table of runs on a workflow's page. */
export function runsTable(page: Page): Locator {
  return page.getByRole("table", { name: /runs of workflow/ });
}

/** The ids of the runs on screen, top to bottom, read from each row's details button. */
export async function visibleRunIds(page: Page): Promise<string[]> {
  // React reveals streamed content a moment after the load event; wait for the table first.
  await expect(runsTable(page)).toBeVisible();
  const labels = await runsTable(page)
    .getByRole("button", { name: /^(Show|Hide) details of run / })
    .evaluateAll((buttons) => buttons.map((button) => button.getAttribute("aria-label") ?? ""));
  return labels.map((label) => label.replace(/^(Show|Hide) details of run /, ""));
}

/** Waits until the table shows exactly these runs, in this order. */
export async function expectRunIds(page: Page, ids: string[]): Promise<void> {
  await expect.poll(() => visibleRunIds(page), { message: "runs on screen" }).toEqual(ids);
}

/** The row of one run (its `<tr>`), found by its details button. */
export function runRow(page: Page, runId: string): Locator {
  return runsTable(page)
    .getByRole("row")
    .filter({
      has: page.getByRole("button", { name: new RegExp(`details of run ${runId}$`) }),
    });
}

/** The expanded details panel of one run. */
export function runDetails(page: Page, runId: string): Locator {
  return page.getByRole("region", { name: `Details of run ${runId}` });
}

/**
 * An unknown or malformed workflow id: the not-found page with a real 404 status (link checkers,
 * monitors and browser history rely on it), never indexed.
 */
export async function expectNotFound(response: Response | null): Promise<void> {
  expect(response?.status()).toBe(404);
  expect(await response?.text()).toMatch(/<meta name="robots" content="noindex"/);
}

/** What the reason cell reads: the code and then the message, or the skip reason, or a dash. */
export function expectedReason(run: LogEntry): string {
  if (run.error) return `${run.error.code} ${run.error.message.replace(/\s+/g, " ").trim()}`.trim();
  return run.skip_reason ?? "—";
}

/** The page never scrolls sideways: `document.documentElement.scrollWidth <= innerWidth`. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
      message: "pixels the page is wider than the window",
    })
    .toBeLessThanOrEqual(0);
}

/** Lets the page use the clipboard without a prompt, so copy buttons can be checked. */
export async function allowClipboard(context: BrowserContext): Promise<void> {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: E2E_APP_URL });
}

export async function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Same value as `SESSION_SECRET` in playwright.config.ts (the e2e server's only secret). */
const E2E_SESSION_SECRET = "e2e-only-session-secret-0123456789abcdef";

/**
 * Puts a key into the browser's session cookie as if it had been connected earlier. The connect
 * form rightly refuses expired and scope-less keys, so this is the only way to reach what a user
 * sees when a key that worked yesterday has expired since, or lost its scope: the runs page's own
 * 401 and 403 states. The cookie is sealed exactly as the app seals it, with the e2e secret.
 */
export async function useSessionWithKey(context: BrowserContext, key: string): Promise<void> {
  const value = await sealSession(key, E2E_SESSION_SECRET);
  await context.addCookies([
    // The servers run in production mode, where the cookie carries the `__Host-` prefix.
    {
      name: SESSION_COOKIE_NAME,
      value,
      domain: new URL(E2E_APP_URL).hostname,
      path: "/",
      httpOnly: true,
      secure: true,
      sameSite: "Lax",
    },
  ]);
}

/** Fails the test when the page opens a dialog (`alert`, `confirm`, …) at any point. */
export function failOnDialog(page: Page): { dialogs: string[] } {
  const seen = { dialogs: [] as string[] };
  page.on("dialog", (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return seen;
}

/**
 * Waits until React has hydrated the element. A click before that reaches only the server's HTML:
 * a native radio turns checked, no handler runs, and a second click on it changes nothing. React
 * marks each node it has hydrated with a `__reactFiber$…` property.
 */
export async function expectHydrated(locator: Locator): Promise<void> {
  await expect
    .poll(() =>
      locator.evaluate((node) => Object.keys(node).some((key) => key.startsWith("__reactFiber$"))),
    )
    .toBe(true);
}

/** Clicks the element once React has hydrated it, so the click reaches its handler. */
export async function clickOnceHydrated(locator: Locator): Promise<void> {
  await expectHydrated(locator);
  await locator.click();
}

/**
 * Opens a popover (or a run's details) from the keyboard: focus its trigger and press Enter, again
 * if need be. A key pressed before React hydrates the page does nothing (the server-rendered button
 * has no handler yet), and on a loaded machine hydration can come after the test's first key; a
 * trigger whose row is re-rendered takes its focus and the key with it. The retry stops as soon as
 * the dialog shows, so the press that opened it is the last one.
 */
export async function openWithKeyboard(
  page: Page,
  trigger: Locator,
  dialog: Locator,
): Promise<void> {
  await expect(async () => {
    if (await dialog.isVisible()) return;
    await trigger.focus();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/**
 * `17 Apr, 09:31:05` in a zone, with the year when it is not this year there: written out from
 * `Intl`'s fields here rather than taken from the app.
 */
export function expectedCellTime(iso: string, timeZone: string): string {
  const fields = (instant: Date) =>
    Object.fromEntries(
      new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      })
        .formatToParts(instant)
        .map((part) => [part.type, part.value]),
    );
  const at = fields(new Date(iso));
  const year = at.year === fields(new Date()).year ? "" : ` ${at.year}`;
  return `${at.day} ${at.month}${year}, ${at.hour}:${at.minute}:${at.second}`;
}

/** `openWithKeyboard` for a click: the After chip's code arrives in a chunk of its own. */
export async function openByClick(trigger: Locator, dialog: Locator): Promise<void> {
  await expect(async () => {
    if (await dialog.isVisible()) return;
    await trigger.click();
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}
