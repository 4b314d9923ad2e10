import { figureList } from "../figures";
import {
  auditInterleaved,
  type AuditedPage,
  type FormFactor,
  type LighthouseResult,
} from "../lighthouse-audit";
import { SMALL_WORKFLOW } from "../workloads";
import type { BenchSection } from "./section";

/** Mobile TBT may be this many times the render floor's. */
const TBT_TARGET = 1.5;
const MOBILE_SCORE_TARGET = 95;

/**
 * Lighthouse (performance only) on the runs page and the workflow list, against the render floor
 * page, the pages taking turns. Mobile is Lighthouse's default: a 4× slower CPU and a slow network,
 * simulated.
 */
export const lighthouseSection: BenchSection = {
  name: "lighthouse",
  summary: "mobile TBT and score of the runs page and the list, against the render floor page",
  async run(context) {
    const runboard = await context.runboard();
    const floor = await context.floor();
    const pages: AuditedPage[] = [
      { name: "render floor", origin: floor.browserOrigin, path: `/render/${SMALL_WORKFLOW}` },
      {
        name: "runs page",
        origin: runboard.browserOrigin,
        path: `/workflows/${SMALL_WORKFLOW}`,
        cookieHeader: runboard.cookie,
      },
      {
        name: "workflow list",
        origin: runboard.browserOrigin,
        path: "/",
        cookieHeader: runboard.cookie,
      },
    ];
    const results: LighthouseResult[] = [];
    const { mobile, desktop } = context.settings.lighthouse;
    for (const [formFactor, rounds] of [
      ["mobile", mobile],
      ["desktop", desktop],
    ] as [FormFactor, number][]) {
      if (rounds > 0) results.push(...(await auditInterleaved(pages, formFactor, rounds)));
    }
    return { figures: toFigures(results), raw: results };
  },
};

function toFigures(results: readonly LighthouseResult[]) {
  const list = figureList("Lighthouse");
  for (const formFactor of ["mobile", "desktop"] as const) {
    const own = results.filter((r) => r.formFactor === formFactor);
    const floor = own.find((r) => r.name === "render floor");
    if (!floor) continue;
    const runs = `median of ${floor.runs.length}`;
    for (const r of own.filter((candidate) => candidate !== floor)) {
      const where = `${formFactor}, ${r.name} ${r.path}`;
      const redone =
        r.failedRuns.length > 0
          ? `; ${r.failedRuns.length} run(s) with a runtime error redone`
          : "";
      const floorTbt = { name: "render floor", value: floor.tbt };
      if (formFactor === "mobile") {
        list.compared(
          `${where}: TBT`,
          r.tbt,
          "ms",
          floorTbt,
          { of: "ratio", op: "<=", value: TBT_TARGET },
          `${runs}${redone}`,
        );
        list.compared(
          `${where}: score`,
          r.score,
          "score",
          { name: "render floor", value: floor.score },
          { of: "value", op: ">=", value: MOBILE_SCORE_TARGET },
        );
      } else {
        list.compared(`${where}: TBT`, r.tbt, "ms", floorTbt, null, `${runs}${redone}`);
        list.compared(
          `${where}: score`,
          r.score,
          "score",
          { name: "render floor", value: floor.score },
          null,
        );
      }
      list.compared(`${where}: LCP`, r.lcp, "ms", { name: "render floor", value: floor.lcp }, null);
      list.compared(
        `${where}: CLS`,
        r.cls,
        "",
        { name: "render floor", value: floor.cls },
        { of: "value", op: "<=", value: 0 },
      );
    }
  }
  return list.figures;
}
