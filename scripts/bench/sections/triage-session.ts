import { randomBytes } from "node:crypto";
import { classifyRepeats } from "../../../e2e/support/answer-ttls";
import {
  isListHealthAnswer,
  runTriageSession,
  TRIAGE_NEEDED,
  TRIAGE_PREFETCH_AHEAD,
} from "../../../e2e/support/triage-session";
import { describeCall, lastCallSeq, settledCallsSince } from "../../support/app-instances";
import { sealSession, SESSION_COOKIE_NAME } from "../../support/session-cookie";
import { launchChromium } from "../browser";
import { figureList } from "../figures";
import { startOwnApp, startOwnEmulator } from "../own-servers";
import type { BenchSection } from "./section";

/**
 * Measured with the same script on the code before the quota layer (5a92504), Org key: it cannot
 * be measured from this build.
 */
const BEFORE = { calls: 17, distinct: 8 };
const KEYS = { org_full: "wbk_demo_org_full", starter: "wbk_demo_starter" } as const;

/**
 * The quota issue's triage session (the script `e2e/performance/triage-session.spec.ts` runs) on
 * an emulator and app instance of its own, so the emulator's log holds only its calls and the
 * cache starts empty: once with the Org key, once with the Starter key. The counts depend on the
 * code, not on the machine, except that a very slow run may outlive an answer's TTL (a repeat
 * after the TTL is reported apart). The floor is the 7 answers the session needs, plus, with the
 * Org key, the list's health answers it loads by itself (each needed once; none on Starter).
 */
export const triageSession: BenchSection = {
  name: "triage",
  summary:
    "LeadLex calls of the scripted triage session (Org, Starter) against the answers it needs",
  async run(context) {
    const secret = randomBytes(32).toString("base64url");
    const emulator = await startOwnEmulator(context);
    const app = await startOwnApp(context, {
      LEADLEX_API_URL: emulator.apiBaseUrl,
      SESSION_SECRET: secret,
    });
    const browser = await launchChromium();
    context.deferClose(() => browser.close());

    const list = figureList("Triage session");
    list.info(
      `before the quota layer, Org key: LeadLex calls (${BEFORE.distinct} distinct answers)`,
      BEFORE.calls,
      "count",
      `${(BEFORE.calls / BEFORE.distinct).toFixed(2)}× its distinct answers, ` +
        `${(BEFORE.calls / TRIAGE_NEEDED.length).toFixed(2)}× the ${TRIAGE_NEEDED.length} it needs; measured on 5a92504`,
    );
    const raw: Record<string, string[]> = {};
    for (const [label, key] of Object.entries(KEYS)) {
      const browserContext = await browser.newContext();
      await browserContext.addCookies([
        {
          name: SESSION_COOKIE_NAME,
          value: await sealSession(key, secret),
          domain: new URL(app.origin).hostname,
          path: "/",
          httpOnly: true,
          secure: true,
          sameSite: "Lax",
        },
      ]);
      const since = await lastCallSeq(emulator);
      await runTriageSession(await browserContext.newPage(), app.origin);
      await browserContext.close();
      const recorded = (await settledCallsSince(emulator, since)).filter(
        (call) => call.keyLabel === label,
      );
      const { withinTtl, afterTtl } = classifyRepeats(recorded);
      const calls = recorded.map(describeCall);
      const distinct = new Set(calls).size;
      raw[label] = calls;
      const health = new Set(calls.filter(isListHealthAnswer)).size;
      const needed = {
        name: `the ${TRIAGE_NEEDED.length + health} answers it needs (${health} of the list's health)`,
        value: TRIAGE_NEEDED.length + health,
      };

      list.compared(
        `${label} key: LeadLex calls`,
        calls.length,
        "count",
        needed,
        { of: "ratio", op: "<=", value: 1.2 },
        `${distinct} distinct answers`,
      );
      list.compared(
        `${label} key: LeadLex calls, against the distinct answers it fetched`,
        calls.length,
        "count",
        { name: "distinct answers fetched", value: distinct },
        { of: "ratio", op: "<=", value: 1.2 },
      );
      list.info(
        `${label} key: repeats within the answer's TTL`,
        withinTtl.length,
        "count",
        "the cache should have answered these",
      );
      list.info(
        `${label} key: repeats after the answer's TTL`,
        afterTtl.length,
        "count",
        "a new answer, on a run slow enough to outlive a TTL",
      );
      if (label === "starter") {
        // A 10-a-minute plan leaves no room for guesses: the page ahead must not be fetched.
        list.limited(
          "starter key: pages fetched ahead",
          calls.filter((call) => call === TRIAGE_PREFETCH_AHEAD).length,
          "count",
          { of: "value", op: "<=", value: 0 },
        );
      }
    }
    return { figures: list.figures, raw };
  },
};
