/**
 * Ports of the test servers, apart from the demo's 3000 / 4010 so both can run at once. Overridable
 * so two suites can run side by side on one machine.
 */
export const E2E_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4510);
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3510);
export const E2E_APP_URL = `http://localhost:${E2E_APP_PORT}`;
export const E2E_EMULATOR_URL = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;

/**
 * A second app server whose LeadLex address is a port nothing listens on: "LeadLex is down". Next to
 * the main app's port by default, so side-by-side runs that move E2E_APP_PORT move it too.
 */
export const E2E_DOWN_APP_PORT = Number(process.env.E2E_DOWN_APP_PORT ?? E2E_APP_PORT + 1);
export const E2E_DOWN_APP_URL = `http://localhost:${E2E_DOWN_APP_PORT}`;
/** The "LeadLex" port of that server; the fault tests check that it really refuses connections. */
export const E2E_CLOSED_UPSTREAM_PORT = Number(
  process.env.E2E_CLOSED_UPSTREAM_PORT ?? E2E_EMULATOR_PORT + 1,
);
