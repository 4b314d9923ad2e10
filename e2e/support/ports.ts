/**
 * Ports of the test servers, apart from the demo's 3000 / 4010 so both can run at once. Overridable
 * so two suites can run side by side on one machine.
 */
export const E2E_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4510);
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3510);
export const E2E_APP_URL = `http://localhost:${E2E_APP_PORT}`;
export const E2E_EMULATOR_URL = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;
