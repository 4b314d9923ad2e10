import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator } from "./testing/test-emulator";
import type { LogsBody, TestEmulator } from "./testing/test-emulator";

// wf_big has 1,000,000 runs: every page under every filter is served, from the first to the last
// and past the end. How fast is the benchmark's business (`npm run bench`), not this suite's:
// timings belong to the machine.

const BASE = "/v1/workflows/wf_big/logs";

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ orgLimitPerMin: 100_000 });
});
afterAll(() => emulator.close());

async function page(query: string): Promise<LogsBody> {
  const response = await emulator.call(`${BASE}?per_page=100${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as LogsBody;
}

describe("wf_big", () => {
  it("serves any page under any filter, the last one and past the end included", async () => {
    const all = await page("");
    expect(all.meta.total).toBe(1_000_000);
    const after = "&after=2026-02-19T07:13:00Z";
    const filters = [
      "",
      "&status=success",
      "&status=failed",
      "&status=skipped",
      after,
      `${after}&status=failed`,
    ];
    for (const filter of filters) {
      const first = await page(filter);
      expect(first.meta.total, filter).toBeGreaterThan(0);
      const lastPage = Math.ceil(first.meta.total / 100);
      for (const number of [1, Math.ceil(lastPage / 2), lastPage]) {
        const { data, meta } = await page(`${filter}&page=${number}`);
        expect(meta.page, filter).toBe(number);
        const expected = number < lastPage ? 100 : first.meta.total - (lastPage - 1) * 100;
        expect(data.logs, `${filter} page ${number}`).toHaveLength(expected);
        if (filter.includes("status=")) {
          const status = /status=(\w+)/.exec(filter)?.[1];
          expect(data.logs.every((log) => log.status === status)).toBe(true);
        }
      }
      const beyond = await page(`${filter}&page=${lastPage + 1}`);
      expect(beyond.data.logs).toEqual([]);
    }
  });
});
