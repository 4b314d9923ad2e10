import type { Browser } from "@playwright/test";
import { connect, launchChromium } from "../browser";
import { figureList } from "../figures";
import {
  measureInteractions,
  type InteractionResult,
  type InteractionScenario,
  type InteractionSurface,
} from "../interaction";
import { BIG_LAST_PAGE, BIG_WORKFLOW, SMALL_WORKFLOW } from "../workloads";
import { SCALE_TOLERANCE } from "./route-cost";
import type { BenchSection } from "./section";

/** Ours may take this much longer than the interaction floor. */
const INTERACTION_TARGET = 1.2;

const pageQuery = (startPage: number) => (startPage > 1 ? `?page=${startPage}` : "");

/**
 * A status chip and a prefetched "Next page", clicked in Runboard and in the interaction floor (a
 * bare TanStack Query + Table page with the same rows), interleaved click by click.
 */
export const interaction: BenchSection = {
  name: "interaction",
  summary: "status chip and prefetched Next page → rows painted, against the interaction floor",
  async run(context) {
    const runboard = await context.runboard();
    const floor = await context.floor();
    const browser: Browser = await launchChromium();
    try {
      const ours: InteractionSurface = {
        page: await (await browser.newContext()).newPage(),
        origin: runboard.browserOrigin,
        viewPath: (id, startPage) => `/workflows/${id}${pageQuery(startPage)}`,
        emulatorOrigin: runboard.emulator.origin,
      };
      await connect(ours.page, runboard.browserOrigin);
      const floorSurface: InteractionSurface = {
        page: await (await browser.newContext()).newPage(),
        origin: floor.browserOrigin,
        viewPath: (id, startPage) => `/interaction/${id}${pageQuery(startPage)}`,
        emulatorOrigin: null,
      };
      const scenarios: InteractionScenario[] = [
        {
          name: "filter",
          surface: ours,
          workflowId: SMALL_WORKFLOW,
          startPage: 1,
          action: "filter",
        },
        {
          name: "floor filter",
          surface: floorSurface,
          workflowId: SMALL_WORKFLOW,
          startPage: 1,
          action: "filter",
        },
        { name: "next", surface: ours, workflowId: SMALL_WORKFLOW, startPage: 1, action: "next" },
        {
          name: "floor next",
          surface: floorSurface,
          workflowId: SMALL_WORKFLOW,
          startPage: 1,
          action: "next",
        },
        {
          name: "filter big",
          surface: ours,
          workflowId: BIG_WORKFLOW,
          startPage: 1,
          action: "filter",
        },
        {
          name: "next big last",
          surface: ours,
          workflowId: BIG_WORKFLOW,
          startPage: BIG_LAST_PAGE - 1,
          action: "next",
        },
      ];
      const results = await measureInteractions(scenarios, context.settings.interactions);
      return { ...toFigures(results, context.settings.interactions), raw: results };
    } finally {
      await browser.close();
    }
  },
};

function toFigures(results: readonly InteractionResult[], repetitions: number) {
  const by = (name: string) => results.find((r) => r.name === name) as InteractionResult;
  const [filter, floorFilter, next, floorNext] = [
    by("filter"),
    by("floor filter"),
    by("next"),
    by("floor next"),
  ];
  const [filterBig, nextLast] = [by("filter big"), by("next big last")];
  const errors = results
    .filter((r) => r.action === "next" && r.fetchesAfterClick.some((n) => n > 0))
    .map((r) => `interaction ${r.name}: the next page was fetched after the click, not ahead`);
  const upstream = (r: InteractionResult) =>
    r.upstreamMedian === null ? undefined : `LeadLex answered in ${r.upstreamMedian.toFixed(1)} ms`;

  const list = figureList(`Interaction (median of ${repetitions})`);
  const target = { of: "ratio", op: "<=", value: INTERACTION_TARGET } as const;
  list.compared(
    `status chip → rows painted, ${SMALL_WORKFLOW}`,
    filter.median,
    "ms",
    { name: "interaction floor", value: floorFilter.median },
    target,
    upstream(filter),
  );
  list.compared(
    `prefetched Next page → rows painted, ${SMALL_WORKFLOW} 1→2`,
    next.median,
    "ms",
    { name: "interaction floor", value: floorNext.median },
    target,
  );
  list.compared(
    "React commits from the chip's click to the new rows",
    filter.commitsMedian,
    "count",
    { name: "interaction floor", value: floorFilter.commitsMedian },
    null,
  );
  list.compared(
    "React commits from Next page's click to the new rows",
    next.commitsMedian,
    "count",
    { name: "interaction floor", value: floorNext.commitsMedian },
    null,
  );
  for (const r of results) {
    list.info(`${r.name}: p90`, r.p90, "ms");
    list.info(`${r.name}: click → rows in the DOM, median`, r.domMedian, "ms");
  }

  const scale = figureList("Scale (interaction)");
  const sizeTarget = { of: "ratio", op: "<=", value: SCALE_TOLERANCE } as const;
  scale.compared(
    `status chip → rows painted, ${BIG_WORKFLOW}`,
    filterBig.median,
    "ms",
    { name: `same on ${SMALL_WORKFLOW}`, value: filter.median },
    sizeTarget,
    upstream(filterBig),
  );
  scale.compared(
    `prefetched Next page, ${BIG_WORKFLOW} ${(BIG_LAST_PAGE - 1).toLocaleString("en-US")}→${BIG_LAST_PAGE.toLocaleString("en-US")}`,
    nextLast.median,
    "ms",
    { name: `same on ${SMALL_WORKFLOW} 1→2`, value: next.median },
    sizeTarget,
  );
  return { figures: [...list.figures, ...scale.figures], errors };
}
