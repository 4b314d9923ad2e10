import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./browser";
import { interleaved } from "./interleave";
import { median } from "./stats";

export type FormFactor = "desktop" | "mobile";

export interface LighthouseRun {
  score: number;
  cls: number;
  tbt: number;
  lcp: number;
  /** For finding a cause: what shifted, and the longest main-thread tasks. */
  diagnostics?: { layoutShifts: unknown[]; longTasks: unknown[]; lcpElement: unknown[] };
}

export interface AuditedPage {
  /** How the report names it. */
  name: string;
  origin: string;
  path: string;
  /** Sent with every request of the audit: the session, for Runboard's pages. */
  cookieHeader?: string;
}

export interface LighthouseResult extends LighthouseRun {
  name: string;
  path: string;
  formFactor: FormFactor;
  /** Every run; the figures above are the median of each. */
  runs: LighthouseRun[];
  /** Runs thrown away for a runtime error (and run again), with Lighthouse's reason. */
  failedRuns: string[];
}

/** Runs per page that may fail (trace recording does, on a busy machine) before giving up. */
const MAX_FAILED_RUNS = 2;

class LighthouseRuntimeError extends Error {}

/**
 * Lighthouse's performance category for each page, `rounds` times, one run of every page per
 * round in a rotating order; each run in a fresh Chromium. A run that reports a runtime error
 * counts for nothing and is run again (at most twice per page, and reported); a run that landed
 * anywhere else (the connect page) fails the benchmark.
 */
export async function auditInterleaved(
  pages: readonly AuditedPage[],
  formFactor: FormFactor,
  rounds: number,
): Promise<LighthouseResult[]> {
  const runs: LighthouseRun[][] = pages.map(() => []);
  const failed: string[][] = pages.map(() => []);
  for (const { index } of interleaved(rounds, pages.length)) {
    const page = pages[index] as AuditedPage;
    const failures = failed[index] as string[];
    for (;;) {
      try {
        (runs[index] as LighthouseRun[]).push(await auditOnce(page, formFactor));
        break;
      } catch (error) {
        if (!(error instanceof LighthouseRuntimeError)) throw error;
        failures.push(error.message);
        if (failures.length > MAX_FAILED_RUNS) {
          throw new Error(
            `Lighthouse failed on ${page.path} (${formFactor}): ${failures.join("; ")}`,
          );
        }
      }
    }
  }
  return pages.map((page, index) => {
    const own = runs[index] as LighthouseRun[];
    return {
      name: page.name,
      path: page.path,
      formFactor,
      runs: own,
      failedRuns: failed[index] as string[],
      score: median(own.map((r) => r.score)),
      cls: median(own.map((r) => r.cls)),
      tbt: median(own.map((r) => r.tbt)),
      lcp: median(own.map((r) => r.lcp)),
    };
  });
}

async function auditOnce(page: AuditedPage, formFactor: FormFactor): Promise<LighthouseRun> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS],
  });
  try {
    const result = await lighthouse(
      `${page.origin}${page.path}`,
      {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance"],
        extraHeaders: page.cookieHeader ? { Cookie: page.cookieHeader } : undefined,
      },
      formFactor === "desktop" ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${page.path} (${formFactor}).`);
    const { lhr } = result;
    if (lhr.runtimeError) {
      throw new LighthouseRuntimeError(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    }
    const landed = new URL(lhr.finalDisplayedUrl);
    if (`${landed.pathname}${landed.search}` !== page.path) {
      throw new Error(
        `Lighthouse audited ${lhr.finalDisplayedUrl}, not ${page.path}: not signed in?`,
      );
    }
    const numeric = (id: string) => {
      const value = lhr.audits[id]?.numericValue;
      if (value === undefined) throw new Error(`Lighthouse has no ${id} for ${page.path}.`);
      return value;
    };
    return {
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      cls: numeric("cumulative-layout-shift"),
      tbt: numeric("total-blocking-time"),
      lcp: numeric("largest-contentful-paint"),
      diagnostics: {
        layoutShifts: detailItems(lhr.audits["layout-shifts"]?.details),
        longTasks: detailItems(lhr.audits["long-tasks"]?.details).slice(0, 5),
        lcpElement: detailItems(lhr.audits["largest-contentful-paint-element"]?.details),
      },
    };
  } finally {
    chrome.kill();
  }
}

/** The rows of an audit's table, simplified to JSON: enough to see which element or script. */
function detailItems(details: unknown): unknown[] {
  if (typeof details !== "object" || details === null) return [];
  const { items } = details as { items?: unknown[] };
  return JSON.parse(JSON.stringify(items ?? [])) as unknown[];
}
