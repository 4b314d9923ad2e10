import { classifyRepeats } from "../support/answer-ttls";
import { useSessionWithKey } from "../support/dashboard";
import { demoKeys, expect, test } from "../support/fixtures";
import {
  isListHealthAnswer,
  runTriageSession,
  TRIAGE_NEEDED as NEEDED,
  TRIAGE_PREFETCH_AHEAD as PREFETCH_AHEAD,
} from "../support/triage-session";
import {
  describeCall,
  lastCallSeq,
  settledCallsSince,
  startOwnApp,
  startOwnEmulator,
  type AppProcess,
  type EmulatorProcess,
} from "../support/own-servers";

/**
 * A new user's triage session, scripted exactly as the quota issue lists it: list → workflow →
 * Failed → open a run → next page → back → All → list → reopen → reload → Failed. What it costs
 * LeadLex is counted in the emulator's request log, on servers of this test's own (a fresh cache
 * and a log no other test writes to). Before the quota layer it cost 17 calls for 8 distinct
 * answers (2.1×, measured on the code before it with this test); the layer must keep it at 1.2×
 * or better.
 *
 * The answers the session needs (`TRIAGE_NEEDED`): the list's first page and the details of its
 * two disabled rows (their auto-disable reason), the workflow's details, its first page of runs,
 * and the first two pages of its failed runs. With an Org key the browser may also fetch one page
 * ahead (the 8th distinct answer the issue counted); with a Starter key (10 calls a minute) it
 * must not. With an Org key the list also loads its health column by itself (answers it shows, so
 * needed too); with a Starter key it must not. Both ratios are held to 1.2: calls per distinct
 * answer, and per answer needed.
 */
test.describe.configure({ mode: "serial" });

let emulator: EmulatorProcess;
let app: AppProcess;

test.beforeAll(async () => {
  emulator = await startOwnEmulator();
  app = await startOwnApp({ LEADLEX_API_URL: emulator.apiBaseUrl });
});

test.afterAll(async () => {
  await app?.stop();
  await emulator?.stop();
});

for (const { label, prefetchAhead } of [
  { label: "org_full", prefetchAhead: true },
  { label: "starter", prefetchAhead: false },
] as const) {
  test(`the triage session costs at most 1.2 calls per answer it needs (${label} key)`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ baseURL: app.origin });
    await useSessionWithKey(context, demoKeys[label]);
    const page = await context.newPage();
    const since = await lastCallSeq(emulator);

    await runTriageSession(page, app.origin);
    const recorded = (await settledCallsSince(emulator, since)).filter(
      (call) => call.keyLabel === label,
    );
    await context.close();

    // A repeat after its answer's TTL ran out (a very slow run) is a new answer, not a miss.
    const { withinTtl, afterTtl } = classifyRepeats(recorded);
    const calls = recorded.filter((call) => !afterTtl.includes(call)).map(describeCall);
    const distinct = new Set(calls).size;
    const ratio = calls.length / distinct;
    test.info().annotations.push({
      type: "triage session",
      description: `${label}: ${calls.length} LeadLex calls for ${distinct} distinct answers (${ratio.toFixed(2)}×), ${NEEDED.length} of them needed (${(calls.length / NEEDED.length).toFixed(2)}×): ${calls.join(", ")}`,
    });
    expect(withinTtl.map(describeCall)).toEqual([]);
    // The list's health: loaded by itself only where the plan has room, each answer once.
    const health = calls.filter(isListHealthAnswer);
    const session = calls.filter((call) => !isListHealthAnswer(call));
    if (label === "starter") expect(health).toEqual([]);
    else expect(health.length).toBeGreaterThan(0);
    // Every answer asked for once, none twice; the only extra is the Org key's one page ahead.
    expect([...new Set(session)].sort()).toEqual(
      prefetchAhead && calls.includes(PREFETCH_AHEAD) ? [...NEEDED, PREFETCH_AHEAD].sort() : NEEDED,
    );
    expect(calls).toHaveLength(distinct);
    expect(ratio).toBeLessThanOrEqual(1.2);
    expect(calls.length / (NEEDED.length + new Set(health).size)).toBeLessThanOrEqual(1.2);
    if (!prefetchAhead) expect(calls).not.toContain(PREFETCH_AHEAD);
  });
}
