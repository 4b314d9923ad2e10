/**
 * `npm run bench`: Runboard's performance, each figure beside a floor measured in the same run —
 * reference apps built with the same Next, React, TanStack and Tailwind (`scripts/floors/`), Next's
 * bare route handler, the LeadLex emulator called directly — and the ratio or difference judged
 * against its target. Absolute figures are kept as information. Not part of `npm test`: timings
 * belong to the machine.
 *
 *   npm run build && npm run bench          # the full run
 *   npm run bench -- --quick                # few samples, for working on the bench
 *   npm run bench -- --only=render,payload  # some sections; `--help` lists them
 *
 * Writes bench-results/latest.md and bench-results/latest.json, and prints the report.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { format } from "prettier";
import { REPOSITORY_ROOT } from "../floors/scratch-project";
import { BenchRun } from "./context";
import { passes, type Figure } from "./figures";
import { describeMachine, loadAverage } from "./machine";
import { renderMarkdown, type ReportAppendix } from "./report";
import { SECTIONS, selectSections } from "./sections/registry";
import { assertProductionBuild } from "./servers";
import { describeSettings, parseBenchOptions } from "./settings";

async function main(): Promise<number> {
  const options = parseBenchOptions(process.argv.slice(2));
  if (options.help) {
    console.log("npm run bench [-- --quick] [-- --only=name,name]\n\nSections:");
    for (const section of SECTIONS) console.log(`  ${section.name.padEnd(18)} ${section.summary}`);
    return 0;
  }
  const sections = selectSections(SECTIONS, options.only);
  const run = new BenchRun(options.settings);
  assertProductionBuild(run.runboardDir, run.distDir, `NEXT_DIST_DIR=${run.distDir} npm run build`);

  const machine = describeMachine();
  const loadStart = loadAverage();
  const startedAt = new Date();
  console.log(
    `Runboard benchmark: ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}, load ${loadStart.join(" / ")}`,
  );
  if (loadStart[0] >= 1.5) {
    console.log(
      "Warning: the 1-minute load average is 1.5 or more; absolute times will be inflated (ratios less so).",
    );
  }

  const figures: Figure[] = [];
  const errors: string[] = [];
  const appendices: ReportAppendix[] = [];
  const raw: Record<string, unknown> = {};
  try {
    for (const section of sections) {
      const started = performance.now();
      const load = loadAverage();
      process.stdout.write(`· ${section.name} (load ${load[0]}) … `);
      try {
        const result = await section.run(run);
        figures.push(...result.figures);
        errors.push(...(result.errors ?? []).map((error) => `${section.name}: ${error}`));
        if (result.appendix) appendices.push(result.appendix);
        raw[section.name] = {
          loadAtStart: load,
          ...(result.raw === undefined ? {} : { result: result.raw }),
        };
        console.log(`${((performance.now() - started) / 1000).toFixed(0)} s`);
      } catch (error) {
        console.log("error");
        errors.push(`${section.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await run.close();
  }

  const header = {
    startedAt: startedAt.toISOString(),
    durationS: (Date.now() - startedAt.getTime()) / 1000,
    machine,
    loadStart,
    loadEnd: loadAverage(),
    builds: await run.describeBuilds(),
    settings: describeSettings(options.settings),
  };
  const markdown = await format(renderMarkdown(header, figures, errors, appendices), {
    parser: "markdown",
    printWidth: 100,
  });
  const json = await format(
    JSON.stringify({
      ...header,
      sections: sections.map((section) => section.name),
      figures: figures.map((figure) => ({ ...figure, pass: passes(figure) })),
      errors,
      raw,
    }),
    { parser: "json" },
  );
  const outDir = join(REPOSITORY_ROOT, "bench-results");
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "latest.md"), markdown);
  writeFileSync(join(outDir, "latest.json"), json);
  console.log(`\n${markdown}`);
  console.log("Written to bench-results/latest.md and bench-results/latest.json.");
  return errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
