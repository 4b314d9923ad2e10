/**
 * Servers of one test's own: a LeadLex emulator and app instances of the production build on free
 * ports, for tests whose upstream counts must not see any other test's traffic or cache (the
 * triage session, the two-replica test). The app servers get the shared servers' session secret
 * (so `useSessionWithKey` works) but production's time budgets: no fault is provoked here, and
 * a busy machine must not turn a slow answer into a timeout. They log to
 * `test-results/app-server-<port>.log` like the shared servers.
 */
import {
  startAppProcess,
  startEmulatorProcess,
  type AppProcess,
  type EmulatorProcess,
} from "../../scripts/support/app-instances";

export {
  describeCall,
  lastCallSeq,
  settledCallsSince,
  type AppProcess,
  type EmulatorCall,
  type EmulatorProcess,
} from "../../scripts/support/app-instances";

/** Same value as the shared servers' (playwright.config.ts), so `useSessionWithKey` works here. */
export const E2E_SESSION_SECRET = "e2e-only-session-secret-0123456789abcdef";

export function startOwnEmulator(): Promise<EmulatorProcess> {
  return startEmulatorProcess();
}

export function startOwnApp(env: {
  LEADLEX_API_URL: string;
  REDIS_URL?: string;
  TRUST_FORWARDED_FOR?: "true";
}): Promise<AppProcess> {
  return startAppProcess({ ...env, SESSION_SECRET: E2E_SESSION_SECRET });
}
