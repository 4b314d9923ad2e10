/**
 * `npm run test:budget` (part of `npm test`, after `npm run build`): the first-load JavaScript of
 * each route, gzip-measured, against the framework's floor — an empty App Router page built by the
 * same Next.js in a scratch project. Fails when a budgeted route (the runs page, `/runs`) costs
 * more than the budget above it.
 */
import { buildEmptyPageFloor } from "./floors/empty-page-floor";
import { firstLoadSizes } from "./floors/first-load-js";
import { REPOSITORY_ROOT } from "./floors/scratch-project";
import { BUDGET_ABOVE_FLOOR_BYTES, BUDGETED_ROUTES, formatKb } from "./floors/js-budget";

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

let failed = false;
for (const route of BUDGETED_ROUTES) {
  const budgeted = ours.get(route);
  if (!budgeted) throw new Error(`No build stats for ${route}.`);
  const above = budgeted.gzip - floor.gzip;
  if (above > BUDGET_ABOVE_FLOOR_BYTES) {
    failed = true;
    console.error(
      `\n${route} is ${above - BUDGET_ABOVE_FLOOR_BYTES} B over its budget of ${formatKb(BUDGET_ABOVE_FLOOR_BYTES)} above the floor.`,
    );
  } else {
    console.log(
      `\n${route}: ${formatKb(above)} above the floor, budget ${formatKb(BUDGET_ABOVE_FLOOR_BYTES)}: OK`,
    );
  }
}
if (failed) process.exit(1);
