import type { BenchContext } from "../context";
import type { Figure } from "../figures";
import type { ReportAppendix } from "../report";

export interface SectionResult {
  figures: Figure[];
  /** Problems that make a figure missing or invalid; the run then exits 1. */
  errors?: string[];
  /** Everything measured, for `bench-results/latest.json`. */
  raw?: unknown;
  appendix?: ReportAppendix;
}

/**
 * One part of the benchmark with one job. A section measures what it needs (asking the context
 * for shared servers, or starting its own) and returns figures; it never prints or writes files.
 * Adding one is a module exporting a `BenchSection` and a line in `./registry.ts`.
 */
export interface BenchSection {
  /** For `--only=`; kebab-case. */
  name: string;
  /** One line for `--help`: what it measures against which floor. */
  summary: string;
  run(context: BenchContext): Promise<SectionResult>;
}
