import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/model/app-error";
import type { Run } from "@/lib/model/run";
import { EXPORT_PAGE_SIZE, exportCost, exportRuns, type ExportPage } from "./export-runs";

const BASE_MS = Date.UTC(2026, 10, 1);

function run(index: number, atMs: number): Run {
  return {
    id: `wfl_${String(index).padStart(6, "0")}`,
    workflowId: "wf_01HY1",
    triggeredAt: new Date(atMs).toISOString(),
    entityType: "deal",
    entityId: `deal_${index}`,
    status: "success",
    skipReason: null,
    actionResult: null,
    error: null,
    durationMs: 10,
  };
}

/** A newest-first list of runs, paged as LeadLex pages it, that can gain runs between calls. */
function workflowHistory(count: number, sameInstantEvery = 1) {
  const runs: Run[] = Array.from({ length: count }, (_, index) =>
    // Several runs share an instant when sameInstantEvery > 1: the cursor must tell them apart.
    run(index, BASE_MS + Math.floor(index / sameInstantEvery) * 1_000),
  ).reverse();
  let next = count;
  const calls: number[] = [];
  return {
    calls,
    arrive(howMany: number) {
      for (let i = 0; i < howMany; i++) {
        runs.unshift(run(next, BASE_MS + next * 1_000 + 10_000_000));
        next += 1;
      }
    },
    async page(page: number): Promise<ExportPage> {
      calls.push(page);
      const start = (page - 1) * EXPORT_PAGE_SIZE;
      return { runs: runs.slice(start, start + EXPORT_PAGE_SIZE), total: runs.length };
    },
  };
}

async function collect(generator: AsyncGenerator<Run[]>): Promise<Run[]> {
  const all: Run[] = [];
  for await (const batch of generator) all.push(...batch);
  return all;
}

const noSleep = async () => undefined;
const signal = new AbortController().signal;

describe("an export's pages", () => {
  it("writes every run of the filter once, newest first, one call per 100 runs", async () => {
    const history = workflowHistory(250);
    const rows = await collect(
      exportRuns({ fetchPage: (page) => history.page(page), sleep: noSleep, signal }),
    );
    expect(rows).toHaveLength(250);
    expect(new Set(rows.map((r) => r.id)).size).toBe(250);
    expect(rows[0]?.id).toBe("wfl_000249");
    expect(history.calls).toEqual([1, 2, 3]);
  });

  it("loses and repeats nothing while runs arrive between its pages, and leaves the new ones out", async () => {
    const history = workflowHistory(340, 3);
    const before = new Set((await history.page(1)).runs.map((r) => r.id));
    history.calls.length = 0;
    const rows = await collect(
      exportRuns({
        fetchPage: async (page) => {
          const answer = await history.page(page);
          // 37 new runs after each page: every later page starts with rows already written.
          history.arrive(37);
          return answer;
        },
        sleep: noSleep,
        signal,
      }),
    );
    const ids = rows.map((r) => r.id);
    expect(ids).toHaveLength(340);
    expect(new Set(ids).size).toBe(340);
    expect(ids.every((id) => Number(id.slice(4)) < 340)).toBe(true);
    expect(before.size).toBe(100);
  });

  it("waits out a 429 for the time LeadLex names, then asks for the same page again", async () => {
    const history = workflowHistory(150);
    const waits: number[] = [];
    let refused = false;
    const rows = await collect(
      exportRuns({
        fetchPage: async (page) => {
          if (page === 2 && !refused) {
            refused = true;
            throw new AppError("rate_limited", { retryAfterSeconds: 7 });
          }
          return history.page(page);
        },
        sleep: async (ms) => {
          waits.push(ms);
        },
        signal,
      }),
    );
    expect(waits).toEqual([7_000]);
    expect(rows).toHaveLength(150);
    expect(history.calls).toEqual([1, 2]);
  });

  it("ends with the error when the wait is a day's quota, or the failure is not a 429", async () => {
    const spent = exportRuns({
      fetchPage: async () => {
        throw new AppError("rate_limited", { retryAfterSeconds: 3_600 });
      },
      sleep: noSleep,
      signal,
    });
    await expect(collect(spent)).rejects.toMatchObject({ code: "rate_limited" });
    const broken = exportRuns({
      fetchPage: async () => {
        throw new AppError("upstream_unavailable");
      },
      sleep: noSleep,
      signal,
    });
    await expect(collect(broken)).rejects.toMatchObject({ code: "upstream_unavailable" });
  });

  it("stops at the row cap and says what the cap costs", async () => {
    const history = workflowHistory(1_000);
    const progress: [number, number][] = [];
    const rows = await collect(
      exportRuns({
        fetchPage: (page) => history.page(page),
        sleep: noSleep,
        signal,
        maxRows: 230,
        onProgress: (written, expected) => progress.push([written, expected]),
      }),
    );
    expect(rows).toHaveLength(230);
    expect(history.calls).toEqual([1, 2, 3]);
    expect(progress).toEqual([
      [100, 230],
      [200, 230],
      [230, 230],
    ]);
    expect(exportCost(1_000_000)).toEqual({ rows: 100_000, calls: 1_000, capped: true });
    expect(exportCost(0)).toEqual({ rows: 0, calls: 1, capped: false });
    expect(exportCost(101)).toEqual({ rows: 101, calls: 2, capped: false });
  });
});
