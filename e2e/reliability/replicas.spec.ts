import { startRedisServer, type RedisServer } from "../../scripts/support/redis-server";
import { SESSION_COOKIE_NAME, sessionCookieHeader } from "../../scripts/support/session-cookie";
import { classifyRepeats } from "../support/answer-ttls";
import { connectWithKey, demoKeys, expect, test } from "../support/fixtures";
import {
  describeCall,
  E2E_SESSION_SECRET,
  lastCallSeq,
  settledCallsSince,
  startOwnApp,
  startOwnEmulator,
  type AppProcess,
  type EmulatorProcess,
} from "../support/own-servers";

/**
 * Two replicas of the production build on one Redis and one emulator, as "Running more than one
 * instance" in the README sets them up. A burst of identical and overlapping requests, with two
 * keys of the same workspace interleaved, goes through both at once: LeadLex must see one call
 * per distinct request and key, and every answer must come from a call made with the key that
 * received it (the emulator logs each answer's request id). Then Redis stops, and both replicas
 * go on answering, each logging the outage once.
 */
/**
 * Slow enough that every copy of a request arrives while the first one is still upstream, even
 * when a busy machine spreads a burst's arrivals over a second or more.
 */
const UPSTREAM_LATENCY_MS = 2_000;

/** Both keys see workspace A; the Starter key's 10 calls a minute bound the distinct requests. */
const KEYS = { org_full: demoKeys.org_full, starter: demoKeys.starter } as const;
type KeyLabel = keyof typeof KEYS;

/** Five distinct views, overlapping in workflow and filters; the list adds two detail lookups. */
const REQUESTS = [
  "/api/workflows/wf_01HY1/logs?per_page=25",
  "/api/workflows/wf_01HY1/logs?page=2&per_page=25",
  "/api/workflows/wf_01HY1/logs?per_page=25&status=failed",
  "/api/workflows/wf_01HY3/logs?per_page=25",
  "/api/workflows?per_page=25",
];
const COPIES_PER_REPLICA = 4;

test.describe.configure({ mode: "serial" });

let redis: RedisServer;
let emulator: EmulatorProcess;
let replicas: AppProcess[];
const cookies = new Map<KeyLabel, string>();

test.beforeAll(async () => {
  redis = await startRedisServer();
  emulator = await startOwnEmulator();
  replicas = await Promise.all(
    [0, 1].map(() => startOwnApp({ LEADLEX_API_URL: emulator.apiBaseUrl, REDIS_URL: redis.url })),
  );
  for (const [label, key] of Object.entries(KEYS) as [KeyLabel, string][]) {
    cookies.set(label, await sessionCookieHeader(key, E2E_SESSION_SECRET));
  }
});

test.afterAll(async () => {
  await Promise.all((replicas ?? []).map((replica) => replica.stop()));
  await emulator?.stop();
  await redis?.stop();
});

interface Answer {
  label: KeyLabel;
  path: string;
  status: number;
  requestIds: string[];
}

async function ask(replica: AppProcess, label: KeyLabel, path: string): Promise<Answer> {
  const response = await fetch(`${replica.origin}${path}`, {
    headers: { Cookie: cookies.get(label) ?? "", Accept: "application/json" },
  });
  const body = (await response.json()) as { requestId?: string | null };
  return {
    label,
    path,
    status: response.status,
    requestIds: body.requestId ? [body.requestId] : [],
  };
}

/** Every copy of every request, for each key, through both replicas, interleaved, all at once. */
function burst(paths: string[], labels = Object.keys(KEYS) as KeyLabel[]): Promise<Answer[]> {
  const asked: Promise<Answer>[] = [];
  for (let copy = 0; copy < COPIES_PER_REPLICA; copy++) {
    for (const path of paths) {
      for (const label of labels) {
        for (const replica of replicas) asked.push(ask(replica, label, path));
      }
    }
  }
  return Promise.all(asked);
}

let firstBurstSeq = 0;

