import { readFile } from "node:fs/promises";
import { E2E_APP_PORT, E2E_DOWN_APP_PORT } from "./ports";

/**
 * Where the app servers' stdout and stderr are copied (see `tee-server-log.ts` and
 * `playwright.config.ts`). Named by port, so suites running side by side keep their own.
 */
export const APP_SERVER_LOG = `test-results/app-server-${E2E_APP_PORT}.log`;
export const DOWN_APP_SERVER_LOG = `test-results/app-server-down-${E2E_DOWN_APP_PORT}.log`;

export async function readServerLog(path: string): Promise<string> {
  return readFile(path, "utf8");
}
