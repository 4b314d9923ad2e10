import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { E2E_APP_URL } from "../support/ports";
import {
  rawRequest,
  sessionCookieHeader,
  type RawRequest,
  type RawResponse,
} from "../support/raw-http";
import { APP_SERVER_LOG, readServerLog } from "../support/server-logs";
import { interceptAction, type CapturedAction } from "../support/server-action";

/**
 * Requests an outside probe sent that once made the server answer 5xx or write raw request data
 * and stack traces into its log: methods Next cannot represent, request targets that are not
 * paths, Server Action posts Next cannot decode, its image optimizer and its internal routes. Each
 * gets a 4xx (or 501) with the usual security headers, and one escaped line in the log.
 */
type Probe = Omit<RawRequest, "baseUrl">;

const send = (request: Probe) => rawRequest({ baseUrl: E2E_APP_URL, ...request });

function expectSecurityHeaders(response: RawResponse, label: string) {
  expect(response.headers["x-content-type-options"], label).toBe("nosniff");
  expect(response.headers["x-frame-options"], label).toBe("DENY");
  expect(response.headers["referrer-policy"], label).toBe("same-origin");
  expect(response.headers["strict-transport-security"], label).toMatch(/max-age=\d{8,}/);
  expect(response.headers["content-security-policy"], label).toMatch(/frame-ancestors 'none'/);
}

/** Refused in words, with the headers, and no trace of a crash. */
function expectRefused(response: RawResponse, expected: number, label: string) {
  expect(response.status, `${label}: ${response.body.slice(0, 200)}`).toBe(expected);
  expect(response.body, label).not.toMatch(/\n\s+at \S+ \(|Internal Server Error/);
  expectSecurityHeaders(response, label);
}

const ROUTES = ["/", "/connect", "/workflows/wf_01HY1", "/api/health", "/api/workflows", "/nope"];

/** The connect form's Server Action as the browser posts it, kept from reaching the server. */
async function captureConnect(page: Page): Promise<CapturedAction> {
  await page.goto("/connect");
  await page.getByLabel("API key", { exact: true }).fill("wbk_demo_org_full");
  return interceptAction(page, () =>
    page.getByRole("button", { name: "Connect", exact: true }).click(),
  );
}

function boundaryOf(action: CapturedAction): string {
  const boundary = /boundary=(\S+)/.exec(action.headers["content-type"] ?? "")?.[1];
  if (!boundary) throw new Error("the action was not posted as multipart/form-data");
  return boundary;
}

function multipart(boundary: string, fields: Record<string, string>): Buffer {
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return Buffer.from(`${parts.join("")}--${boundary}--\r\n`, "latin1");
}

test.describe("hostile requests get a 4xx, never a 5xx", () => {
  test("TRACE on any route, and OPTIONS *", async () => {
    for (const path of [...ROUTES, "/_next/static/x.js", "/favicon.ico"]) {
      const response = await send({ method: "TRACE", path });
      expectRefused(response, 405, `TRACE ${path}`);
      expect(response.headers["allow"]).toBe("GET, HEAD, POST");
    }
    for (const method of ["OPTIONS", "GET"]) {
      expectRefused(await send({ method, path: "*" }), 501, `${method} *`);
    }
  });

  test("a request target that is not a path is refused, not redirected to its host", async () => {
    // Authority-form (`evil.example:80`) never gets this far: Node's parser answers it with 400.
    for (const path of ["http://evil.example/", "https://evil.example/connect?next=/"]) {
      const response = await send({ path });
      expectRefused(response, 400, path);
      expect(response.headers["location"]).toBeUndefined();
    }
  });

  test("Server Action posts Next could not decode: 400, 411 or 413", async ({ page }) => {
    const action = await captureConnect(page);
    const boundary = boundaryOf(action);
    const post = (headers: Record<string, string>, body: Buffer | string) =>
      send({ method: "POST", path: "/connect", headers: { ...action.headers, ...headers }, body });
    const cases: Array<[string, Record<string, string>, Buffer | string, number]> = [
      ["text/plain", { "content-type": "text/plain;charset=UTF-8" }, "not a form {{{", 400],
      ["JSON", { "content-type": "application/json" }, '{"apiKey":"wbk_demo_org_full"}', 400],
      ["url-encoded", { "content-type": "application/x-www-form-urlencoded" }, "apiKey=x", 400],
      ["multipart that is not", {}, "garbage", 400],
      ["multipart cut short", {}, action.body.subarray(0, 60), 400],
      ["a form without the arguments", {}, multipart(boundary, { a: "b" }), 400],
      ["arguments that are not JSON", {}, multipart(boundary, { "0": "garbage" }), 400],
      [
        "a body over 1 MB",
        {},
        multipart(boundary, { "0": '["$K1"]', "1_apiKey": "x".repeat(1_200_000) }),
        413,
      ],
      ["no length", { "transfer-encoding": "chunked" }, action.body, 411],
      ["an action id of the wrong form", { "next-action": "deadbeef" }, action.body, 400],
      ["an action id with C1 controls", { "next-action": "\u009b[31m\u00ff" }, action.body, 400],
      ["a reference to a part not sent", {}, multipart(boundary, { "0": '["$Q9"]' }), 400],
      ["a blob reference", {}, multipart(boundary, { "0": '[{"a":"$B1"}]' }), 400],
      ["text with a form reference", { "content-type": "text/plain" }, '["$K1"]', 400],
    ];
    for (const [label, headers, body, status] of cases) {
      expectRefused(await post(headers, body), status, label);
    }
    const withoutJs = await send({
      method: "POST",
      path: "/connect",
      headers: { origin: E2E_APP_URL, "content-type": `multipart/form-data; boundary=${boundary}` },
      body: "garbage",
    });
    expectRefused(withoutJs, 400, "a form posted without JavaScript that is not a form");

    // The control: the same post as the browser made it connects.
    const genuine = await post({}, action.body);
    expect(genuine.status).toBe(200);
    expect(String(genuine.headers["set-cookie"])).toContain("__Host-runboard_session=");
  });

  test("/_next/image pointing at a page, and Next's own routes: 404", async ({
    connectedPage: page,
  }) => {
    const cookie = await sessionCookieHeader(page.context());
    const images = ["/", "/connect", "/workflows/wf_01HY1", "/api/health", "/nope.png"]
      .map((url) => `/_next/image?url=${encodeURIComponent(url)}&w=64&q=75`)
      .concat(["/_next/image?url=https%3A%2F%2Fevil.example%2Fa.png&w=64&q=75", "/_next/image"]);
    for (const path of [...images, "/_global-error", "/_global-error.rsc", "/_not-found"]) {
      expectRefused(await send({ path, headers: { cookie } }), 404, path);
    }
  });
});

test("both forms still work, with and without JavaScript", async ({ browser }) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/connect?next=%2Fworkflows%2Fwf_01HY1");
    await page.getByLabel("API key", { exact: true }).fill("wbk_demo_org_full");
    await page.getByRole("button", { name: "Connect", exact: true }).click();
    // Without JavaScript the streamed runs never replace their skeleton; the address and the
    // session are what the form changed.
    await expect(page).toHaveURL(/\/workflows\/wf_01HY1$/);
    expect((await context.request.get("/api/workflows")).status()).toBe(200);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/connect$/);
    expect((await context.request.get("/api/workflows")).status()).toBe(401);
    await context.close();
  }
});

