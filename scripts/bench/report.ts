import type { MachineInfo } from "./machine";

/** One line of the report: a figure, its target if it has one, and whether it met it. */
export interface Figure {
  section: string;
  name: string;
  value: number;
  unit: "ms" | "req/s" | "ratio" | "score" | "count" | "";
  /** `null`: reported for information, no target. */
  target: { op: "<=" | ">=" | "=="; value: number } | null;
  note?: string;
}

export function passes(figure: Figure): boolean | null {
  if (figure.target === null) return null;
  if (!Number.isFinite(figure.value)) return false;
  const { op, value } = figure.target;
  // Compared at the precision shown, so a printed "1.00 ms ≤ 1 ms" never reads as a failure.
  const shown = Number(formatValue(figure.value, figure.unit));
  if (op === "<=") return shown <= value;
  if (op === ">=") return shown >= value;
  return shown === value;
}

function formatValue(value: number, unit: Figure["unit"]): string {
  if (!Number.isFinite(value)) return "n/a";
  if (unit === "req/s" || unit === "score" || unit === "count") return value.toFixed(0);
  if (unit === "ratio") return value.toFixed(2);
  if (unit === "") return value.toFixed(3);
  return Math.abs(value) < 10 ? value.toFixed(2) : value.toFixed(1);
}

function withUnit(value: string, unit: Figure["unit"]): string {
  if (unit === "" || unit === "score" || unit === "ratio" || unit === "count") return value;
  return `${value} ${unit}`;
}

export interface ReportHeader {
  startedAt: string;
  machine: MachineInfo;
  loadStart: number[];
  loadEnd: number[];
  distDir: string;
  settings: string;
}

export function renderMarkdown(
  header: ReportHeader,
  figures: readonly Figure[],
  errors: readonly string[],
  budgetOutput: string | null,
): string {
  const lines: string[] = [];
  const { machine } = header;
  lines.push(`Benchmark of ${header.startedAt} (production build in \`${header.distDir}/\`).`, "");
  lines.push(
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}; load average ` +
      `(1/5/15 min) ${header.loadStart.join(" / ")} at the start, ${header.loadEnd.join(" / ")} at the end.`,
    "",
    `Settings: ${header.settings}.`,
    "",
  );
  lines.push(
    "| section | figure | measured | target | result |",
    "| --- | --- | --- | --- | --- |",
  );
  for (const figure of figures) {
    const result = passes(figure);
    const target = figure.target
      ? `${figure.target.op === "<=" ? "≤" : figure.target.op === ">=" ? "≥" : "="} ${withUnit(String(figure.target.value), figure.unit)}`
      : "—";
    const verdict = result === null ? "info" : result ? "pass" : "**FAIL**";
    const note = figure.note ? ` (${figure.note})` : "";
    lines.push(
      `| ${figure.section} | ${figure.name}${note} | ${withUnit(formatValue(figure.value, figure.unit), figure.unit)} | ${target} | ${verdict} |`,
    );
  }
  if (errors.length > 0) {
    lines.push("", "Errors (these figures are missing or invalid):", "");
    for (const error of errors) lines.push(`- ${error.replaceAll("\n", " ")}`);
  }
  if (budgetOutput !== null) {
    lines.push("", "JS budget (`npm run test:budget`, enforced in CI):", "", "```text");
    lines.push(budgetOutput.trimEnd(), "```");
  }
  return `${lines.join("\n")}\n`;
}
