/**
 * `npm run test:budget` (part of `npm test`, after `npm run build`): the first-load JavaScript of
 * each route, gzip-measured, against the framework's floor — an empty App Router page built by the
 * same Next.js in a scratch project. Fails when the runs page costs more than the budget above it.
 */
import { buildEmptyPageFloor } from "./floors/empty-page-floor";
import { firstLoadSizes } from "./floors/first-load-js";
import { REPOSITORY_ROOT } from "./floors/scratch-project";
import { BUDGET_ABOVE_FLOOR_BYTES, BUDGETED_ROUTE, formatKb } from "./floors/js-budget";

const floor = firstLoadSizes(buildEmptyPageFloor().dir).get("/");
if (!floor) throw new Error("The floor project has no / route.");
const ours = firstLoadSizes(REPOSITORY_ROOT, process.env.NEXT_DIST_DIR ?? ".next");

console.log(
  `First-load JS per route (gzip level 9); floor = empty page, ${formatKb(floor.gzip)} gzip / ${formatKb(floor.raw)} raw`,
);
console.log(
  "route".padEnd(22),
  "gzip".padStart(10),
  "above floor".padStart(12),
  "raw".padStart(10),
);
for (const [route, size] of [...ours].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(
    route.padEnd(22),
    formatKb(size.gzip).padStart(10),
    formatKb(size.gzip - floor.gzip).padStart(12),
    formatKb(size.raw).padStart(10),
  );
}

const budgeted = ours.get(BUDGETED_ROUTE);
if (!budgeted) throw new Error(`No build stats for ${BUDGETED_ROUTE}.`);
const over = budgeted.gzip - floor.gzip - BUDGET_ABOVE_FLOOR_BYTES;
if (over > 0) {
  console.error(
    `\n${BUDGETED_ROUTE} is ${formatKb(over)} over its budget of ${formatKb(BUDGET_ABOVE_FLOOR_BYTES)} above the floor.`,
  );
  process.exit(1);
}
console.log(
  `\n${BUDGETED_ROUTE}: ${formatKb(budgeted.gzip - floor.gzip)} above the floor, budget ${formatKb(BUDGET_ABOVE_FLOOR_BYTES)}: OK`,
);
