import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./browser";
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

export interface LighthouseResult extends LighthouseRun {
  path: string;
  formFactor: FormFactor;
  /** Every run; the figures above are the median of each. */
  runs: LighthouseRun[];
  /** Runs thrown away for a runtime error (and run again), with Lighthouse's reason. */
  failedRuns: string[];
}

/** Runs that may fail (Lighthouse's trace recording does, on a busy machine) before giving up. */
const MAX_FAILED_RUNS = 2;

/**
 * Lighthouse's performance category, `runs` times for one page and form factor, each in a fresh
 * Chromium. The session travels as a request header, so the audit sees the signed-in page. A run
 * that reports a runtime error counts for nothing and is run again (at most twice, and reported);
 * a run that landed anywhere else (the connect page) fails the benchmark.
 */
export async function auditPage(
  origin: string,
  path: string,
  formFactor: FormFactor,
  cookieHeader: string,
  runs: number,
): Promise<LighthouseResult> {
  const results: LighthouseRun[] = [];
  const failedRuns: string[] = [];
  while (results.length < runs) {
    const chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM_PATH,
      chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS],
    });
    try {
      const result = await lighthouse(
        `${origin}${path}`,
        {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance"],
          extraHeaders: { Cookie: cookieHeader },
        },
        formFactor === "desktop" ? desktopConfig : undefined,
      );
      if (!result) throw new Error(`Lighthouse returned nothing for ${path} (${formFactor}).`);
      const { lhr } = result;
      if (lhr.runtimeError) {
        const reason = `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`;
        failedRuns.push(reason);
        if (failedRuns.length > MAX_FAILED_RUNS) {
          throw new Error(`Lighthouse failed on ${path} (${formFactor}): ${failedRuns.join("; ")}`);
        }
        continue;
      }
      const landed = new URL(lhr.finalDisplayedUrl);
      if (`${landed.pathname}${landed.search}` !== path) {
        throw new Error(`Lighthouse audited ${lhr.finalDisplayedUrl}, not ${path}: not signed in?`);
      }
      const numeric = (id: string) => {
        const value = lhr.audits[id]?.numericValue;
        if (value === undefined) throw new Error(`Lighthouse has no ${id} for ${path}.`);
        return value;
      };
      results.push({
        score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        cls: numeric("cumulative-layout-shift"),
        tbt: numeric("total-blocking-time"),
        lcp: numeric("largest-contentful-paint"),
        diagnostics: {
          layoutShifts: detailItems(lhr.audits["layout-shifts"]?.details),
          longTasks: detailItems(lhr.audits["long-tasks"]?.details).slice(0, 5),
          lcpElement: detailItems(lhr.audits["largest-contentful-paint-element"]?.details),
        },
      });
    } finally {
      chrome.kill();
    }
  }
  return {
    path,
    formFactor,
    runs: results,
    failedRuns,
    score: median(results.map((r) => r.score)),
    cls: median(results.map((r) => r.cls)),
    tbt: median(results.map((r) => r.tbt)),
    lcp: median(results.map((r) => r.lcp)),
  };
}

/** The rows of an audit's table, simplified to JSON: enough to see which element or script. */
function detailItems(details: unknown): unknown[] {
  if (typeof details !== "object" || details === null) return [];
  const { items } = details as { items?: unknown[] };
  return JSON.parse(JSON.stringify(items ?? [])) as unknown[];
}
