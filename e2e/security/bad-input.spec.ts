import type { Page } from "@playwright/test";
import { emulatorRequestsSince, lastRequestSeq } from "../support/emulator-admin";
import { connectWithKey, demoKeys, expect, test } from "../support/fixtures";
import { E2E_APP_URL } from "../support/ports";
import { mapPool, rawRequest, sessionCookieHeader, type RawResponse } from "../support/raw-http";
import { stackTraceIn } from "../support/upstream-leaks";
import { invalidUpstreamRequests } from "../support/upstream-validity";

/**
 * Hostile ids and query values against the logs route handler and the runs page, sent byte for
 * byte. Whatever comes in: never a 5xx, always our clear error or a repaired view, and nothing
 * invalid ever reaches LeadLex (checked against what the emulator received).
 *
 * The session uses the second workspace's key, so the emulator's log can be filtered to this
 * spec's calls (other specs ask the emulator directly with the Org key).
 */
const KEY_LABEL = "other_workspace";
const WORKFLOW = "wf_02HZ1";
const LONG = "a".repeat(10_000);

/** Path segments for the id, as they go on the wire (already percent-encoded where meant). */
const hostileIds: string[] = [
  "..",
  ".",
  "...",
  "%2e%2e",
  "%2E%2E",
  ".%2e",
  "..%2f..",
  "..%2F..%2Fworkflows",
  `${WORKFLOW}%2F..%2F..`,
  `${WORKFLOW}%2Flogs`,
  "%252e%252e",
  "%252e",
  "..%5c..",
  "%5c",
  "%c0%ae%c0%ae",
  "%ef%bc%8e%ef%bc%8e",
  "%ff",
  "%",
  "%%",
  "%00",
  `${WORKFLOW}%00`,
  "%0a",
  "%0d%0aSet-Cookie:%20x=1",
  "%09",
  "%20",
  `${WORKFLOW}%20`,
  "%e2%80%ae",
  "wf_%C3%BCnicode",
  "%F0%9F%9A%80",
  "wf_%E2%80%8B01HY1",
  "a".repeat(64),
  "a".repeat(65),
  LONG,
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "%22%3E%3Csvg%20onload%3Dalert(1)%3E",
  `${WORKFLOW}%3Fstatus%3Dfailed`,
  `${WORKFLOW}%23open`,
  `${WORKFLOW};x=1`,
  "javascript:alert(1)",
  "-1",
  "1e309",
  "__proto__",
  "constructor",
  `${WORKFLOW}'`,
  "wf_fault_hang%2F..%2Fwf_01HY1",
];

/** Query strings for the logs route, with the answer the strict handler must give. */
const routeQueries: [query: string, expected: 200 | 400][] = [
  ["", 200],
  ["page=2&per_page=50&status=failed&after=2026-01-01T00:00:00Z", 200],
  ["page=00001", 200],
  ["page=10000000", 200],
  ["per_page=1", 200],
  ["per_page=100", 200],
  ["after=2026-04-17T09:31:00.123456789Z", 200],
  ["after=2026-04-17T09:31:00%2B14:00", 200],
  ["after=2026-04-17T09:31:00-00:00", 200],
  ...["0", "-1", "1.5", "1e3", "+1", "0x10", "%201", "%EF%BC%91", "", "NaN", "Infinity"].map(
    (value): [string, 400] => [`page=${value}`, 400],
  ),
  ["page=99999999999999999999", 400],
  ["page=10000001", 400],
  ["page=2147483648", 400],
  [`page=${"9".repeat(10_000)}`, 400],
  ...["0", "101", "1000", "-5", "25.0", "", "99999999999"].map((value): [string, 400] => [
    `per_page=${value}`,
    400,
  ]),
  ...[
    "FAILED",
    "failed%20",
    "unknown",
    "",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "failed,success",
    "failed%00",
    "s%C3%BCccess",
    LONG,
  ].map((value): [string, 400] => [`status=${value}`, 400]),
  ...[
    "2026-02-30T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-04-17",
    "yesterday",
    "2026-04-17T09:31:00",
    "1999-12-31T23:59:59Z",
    "9999-12-31T23:59:59Z",
    "2026-04-17T09:31:00%2B99:00",
    "2026-04-17T24:00:00Z",
    "2026-04-17T09:31:60Z",
    "%ff",
    "0",
    "-1",
    "2026-04-17T09:31:00Z%00",
    "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    LONG,
  ].map((value): [string, 400] => [`after=${value}`, 400]),
  ["page=1&page=2", 400],
  ["per_page=25&per_page=25", 400],
  ["status=failed&status=success", 400],
  ["after=2026-01-01T00:00:00Z&after=2026-01-02T00:00:00Z", 400],
  ["status[]=failed", 400],
  ["status[0]=failed", 400],
  ["page[]=1", 400],
  ["after[]=2026-01-01T00:00:00Z", 400],
  ["foo=bar", 400],
  // Next drops a `__proto__` parameter while parsing the URL: the handler never sees it.
  ["__proto__=x", 200],
  ["constructor=x", 400],
  ["%00=1", 400],
  ["st%00atus=failed", 400],
];

