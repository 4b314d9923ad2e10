import { describe, expect, it } from "vitest";
import { HANG_GUARD_MS, startTestEmulator, TEST_NOW } from "./testing/test-emulator";
import type { TestEmulator } from "./testing/test-emulator";

const PATHS = [
  "/v1/workflows?per_page=100",
  "/v1/workflows/wf_01HY1",
  "/v1/workflows/wf_01HY6",
  "/v1/workflows/wf_01HY1/logs?per_page=100&page=3",
  "/v1/workflows/wf_01HY6/logs?per_page=100",
  "/v1/workflows/wf_big/logs?per_page=100",
  "/v1/workflows/wf_big/logs?per_page=100&page=4321&status=failed",
  "/v1/workflows/wf_big/logs?per_page=100&page=10000",
  "/v1/workflows/wf_deleted_01/logs?per_page=100",
  "/v1/workflows/wf_fault_flaky/logs?per_page=100",
];

async function bodies(emulator: TestEmulator): Promise<string[]> {
  const out: string[] = [];
  for (const path of PATHS) out.push(await (await emulator.call(path)).text());
  return out;
}

describe("deterministic data", () => {
  it(
    "gives identical bodies for the same start minute and clock, and different data for another",
    async () => {
      const a = await startTestEmulator();
      // Same minute, 30 s later: the data hangs off the start time truncated to the minute, and
      // runs arrive with the clock, so `a` is asked once its clock has caught up with `b`'s.
      const b = await startTestEmulator({ now: new Date(TEST_NOW.getTime() + 30_000) });
      const c = await startTestEmulator({ now: new Date("2026-06-01T08:00:00Z") });
      try {
        a.clock.advance(30_000);
        const [bodiesA, bodiesB, bodiesC] = await Promise.all([bodies(a), bodies(b), bodies(c)]);
        expect(bodiesB).toEqual(bodiesA);
        expect(bodiesC[5]).not.toEqual(bodiesA[5]);
        // The pinned seed doc entry is the same whatever the start time.
        const seedPage = "/v1/workflows/wf_01HY1/logs?per_page=1&after=2026-04-17T09:31:00Z";
        const lastPage = async (emulator: TestEmulator) => {
          const meta = (
            (await (await emulator.call(seedPage)).json()) as { meta: { total: number } }
          ).meta;
          return (await emulator.call(`${seedPage}&page=${meta.total}`)).text();
        };
        expect(await lastPage(c)).toContain('"id":"wfl_01HY1"');
      } finally {
        await Promise.all([a.close(), b.close(), c.close()]);
      }
    },
    HANG_GUARD_MS,
  );

  it(
    "shows the same runs at an instant however often, and when, it was asked before",
    async () => {
      const often = await startTestEmulator();
      const once = await startTestEmulator();
      try {
        // Across a chunk boundary (chunks are one day), asked every 3 h 20 min versus not at all.
        for (let step = 0; step < 9; step++) {
          often.clock.advance(12_000_000);
          await bodies(often);
        }
        once.clock.advance(9 * 12_000_000);
        // The flaky fault alternates per call; only the data is being compared.
        await often.admin("/__emulator/reset", { method: "POST" });
        expect(await bodies(once)).toEqual(await bodies(often));
      } finally {
        await Promise.all([often.close(), once.close()]);
      }
    },
    HANG_GUARD_MS,
  );
});
