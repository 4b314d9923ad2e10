import { randomBytes } from "node:crypto";
import {
  describeCall,
  lastCallSeq,
  settledCallsSince,
  startAppProcess,
  startEmulatorProcess,
} from "../support/app-instances";
import { sealSession, SESSION_COOKIE_NAME } from "../support/session-cookie";
import { runTriageSession, TRIAGE_NEEDED } from "../../e2e/support/triage-session";
import { launchChromium } from "./browser";
import type { Figure } from "./report";

/**
 * Bench section "triage": the quota issue's triage session (the same script as
 * `e2e/performance/triage-session.spec.ts`) on a fresh emulator and app instance, counted in the
 * emulator's log, once with the Org key and once with the Starter key. Deterministic: the count
 * does not depend on the machine, only on the code.
 *
 * "Before" is the same script run with the Org key on the code before the quota layer (commit
 * 5a92504): 17 calls for 8 distinct answers. It cannot be measured from this build.
 */
const SECTION = "Triage session";
const BEFORE = { calls: 17, distinct: 8 };
const KEYS = { org_full: "wbk_demo_org_full", starter: "wbk_demo_starter" } as const;

export async function measureTriageSession(): Promise<Figure[]> {
  const secret = randomBytes(32).toString("base64url");
  const emulator = await startEmulatorProcess();
  const app = await startAppProcess(
    { LEADLEX_API_URL: emulator.apiBaseUrl, SESSION_SECRET: secret },
    "bench-results/logs",
  );
  const browser = await launchChromium();
  const figures: Figure[] = [];
  const figure = (name: string, value: number, unit: Figure["unit"], target: Figure["target"]) =>
    figures.push({ section: SECTION, name, value, unit, target });
  try {
    figure(
      "before the quota layer: calls / distinct answers",
      BEFORE.calls / BEFORE.distinct,
      "ratio",
      null,
    );
    for (const [label, key] of Object.entries(KEYS)) {
      const context = await browser.newContext();
      await context.addCookies([
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
      await runTriageSession(await context.newPage(), app.origin);
      const calls = (await settledCallsSince(emulator, since))
        .filter((call) => call.keyLabel === label)
        .map(describeCall);
      await context.close();
      const distinct = new Set(calls).size;
      figure(`${label}: LeadLex calls (before: ${BEFORE.calls})`, calls.length, "count", null);
      figure(`${label}: distinct answers (before: ${BEFORE.distinct})`, distinct, "count", null);
      figure(`${label}: calls / distinct answers`, calls.length / distinct, "ratio", {
        op: "<=",
        value: 1.2,
      });
      figure(
        `${label}: calls / the ${TRIAGE_NEEDED.length} answers the session needs`,
        calls.length / TRIAGE_NEEDED.length,
        "ratio",
        { op: "<=", value: 1.2 },
      );
    }
  } finally {
    await browser.close();
    await app.stop();
    await emulator.stop();
  }
  return figures;
}