test("a burst through two replicas costs one upstream call per distinct request and key", async () => {
  await emulator.setLatency(UPSTREAM_LATENCY_MS);
  const since = await lastCallSeq(emulator);
  firstBurstSeq = since;
  const answers = await burst(REQUESTS);
  await emulator.setLatency(0);
  const calls = await settledCallsSince(emulator, since);

  expect(answers).toHaveLength(REQUESTS.length * 2 * 2 * COPIES_PER_REPLICA);
  expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
  const { withinTtl } = classifyRepeats(calls);
  expect(withinTtl.map((call) => `${call.keyLabel} ${describeCall(call)}`)).toEqual([]);
  // One call per distinct request and key. The list adds its rows' details and, for the Org key
  // (none on Starter), its health calls (`per_page=1`): 4 logs views + the list for each key.
  const distinct = new Set(calls.map((call) => `${call.keyLabel} ${describeCall(call)}`));
  expect(calls).toHaveLength(distinct.size);
  const views = calls.filter(
    (call) => !/\/workflows\/[^/]+$/.test(call.path) && call.query.per_page?.[0] !== "1",
  );
  expect(views).toHaveLength(5 * 2);

  // Each answer is the one LeadLex gave to a call made with the same key.
  const keyOfRequestId = new Map(calls.map((call) => [call.requestId, call.keyLabel]));
  for (const answer of answers) {
    expect(answer.requestIds).toHaveLength(1);
    for (const requestId of answer.requestIds) {
      expect({ path: answer.path, key: keyOfRequestId.get(requestId) }).toEqual({
        path: answer.path,
        key: answer.label,
      });
    }
  }
});

test("a repeat within the TTL is answered from the shared cache, on either replica", async () => {
  const since = await lastCallSeq(emulator);
  const answers = await burst(REQUESTS.slice(0, 2));
  expect(answers.every((answer) => answer.status === 200)).toBe(true);
  expect(await settledCallsSince(emulator, since)).toEqual([]);
});

test("signing out on one replica ends the session and purges the key's entries for both", async ({
  browser,
}) => {
  const [first, second] = replicas as [AppProcess, AppProcess];
  const context = await browser.newContext({ baseURL: second.origin });
  const page = await context.newPage();
  await connectWithKey(page, demoKeys.org_full);
  await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
  const copied = (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE_NAME);
  const replayed = `${SESSION_COOKIE_NAME}=${copied?.value ?? ""}`;
  const replay = (replica: AppProcess) =>
    fetch(`${replica.origin}${REQUESTS[0] ?? ""}`, { headers: { Cookie: replayed } });
  expect((await replay(first)).status).toBe(200);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/connect$/);
  await context.close();
  // The session ended for both replicas: a copy of its cookie is refused by the other one too.
  expect((await replay(first)).status).toBe(401);
  expect((await replay(second)).status).toBe(401);

  const since = await lastCallSeq(emulator);
  expect((await ask(first, "org_full", REQUESTS[0] ?? "")).status).toBe(200);
  expect((await ask(first, "starter", REQUESTS[0] ?? "")).status).toBe(200);
  const calls = await settledCallsSince(emulator, since);
  expect(calls.filter((call) => call.keyLabel === "org_full").map(describeCall)).toEqual([
    "/v1/workflows/wf_01HY1/logs?page=1&per_page=25",
  ]);
  // The other key's entry is untouched: asked again only if its TTL ran out meanwhile.
  const { afterTtl } = classifyRepeats(await settledCallsSince(emulator, firstBurstSeq));
  for (const call of calls.filter((call) => call.keyLabel === "starter")) {
    expect(afterTtl).toContainEqual(call);
  }
});

test("with Redis stopped, both replicas go on answering and each logs the outage once", async () => {
  await redis.stop();
  await emulator.setLatency(UPSTREAM_LATENCY_MS);
  const since = await lastCallSeq(emulator);
  // One path cached before, one never asked: both go to LeadLex directly now. (The Org key only:
  // the Starter key's 10 calls a minute are spent by now.)
  const paths = [REQUESTS[0] ?? "", "/api/workflows/wf_01HY4/logs?per_page=25"];
  const answers = await burst(paths, ["org_full"]);
  await emulator.setLatency(0);
  expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
  const calls = await settledCallsSince(emulator, since);
  // Without the shared store each replica still shares one call among its own identical requests.
  expect(calls.length).toBeGreaterThanOrEqual(paths.length);
  expect(calls.length).toBeLessThanOrEqual(paths.length * replicas.length);

  for (const replica of replicas) {
    const page = await fetch(`${replica.origin}/workflows/wf_01HY1`, {
      headers: { Cookie: cookies.get("org_full") ?? "" },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Notify owner on lost deals");
    const log = await replica.log();
    expect(log.match(/"event":"store_unavailable"/g) ?? []).toHaveLength(1);
    expect(log).not.toContain(redis.url);
  }
});
