import { buildEmptyPageFloor } from "../../floors/empty-page-floor";
import { firstLoadSizes } from "../../floors/first-load-js";
import { BUDGET_ABOVE_FLOOR_BYTES, BUDGETED_ROUTE, formatKb } from "../../floors/js-budget";
import { figureList } from "../figures";
import type { BenchSection } from "./section";

const kb = (bytes: number) => bytes / 1024;

/** First-load JS of each route above an empty page built by the same Next (CI's budget). */
export const jsBudget: BenchSection = {
  name: "budget",
  summary: "first-load JS gzip of each route above the empty page (the CI budget)",
  async run(context) {
    const { runboardDir, distDir } = context;
    const floor = firstLoadSizes(buildEmptyPageFloor().dir).get("/");
    if (!floor) throw new Error("The empty-page floor has no / route.");
    const ours = firstLoadSizes(runboardDir, distDir);
    const list = figureList("First-load JS (gzip)");
    const emptyPage = { name: "empty page", value: kb(floor.gzip) };
    const lines: string[] = [];
    for (const [route, size] of [...ours].sort(([a], [b]) => a.localeCompare(b))) {
      const target =
        route === BUDGETED_ROUTE
          ? ({ of: "difference", op: "<=", value: kb(BUDGET_ABOVE_FLOOR_BYTES) } as const)
          : null;
      list.compared(route, kb(size.gzip), "KB", emptyPage, target);
      lines.push(
        `${route.padEnd(22)} ${formatKb(size.gzip).padStart(10)} ${formatKb(size.gzip - floor.gzip).padStart(12)} ${formatKb(size.raw).padStart(10)}`,
      );
    }
    return {
      figures: list.figures,
      appendix: {
        title: `First-load JS per route (gzip level 9, as \`npm run test:budget\` measures it); floor = empty page, ${formatKb(floor.gzip)} gzip / ${formatKb(floor.raw)} raw`,
        text: [
          `${"route".padEnd(22)} ${"gzip".padStart(10)} ${"above floor".padStart(12)} ${"raw".padStart(10)}`,
          ...lines,
        ].join("\n"),
      },
    };
  },
};
