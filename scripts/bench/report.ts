import { formatComparison, formatTarget, passes, withUnit, type Figure } from "./figures";
import type { MachineInfo } from "./machine";

export interface ReportHeader {
  startedAt: string;
  durationS: number;
  machine: MachineInfo;
  loadStart: number[];
  loadEnd: number[];
  /** What was measured: the app's build folder, the floors' builds. */
  builds: string[];
  settings: string;
}

export interface ReportAppendix {
  title: string;
  /** Preformatted text, shown as a code block. */
  text: string;
}

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

function verdict(figure: Figure): string {
  const result = passes(figure);
  return result === null ? "info" : result ? "pass" : "**FAIL**";
}

/** The report as Markdown: the ratio table first, then the absolute figures, errors, appendices. */
export function renderMarkdown(
  header: ReportHeader,
  figures: readonly Figure[],
  errors: readonly string[],
  appendices: readonly ReportAppendix[] = [],
): string {
  const { machine } = header;
  const lines = [
    `Benchmark of ${header.startedAt}, ${Math.round(header.durationS)} s.`,
    "",
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}; load average ` +
      `(1/5/15 min) ${header.loadStart.join(" / ")} at the start, ${header.loadEnd.join(" / ")} at the end.`,
    "",
    `Builds: ${header.builds.join("; ")}.`,
    "",
    `Settings: ${header.settings}.`,
    "",
  ];

  const compared = figures.filter((figure) => figure.floor !== null);
  if (compared.length > 0) {
    lines.push(
      "#### Against the floors",
      "",
      "| section | figure | ours | floor | vs floor | target | result |",
      "| --- | --- | --- | --- | --- | --- | --- |",
    );
    for (const figure of compared) {
      const floor = figure.floor as NonNullable<Figure["floor"]>;
      const note = figure.note ? ` (${figure.note})` : "";
      lines.push(
        `| ${cell(figure.section)} | ${cell(figure.name + note)} | ${withUnit(figure.value, figure.unit)} | ` +
          `${withUnit(floor.value, figure.unit)} ${cell(floor.name)} | ${formatComparison(figure)} | ` +
          `${formatTarget(figure.target, figure.unit)} | ${verdict(figure)} |`,
      );
    }
    lines.push("");
  }

  const absolute = figures.filter((figure) => figure.floor === null);
  if (absolute.length > 0) {
    lines.push(
      "#### Absolute figures (information: they move with the machine's load)",
      "",
      "| section | figure | measured | target | result |",
      "| --- | --- | --- | --- | --- |",
    );
    for (const figure of absolute) {
      const note = figure.note ? ` (${figure.note})` : "";
      lines.push(
        `| ${cell(figure.section)} | ${cell(figure.name + note)} | ${withUnit(figure.value, figure.unit)} | ` +
          `${formatTarget(figure.target, figure.unit)} | ${verdict(figure)} |`,
      );
    }
    lines.push("");
  }

  if (errors.length > 0) {
    lines.push("Errors (these figures are missing or invalid):", "");
    for (const error of errors) lines.push(`- ${cell(error)}`);
    lines.push("");
  }
  for (const appendix of appendices) {
    lines.push(`${appendix.title}:`, "", "```text", appendix.text.trimEnd(), "```", "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
