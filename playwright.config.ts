import { defineConfig, devices } from "@playwright/test";
import {
  E2E_APP_PORT,
  E2E_APP_URL,
  E2E_CLOSED_UPSTREAM_PORT,
  E2E_DOWN_APP_PORT,
  E2E_DOWN_APP_URL,
  E2E_EMULATOR_PORT,
} from "./e2e/support/ports";
import { APP_SERVER_LOG, DOWN_APP_SERVER_LOG } from "./e2e/support/server-logs";
import { standaloneServerCommand, standaloneServerEnv } from "./scripts/support/production-server";

/**
 * Browser tests run against a production build (`npm run build` first) and the LeadLex emulator,
 * on ports of their own so a running demo does not interfere. Chromium is Debian's: Playwright's
 * own browser download is not available on this kind of machine.
 */
/** The app servers' settings; the two differ only in where LeadLex is. */
const appServerEnv = {
  SESSION_SECRET: "e2e-only-session-secret-0123456789abcdef",
  // Short budgets keep the slow and hanging fault tests quick; production keeps 5 s / 10 s.
  LEADLEX_ATTEMPT_TIMEOUT_MS: "2000",
  LEADLEX_TOTAL_TIMEOUT_MS: "4000",
  // Live polls every 2 s instead of its plan's interval (obeyed against the emulator only), so
  // its spec sees several polls in a few seconds.
  LIVE_POLL_INTERVAL_MS: "2000",
};

/**
 * The standalone server a container runs (`npm run build` makes it), its output also copied to a
 * file the secrecy tests read (the key must not be in it).
 */
function appServerCommand(logFile: string): string {
  return `npx tsx e2e/support/tee-server-log.ts ${logFile} -- ${standaloneServerCommand().join(" ")}`;
}

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage",
];

export default defineConfig({
  testDir: "./e2e",
  // The README screenshot generator rewrites a committed image: only on request.
  testIgnore: process.env.README_SCREENSHOT ? [] : ["**/readme-screenshot.spec.ts"],
  outputDir: "./test-results",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  // One retry. The specs share one emulator whose runs keep arriving and one Org key's caches, so a
  // test can meet another's burst or a cache that ran out under load (each of the last three CI
  // runs lost one different test of 238 that way, each then mended). A test that fails twice
  // still fails the run; one that passes only on retry is reported as flaky in the summary.
  retries: 1,
  // Hang guards, not speed limits: on a shared 2-core machine an axe scan of a 25-row page alone
  // has taken 20 s. A test fails for being wrong; a hang is still caught, just later.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: E2E_APP_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: chromiumArgs,
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: "npx tsx emulator/main.ts",
      url: `http://127.0.0.1:${E2E_EMULATOR_PORT}/__emulator/requests`,
      env: {
        EMULATOR_PORT: String(E2E_EMULATOR_PORT),
        // The suite makes far more calls than a real Org key's 200 a minute; the Starter key keeps
        // its real limits, so the rate-limit tests still meet them.
        EMULATOR_ORG_LIMIT_PER_MIN: "1000000",
        EMULATOR_ORG_LIMIT_PER_DAY: "10000000",
      },
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: appServerCommand(APP_SERVER_LOG),
      url: `${E2E_APP_URL}/api/health`,
      env: {
        ...appServerEnv,
        ...standaloneServerEnv(E2E_APP_PORT),
        LEADLEX_API_URL: `http://127.0.0.1:${E2E_EMULATOR_PORT}/functions/v1/api-gateway`,
      },
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      timeout: 60_000,
    },
    {
      // "LeadLex is down": the same build pointed at a port nothing listens on
      // (e2e/reliability checks that it really refuses connections).
      command: appServerCommand(DOWN_APP_SERVER_LOG),
      url: `${E2E_DOWN_APP_URL}/api/health`,
      env: {
        ...appServerEnv,
        ...standaloneServerEnv(E2E_DOWN_APP_PORT),
        LEADLEX_API_URL: `http://127.0.0.1:${E2E_CLOSED_UPSTREAM_PORT}/functions/v1/api-gateway`,
      },
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      timeout: 60_000,
    },
  ],
});
