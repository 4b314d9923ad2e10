import { randomBytes } from "node:crypto";
import type { APIResponse, Page } from "@playwright/test";
import { demoKeys, expect, test } from "../support/fixtures";
import {
  lastCallSeq,
  settledCallsSince,
  startOwnApp,
  startOwnEmulator,
  type AppProcess,
  type EmulatorProcess,
} from "../support/own-servers";
import {
  interceptAction,
  replayAction,
  withFieldValue,
  type CapturedAction,
} from "../support/server-action";

/**
 * The connect form under attack, on servers of this file's own (its bounds are per server, and
 * spending them must not refuse other tests' connects). The app trusts `X-Forwarded-For` here,
 * as it would behind a proxy that sets it, so one test can speak as many clients. Bounds: 5 failed
 * attempts a minute (20 an hour) per client, 60 a minute from everyone, and half the plan's minute
 * for every check of one key, accepted or not.
 */
test.describe.configure({ mode: "serial" });

let emulator: EmulatorProcess;
let app: AppProcess;

test.beforeAll(async () => {
  emulator = await startOwnEmulator();
  app = await startOwnApp({ LEADLEX_API_URL: emulator.apiBaseUrl, TRUST_FORWARDED_FOR: "true" });
});

test.afterAll(async () => {
  await app?.stop();
  await emulator?.stop();
});

const PLACEHOLDER = "wbk_live_placeholderplaceholder";
const WAIT = /Try again in (\d+ s|\d+ min \d\d s)\./;

const unknownKey = () => `wbk_live_${randomBytes(16).toString("hex")}`;

/** The connect form's post, captured once in a browser, to replay with other keys and clients. */
async function capturedConnect(page: Page): Promise<CapturedAction> {
  await page.goto(`${app.origin}/connect`);
  await page.getByLabel("API key", { exact: true }).fill(PLACEHOLDER);
  return interceptAction(page, () =>
    page.getByRole("button", { name: "Connect", exact: true }).click(),
  );
}

async function connectAs(
  page: Page,
  action: CapturedAction,
  client: string,
  key: string,
): Promise<{ response: APIResponse; text: string }> {
  // Each post is a client of its own, without the session an earlier accepted one set: with it,
  // the same key would be refused as already in the session before any check.
  await page.context().clearCookies();
  const response = await replayAction(page.request, action, {
    headers: { "x-forwarded-for": `203.0.113.250, ${client}` },
    body: withFieldValue(action, PLACEHOLDER, key),
  });
  return { response, text: await response.text() };
}

test("a person who mistypes gets LeadLex's own words each time, then connects", async ({
  page,
}) => {
  await page.goto(`${app.origin}/connect`);
  const alert = page.getByRole("alert").filter({ hasText: /\S/ });
  const field = page.getByLabel("API key", { exact: true });
  const connect = page.getByRole("button", { name: "Connect", exact: true });

  for (const [key, words] of [
    [`${demoKeys.org_full}x`, /does not recognise this key/],
    [demoKeys.org_full.slice(0, -1), /does not recognise this key/],
    [demoKeys.expired, /has expired/],
  ] as const) {
    await field.fill(key);
    await connect.click();
    await expect(alert).toHaveText(words);
  }
  await field.fill(demoKeys.org_full);
  await connect.click();
  await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
});

test("many keys from one client: five reach LeadLex, then a wait, and each failure is one log line", async ({
  page,
}) => {
  const action = await capturedConnect(page);
  const since = await lastCallSeq(emulator);
  const client = "198.51.100.10";
  const answers = [];
  for (let index = 0; index < 12; index++)
    answers.push(await connectAs(page, action, client, unknownKey()));

  const words = answers.map(({ text }) =>
    text.includes("does not recognise this key")
      ? "unknown"
      : /Too many attempts to connect from your address\./.test(text) && WAIT.test(text)
        ? "wait"
        : text.slice(0, 200),
  );
  expect(words).toEqual([...Array(5).fill("unknown"), ...Array(7).fill("wait")]);
  const calls = await settledCallsSince(emulator, since);
  expect(calls.filter((call) => call.keyLabel === "unknown")).toHaveLength(5);

  // Another address is not held up by this one.
  expect((await connectAs(page, action, "198.51.100.11", unknownKey())).text).toContain(
    "does not recognise this key",
  );

  const lines = (await app.log())
    .split("\n")
    .filter((line) => line.includes('"connect_attempt_failed"') && line.includes(client));
  expect(lines).toHaveLength(12);
  for (const line of lines) {
    const entry = JSON.parse(line) as Record<string, unknown>;
    expect(entry).toMatchObject({ client, verdict: expect.any(String) });
    expect(typeof entry.time).toBe("string");
    expect(line).not.toMatch(/wbk_/);
  }
  expect(lines.map((line) => (JSON.parse(line) as { verdict: string }).verdict)).toEqual([
    ...Array(5).fill("invalid_key"),
    ...Array(7).fill("too_many_attempts"),
  ]);
});

test("one key from many clients: its checks stop at half its plan's minute, and its owner keeps the rest", async ({
  page,
}) => {
  const action = await capturedConnect(page);
  const since = await lastCallSeq(emulator);
  const answers = [];
  for (let index = 0; index < 9; index++) {
    answers.push(await connectAs(page, action, `192.0.2.${index + 1}`, demoKeys.starter));
  }
  const refused = answers.filter(({ text }) =>
    /Too many attempts to connect with this key\./.test(text),
  );
  expect(refused).toHaveLength(4);
  expect(refused.every(({ text }) => WAIT.test(text))).toBe(true);
  // The connect check is the one-row list; an accepted connect also renders the page it leads to.
  const checks = (await settledCallsSince(emulator, since)).filter(
    (call) => call.keyLabel === "starter" && call.query.per_page?.[0] === "1",
  );
  expect(checks).toHaveLength(5);

  // The Starter key's owner still has the other 5 of its 10 calls this minute.
  const cookie = answers[0]?.response.headers()["set-cookie"]?.split(";")[0] ?? "";
  expect(cookie).toMatch(/runboard_session=/);
  const own = await fetch(`${app.origin}/api/workflows`, { headers: { Cookie: cookie } });
  expect(own.status).toBe(200);
});

test("everyone together: at most 60 failed checks a minute, whatever the number of addresses", async ({
  page,
}) => {
  const action = await capturedConnect(page);
  const answers = [];
  for (let index = 0; index < 80; index++) {
    answers.push(await connectAs(page, action, `10.9.${index}.1`, unknownKey()));
  }
  // Every address here is new, so only the bound on everyone can refuse them.
  const everyone = answers.filter(({ text }) =>
    /Too many attempts to connect from everyone at once\./.test(text),
  );
  const recognised = answers.filter(({ text }) => text.includes("does not recognise this key"));
  expect(everyone.length + recognised.length).toBe(answers.length);
  expect(everyone.length).toBeGreaterThan(0);
  for (const { text } of everyone) expect(text).toMatch(WAIT);

  // The sliding estimate is never below the current minute's own count, so no clock minute holds
  // more than 60 failed checks, this file's earlier tests included (+2: the app counts a call a
  // moment before the emulator stamps it, so one may land across a minute's edge).
  const failedChecks = (await settledCallsSince(emulator, 0)).filter((call) =>
    ["unknown", "expired"].includes(call.keyLabel),
  );
  const perMinute = new Map<number, number>();
  for (const call of failedChecks) {
    const minute = Math.floor(call.startedAt / 60_000);
    perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
  }
  expect(Math.max(...perMinute.values())).toBeLessThanOrEqual(62);
});
