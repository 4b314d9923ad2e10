import { request as httpRequest } from "node:http";
import { sessionCookieHeader } from "../../scripts/support/session-cookie";
import { demoKeys, expect, test } from "../support/fixtures";
import {
  describeCall,
  E2E_SESSION_SECRET,
  lastCallSeq,
  settledCallsSince,
  startOwnApp,
  startOwnEmulator,
  type AppProcess,
  type EmulatorCall,
  type EmulatorProcess,
} from "../support/own-servers";

/**
 * A page load or API call the browser gives up on stops its LeadLex calls. `wf_fault_slow`
 * answers after 15 s; with production's budgets (5 s an attempt, 2 retries) an abandoned load
 * used to hold each call for its full attempt time and then retry it: 4 calls of ~5 s for one
 * dropped page. Servers of this file's own, so no other test's request joins (and keeps alive)
 * the calls it abandons. That a shared call goes on while anyone still waits for it is shown by
 * the quota layer's unit tests, where the moment each caller joins and leaves is under control.
 */
test.describe.configure({ mode: "serial" });

/** Production's per-attempt budget on these servers (startOwnApp leaves it at its default). */
const ATTEMPT_TIMEOUT_MS = 5_000;

let emulator: EmulatorProcess;
let app: AppProcess;
let cookie: string;

test.beforeAll(async () => {
  emulator = await startOwnEmulator();
  app = await startOwnApp({ LEADLEX_API_URL: emulator.apiBaseUrl });
  cookie = await sessionCookieHeader(demoKeys.org_full, E2E_SESSION_SECRET);
});

test.afterAll(async () => {
  await app?.stop();
  await emulator?.stop();
});

/**
 * Sends `path` as a browser would, waits until LeadLex has been asked `expectedCalls` calls, then
 * drops the connection without reading the answer. Resolves to the calls made for it, once all
 * of them have ended.
 */
async function abandon(path: string, expectedCalls: number): Promise<EmulatorCall[]> {
  const since = await lastCallSeq(emulator);
  const request = httpRequest(`${app.origin}${path}`, { headers: { Cookie: cookie } });
  request.on("error", () => undefined);
  request.end();
  await expect
    .poll(async () => (await emulator.calls()).filter((call) => call.seq > since).length)
    .toBeGreaterThanOrEqual(expectedCalls);
  request.destroy();
  return settledCallsSince(emulator, since);
}

function expectCancelledOnce(calls: EmulatorCall[], expected: string[]) {
  expect(calls.map(describeCall).sort()).toEqual([...expected].sort());
  for (const call of calls) {
    // Ended by the app hanging up, long before the attempt's own time limit would have ended it
    // (a wide margin for a busy machine: the drop comes within a few hundred ms).
    expect((call.finishedAt ?? Infinity) - call.startedAt, describeCall(call)).toBeLessThan(
      ATTEMPT_TIMEOUT_MS - 1_000,
    );
    expect(call.status, describeCall(call)).toBeNull();
  }
}

test("an abandoned page load stops its LeadLex calls: one each, cut short, no retries", async () => {
  const calls = await abandon("/workflows/wf_fault_slow", 2);
  expectCancelledOnce(calls, [
    "/v1/workflows/wf_fault_slow",
    "/v1/workflows/wf_fault_slow/logs?page=1&per_page=25",
  ]);
});

test("an abandoned API call stops its LeadLex call", async () => {
  const calls = await abandon("/api/workflows/wf_fault_slow/logs?per_page=50", 1);
  expectCancelledOnce(calls, ["/v1/workflows/wf_fault_slow/logs?page=1&per_page=50"]);
});

test("a storm of abandoned loads: each costs one call, cut short, and a healthy page still loads", async () => {
  // 20 loads of distinct pages (no cache hit, no shared call), sent 50 ms apart and each dropped
  // 300 ms after it was sent: the storm the hardening probe ran, for one second. How much healthy
  // throughput it costs is a timing, so `npm run bench -- --only=storm` measures it.
  const paths = Array.from(
    { length: 20 },
    (_, index) =>
      `/workflows/wf_fault_slow?after=2020-01-01T00:00:${String(index).padStart(2, "0")}Z`,
  );
  const since = await lastCallSeq(emulator);
  const drops = paths.map(async (path, index) => {
    await new Promise((sent) => setTimeout(sent, index * 50));
    const request = httpRequest(`${app.origin}${path}`, { headers: { Cookie: cookie } });
    request.on("error", () => undefined);
    request.end();
    await new Promise((dropped) => setTimeout(dropped, 300));
    request.destroy();
  });
  const healthy = await fetch(`${app.origin}/workflows/wf_01HY1`, { headers: { Cookie: cookie } });
  expect(healthy.status).toBe(200);
  expect(await healthy.text()).toContain('id="runs-heading"');
  await Promise.all(drops);

  const calls = await settledCallsSince(emulator, since);
  const stormLogs = calls.filter((call) =>
    describeCall(call).startsWith("/v1/workflows/wf_fault_slow/logs"),
  );
  expect(stormLogs.map((call) => queryOf(call, "after")).sort()).toEqual(
    paths.map((path) => new URL(path, app.origin).searchParams.get("after")).sort(),
  );
  expectCancelledOnce(stormLogs, stormLogs.map(describeCall));
  // The workflow's details are one call shared by the loads in flight together, not one each.
  const details = calls.filter((call) => describeCall(call) === "/v1/workflows/wf_fault_slow");
  expect(details.length).toBeLessThan(paths.length / 2);
});

function queryOf(call: EmulatorCall, name: string): string | undefined {
  return call.query[name]?.[0];
}
