import { describe, expect, it } from "vitest";
import type { LogsQuery } from "@/lib/model/queries";
import type { Run } from "@/lib/model/run";
import type { QuotaLayer, QuotaLayerCallOptions } from "@/lib/quota-layer";
import { estimateExport, startExport } from "./export-service";

const KEY = "wbk_test";

function runAt(index: number): Run {
  return {
    id: `wfl_${String(index).padStart(5, "0")}`,
    workflowId: "wf_x",
    triggeredAt: new Date(Date.UTC(2026, 10, 1) + index * 1_000).toISOString(),
    entityType: "deal",
    entityId: `deal_${index}`,
    status: "failed",
    skipReason: null,
    actionResult: null,
    error: { code: "http_500", message: "=1+1" },
    durationMs: 5,
  };
}

/** A quota layer over `count` runs with `remaining` calls left today, recording what it was asked. */
function fakeLayer(count: number, remaining: number) {
  const runs = Array.from({ length: count }, (_, i) => runAt(i)).reverse();
  const asked: { query: LogsQuery; options?: QuotaLayerCallOptions }[] = [];
  const layer = {
    async listWorkflowLogs(
      _key: string,
      _id: string,
      query: LogsQuery,
      options?: QuotaLayerCallOptions,
    ) {
      asked.push({ query, options });
      const start = (query.page - 1) * query.perPage;
      return {
        runs: runs.slice(start, start + query.perPage),
        meta: { page: query.page, perPage: query.perPage, total: runs.length },
        rateLimit: null,
        requestId: null,
        fetchedAt: new Date().toISOString(),
        prefetchNext: false,
      };
    },
    async readLedger() {
      return {
        daily: { limit: 100, remaining, resetAt: null },
        minute: { limit: 10, used: 0, resetAtMs: 0 },
        blockedUntilMs: null,
      };
    },
  } as unknown as QuotaLayer;
  return { layer, asked };
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

const filter = { status: "failed" as const, after: null };

describe("an export through the quota layer", () => {
  it("states its cost from the filter's first page and the calls left today", async () => {
    const { layer } = fakeLayer(250, 100);
    expect(await estimateExport(layer, KEY, "wf_x", filter)).toEqual({
      total: 250,
      rows: 250,
      capped: false,
      rowCap: 100_000,
      calls: 3,
      remainingToday: 100,
      needsConfirmation: false,
    });
  });

  it("refuses an export above 20 % of the calls left today until its cost is confirmed", async () => {
    const { layer } = fakeLayer(2_500, 100);
    const signal = new AbortController().signal;
    await expect(
      startExport(layer, KEY, "wf_x", filter, "csv", { confirmed: false, signal }),
    ).rejects.toMatchObject({ code: "confirmation_required" });
    const { body, estimate } = await startExport(layer, KEY, "wf_x", filter, "jsonl", {
      confirmed: true,
      signal,
    });
    expect(estimate.calls).toBe(25);
    const lines = (await text(body)).trimEnd().split("\n");
    expect(lines).toHaveLength(2_500);
    expect(new Set(lines.map((line) => (JSON.parse(line) as Run).id)).size).toBe(2_500);
  });

  it("streams CSV with its header, asks later pages at background priority, the filter on each", async () => {
    const { layer, asked } = fakeLayer(120, 10_000);
    const { body } = await startExport(layer, KEY, "wf_x", filter, "csv", {
      confirmed: false,
      signal: new AbortController().signal,
    });
    const lines = (await text(body)).trimEnd().split("\n");
    expect(lines[0]).toBe(
      "run_id,workflow_id,triggered_at,status,entity_type,entity_id,error_code,error_message,skip_reason,duration_ms,action_result",
    );
    expect(lines).toHaveLength(121);
    expect(lines[1]).toContain(",'=1+1,");
    expect(asked.map(({ query }) => [query.page, query.perPage, query.status])).toEqual([
      [1, 100, "failed"],
      [1, 100, "failed"],
      [2, 100, "failed"],
    ]);
    expect(asked.map(({ options }) => options?.priority)).toEqual([
      undefined,
      "user",
      "background",
    ]);
  });

  it("stops asking LeadLex when the download is cancelled", async () => {
    const { layer, asked } = fakeLayer(1_000, 10_000);
    const { body } = await startExport(layer, KEY, "wf_x", filter, "jsonl", {
      confirmed: false,
      signal: new AbortController().signal,
    });
    const reader = body.getReader();
    await reader.read();
    await reader.cancel();
    const pagesAsked = asked.length;
    await new Promise((done) => setTimeout(done, 10));
    expect(asked.length).toBe(pagesAsked);
    expect(pagesAsked).toBeLessThan(5);
  });
});
