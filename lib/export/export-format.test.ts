import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { Run } from "@/lib/model/run";
import { CSV_COLUMNS, csvHeader, formatRuns } from "./export-format";

const hostile: Run = {
  id: "wfl_1",
  workflowId: "wf_01HY1",
  triggeredAt: "2026-11-30T09:31:00Z",
  entityType: "deal",
  entityId: "deal_1",
  status: "failed",
  skipReason: null,
  actionResult: { channel: "#ops", text: 'a "quoted", comma' },
  error: { code: "http_500", message: '=HYPERLINK("http://evil")' },
  durationMs: 1200,
};

describe("an export's formats", () => {
  it("writes CSV a spreadsheet reads as text: formulas escaped, quotes and commas quoted", () => {
    const text =
      csvHeader() + formatRuns([hostile, { ...hostile, id: "+wfl_2", entityId: "@x" }], "csv");
    const rows = parse(text) as string[][];
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[1]?.[7]).toBe('\'=HYPERLINK("http://evil")');
    expect(rows[1]?.[10]).toBe(JSON.stringify(hostile.actionResult));
    expect(rows[1]?.[9]).toBe("1200");
    expect(rows[2]?.[0]).toBe("'+wfl_2");
    expect(rows[2]?.[5]).toBe("'@x");
  });

  it("writes JSON Lines with one whole run per line", () => {
    const lines = formatRuns([hostile, hostile], "jsonl").trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? "")).toEqual(hostile);
    expect(formatRuns([], "csv")).toBe("");
  });
});