test("Next's own redirects and files carry the security headers", async ({ request }) => {
  const html = await (await request.get("/connect")).text();
  const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(chunk).toBeDefined();

  for (const path of ["/connect/", "/workflows/wf_01HY1/", "//connect", "/api/health/"]) {
    const response = await send({ path });
    expect(response.status, path).toBe(308);
    expectSecurityHeaders(response, path);
  }
  const asset = await send({ path: chunk ?? "" });
  expect(asset.status).toBe(200);
  expectSecurityHeaders(asset, "a /_next/static file");
  expectSecurityHeaders(await send({ path: "/favicon.ico" }), "/favicon.ico");
});

test("the server log gets one escaped line per refused request, and no stack", async () => {
  const start = (await readServerLog(APP_SERVER_LOG)).length;
  const marker = `probe-${Date.now().toString(36)}`;
  const probes: Probe[] = [
    { method: "TRACE", path: `/${marker}-trace` },
    { path: `http://evil.example/${marker}-absolute` },
    {
      method: "POST",
      path: `/connect/${marker}-text-plain`,
      headers: { origin: E2E_APP_URL, "next-action": "6042dc41d986e651d804b96b810893159f4e4f80a7" },
      body: "not a form",
    },
    {
      method: "POST",
      path: `/connect/${marker}-c1-action-id`,
      headers: { origin: E2E_APP_URL, "next-action": "\u009b[31m\u00ff" },
      body: "x",
    },
    {
      method: "POST",
      path: `/${marker}-forged-forwarded-host`,
      headers: { origin: "http://\u009b[2J", "x-forwarded-host": "\u009b[2J" },
      body: "x",
    },
    { path: `/_global-error/${marker}-internal` },
    { path: `/workflows/%ff/${marker}-undecodable%1b%5b2J%0d%0a` },
  ];
  for (const probe of probes) {
    const response = await send(probe);
    expect(response.status, probe.path).toBeGreaterThanOrEqual(400);
    expect(response.status, probe.path).toBeLessThan(502);
  }

  const lines = async () =>
    (await readServerLog(APP_SERVER_LOG))
      .slice(start)
      .split("\n")
      .filter((line) => line.includes(marker));
  await expect.poll(async () => (await lines()).length).toBe(probes.length);
  for (const probe of probes) {
    const suffix = probe.path.slice(probe.path.indexOf(marker));
    const mentions = (await lines()).filter((line) => line.includes(suffix.slice(0, 40)));
    expect(mentions, probe.path).toHaveLength(1);
    expect(JSON.parse(mentions[0] ?? "")).toMatchObject({ event: "request_refused" });
  }

  const window = (await readServerLog(APP_SERVER_LOG)).slice(start);
  expect(window).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  expect(window).not.toMatch(/^\s+at \S+/m);
});
