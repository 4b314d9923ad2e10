import { describe, expect, it } from "vitest";
import type { Figure } from "./figures";
import { renderMarkdown, type ReportHeader } from "./report";

const header: ReportHeader = {
  startedAt: "2026-12-01T10:00:00.000Z",
  durationS: 172.4,
  machine: { cpuModel: "Test CPU", cores: 2, node: "v20.20.2" },
  loadStart: [0.4, 0.5, 0.6],
  loadEnd: [1.2, 0.7, 0.6],
  builds: ["Runboard from `.next/`"],
  settings: "full run",
};

const figures: Figure[] = [
  {
    section: "Server render",
    name: "runs page at 10 connections",
    value: 53,
    unit: "req/s",
    floor: { name: "render floor", value: 190 },
    target: { of: "ratio", op: ">=", value: 0.7 },
    note: "p50 | 183 ms",
  },
  {
    section: "Route cost",
    name: "own cost",
    value: 3.2,
    unit: "ms",
    floor: { name: "(a) + (b)", value: 2.9 },
    target: { of: "difference", op: "<=", value: 0.5 },
  },
  { section: "Route cost", name: "(a) p99", value: 5.36, unit: "ms", floor: null, target: null },
];

describe("renderMarkdown", () => {
  const markdown = renderMarkdown(
    header,
    figures,
    ["render: 2 of 300 requests failed"],
    [{ title: "First-load JS", text: "route  gzip\n/  161.9 KB\n" }],
  );
  const lines = markdown.split("\n");

  it("puts each compared figure in one row: ours, floor, comparison, target, verdict", () => {
    expect(lines).toContain(
      "| Server render | runs page at 10 connections (p50 \\| 183 ms) | 53 req/s | 190 req/s render floor | 0.28× | ≥ 0.7× | **FAIL** |",
    );
    expect(lines).toContain(
      "| Route cost | own cost | 3.20 ms | 2.90 ms (a) + (b) | +0.30 ms | ≤ +0.50 ms | pass |",
    );
  });

  it("keeps absolute figures apart, as information", () => {
    const ratioTable = markdown.indexOf("#### Against the floors");
    const absoluteTable = markdown.indexOf("#### Absolute figures");
    expect(ratioTable).toBeGreaterThanOrEqual(0);
    expect(absoluteTable).toBeGreaterThan(ratioTable);
    expect(markdown.slice(absoluteTable)).toContain(
      "| Route cost | (a) p99 | 5.36 ms | — | info |",
    );
    expect(markdown.slice(ratioTable, absoluteTable)).not.toContain("(a) p99");
  });

  it("states the machine and its load at both ends, the errors and the appendices", () => {
    expect(markdown).toContain(
      "load average (1/5/15 min) 0.4 / 0.5 / 0.6 at the start, 1.2 / 0.7 / 0.6 at the end",
    );
    expect(markdown).toContain("Benchmark of 2026-12-01T10:00:00.000Z, 172 s.");
    expect(markdown).toContain("- render: 2 of 300 requests failed");
    expect(markdown).toContain("First-load JS:\n\n```text\nroute  gzip\n/  161.9 KB\n```");
  });
});