/** Query strings for the runs page: forgiving, so a repaired view (or the plain one). */
const pageQueries: string[] = [
  ...routeQueries.map(([query]) => query),
  "open=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  `open=${LONG}`,
  "open=wfl_01HY1&open=wfl_01HY2",
  "status=FAILED",
  "per_page=7",
  "page=-3",
];

/** A seeded generator of hostile strings: the "property-based" half of this spec. */
function hostileStrings(seed: number, count: number): string[] {
  const alphabet = [
    ".",
    "/",
    "\\",
    "%",
    "\u0000",
    "\n",
    "\r",
    "\t",
    "<",
    ">",
    '"',
    "'",
    "&",
    "=",
    "?",
    "#",
    ";",
    "+",
    " ",
    "é",
    "\u202e",
    "\u200b",
    "🚀",
    "a",
    "Z",
    "0",
    "9",
    "-",
    "_",
    "..",
    "%2e",
    "%2f",
    "%25",
    "\u{10ffff}",
  ];
  let state = seed >>> 0;
  const random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return Array.from({ length: count }, () => {
    const length = random() < 0.05 ? 3_000 : Math.floor(random() * 40);
    let text = "";
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
    return text;
  });
}

/** As a browser would send it: encoded where it must be, the rest left as typed. */
function onTheWire(text: string): string {
  return Array.from(text)
    .map((char) =>
      /^[A-Za-z0-9._~%!$&'()*+,;=:@/-]$/.test(char) ? char : encodeURIComponent(char),
    )
    .join("");
}

const PAGE_MARKERS = [
  /<h1[^>]*>Workflow not found<\/h1>/,
  /This link had values Runboard could not use as given/,
  /id="runs-heading"/,
  /<h1[^>]*>Workflows<\/h1>/,
  /malformed percent-encoding/,
  /This page could not be found/,
];

interface Outcome {
  label: string;
  response: RawResponse;
}

async function connect(page: Page): Promise<string> {
  await connectWithKey(page, demoKeys.other_workspace);
  await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
  return sessionCookieHeader(page.context());
}

/** A request the client itself could not complete comes back as status 0 with the reason. */
function get(path: string, cookie: string): Promise<RawResponse> {
  return rawRequest({ baseUrl: E2E_APP_URL, path, headers: { Cookie: cookie } }).catch(
    (error: unknown) => ({ status: 0, headers: {}, body: `no answer: ${String(error)}`, ms: 0 }),
  );
}

function expectClearRouteAnswer({ label, response }: Outcome) {
  expect(response.status, `${label}: ${response.body.slice(0, 200)}`).toBeGreaterThan(0);
  expect(response.status, `${label}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
  expect(stackTraceIn(response.body), label).toEqual([]);
  if (response.status === 200) return;
  if (isLocalRedirect(response)) return;
  // Next's own 404 page answers a path that resolves to no route at all; everything else is ours.
  if (response.status === 404 && String(response.headers["content-type"]).includes("text/html")) {
    return;
  }
  expect(String(response.headers["content-type"]), `${label}: ${response.status}`).toContain(
    "application/json",
  );
  const body = JSON.parse(response.body) as { error?: { code?: string; message?: string } };
  expect(body.error?.code, label).toMatch(/^(bad_request|not_found)$/);
  expect(body.error?.message?.length ?? 0, label).toBeGreaterThan(10);
}

/** Next normalises some paths (`/a/../b`, a trailing slash) with a redirect: fine if it stays here. */
function isLocalRedirect(response: RawResponse): boolean {
  const location = response.headers.location;
  return (
    response.status >= 300 &&
    response.status < 400 &&
    typeof location === "string" &&
    location.startsWith("/") &&
    !location.startsWith("//") &&
    !location.startsWith("/\\")
  );
}

function expectClearPage({ label, response }: Outcome) {
  expect(response.status, `${label}: ${response.body.slice(0, 200)}`).toBeGreaterThan(0);
  expect(response.status, `${label}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
  expect(stackTraceIn(response.body), label).toEqual([]);
  if (isLocalRedirect(response)) return;
  expect(
    PAGE_MARKERS.some((marker) => marker.test(response.body)),
    `${label}: neither an error page nor a view`,
  ).toBe(true);
}

test.describe("hostile input", () => {
  test.describe.configure({ timeout: 180_000 });

  test("the logs route and the runs page answer every hostile id and query clearly", async ({
    page,
  }) => {
    const cookie = await connect(page);
    const since = await lastRequestSeq();
    const random = hostileStrings(20260417, 120);
    const outcomes: { route: Outcome[]; page: Outcome[] } = { route: [], page: [] };

    // Ids: the table, then random ones.
    const ids = [...hostileIds, ...random.slice(0, 60).map(onTheWire)];
    outcomes.route.push(
      ...(await mapPool(ids, 4, async (id) => ({
        label: `route id ${id.slice(0, 60)}`,
        response: await get(`/api/workflows/${id}/logs`, cookie),
      }))),
    );
    outcomes.page.push(
      ...(await mapPool(ids, 4, async (id) => ({
        label: `page id ${id.slice(0, 60)}`,
        response: await get(`/workflows/${id}`, cookie),
      }))),
    );

    // Query strings: the table with its expected answers.
    const tabled = await mapPool(routeQueries, 4, async ([query, expected]) => ({
      label: `route ?${query.slice(0, 60)}`,
      expected,
      response: await get(`/api/workflows/${WORKFLOW}/logs?${query}`, cookie),
    }));
    for (const outcome of tabled) {
      expect(
        outcome.response.status,
        `${outcome.label}: ${outcome.response.body.slice(0, 200)}`,
      ).toBe(outcome.expected);
    }
    outcomes.route.push(...tabled);

    // Random values for random parameters.
    const names = ["page", "per_page", "status", "after", "open", "status[]"];
    const randomQueries = random.slice(60).map((value, index) => {
      const name = names[index % names.length] ?? "page";
      return `${onTheWire(name)}=${onTheWire(value)}`;
    });
    outcomes.route.push(
      ...(await mapPool(randomQueries, 4, async (query) => ({
        label: `route ?${query.slice(0, 60)}`,
        response: await get(`/api/workflows/${WORKFLOW}/logs?${query}`, cookie),
      }))),
    );
    outcomes.page.push(
      ...(await mapPool([...pageQueries, ...randomQueries], 4, async (query) => ({
        label: `page ?${query.slice(0, 60)}`,
        response: await get(`/workflows/${WORKFLOW}?${query}`, cookie),
      }))),
    );

    outcomes.route.forEach(expectClearRouteAnswer);
    outcomes.page.forEach(expectClearPage);

    // Only valid calls ever reached LeadLex.
    const upstream = (await emulatorRequestsSince(since)).filter(
      (request) => request.keyLabel === KEY_LABEL,
    );
    expect(upstream.length).toBeGreaterThan(0);
    expect(invalidUpstreamRequests(upstream)).toEqual([]);

    const tried = outcomes.route.length + outcomes.page.length;
    test.info().annotations.push({
      type: "hostile inputs",
      description: `${tried} requests (${outcomes.route.length} to the logs route, ${outcomes.page.length} to the runs page); ${upstream.length} reached LeadLex, all valid`,
    });
    console.log(`hostile inputs tried: ${tried}; upstream calls: ${upstream.length}, all valid`);
  });

  test("script-looking values in a runs link stay inert text in the browser", async ({ page }) => {
    await connect(page);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const query = [
      "status=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
      "after=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E",
      "open=%3Csvg%20onload%3Dalert(3)%3E",
      "page=%3Ciframe%20src%3Djavascript%3Aalert(4)%3E",
    ].join("&");
    await page.goto(`/workflows/${WORKFLOW}?${query}`);
    const notice = page.getByRole("status").filter({ hasText: "This link had values" });
    await expect(notice).toContainText("<script>alert(1)</script>");
    await expect(notice).toContainText('"><img src=x onerror=alert(2)>');
    await expect(page.locator("img[src='x'], svg[onload], iframe")).toHaveCount(0);

    // The page still works: a filter applies, and nothing ran.
    await page.getByRole("button", { name: "Failed" }).click();
    await expect(page).toHaveURL(/status=failed/);
    expect(dialogs).toEqual([]);
  });
});
