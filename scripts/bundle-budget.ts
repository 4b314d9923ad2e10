/**
 * `npm run test:budget` (part of `npm test`, after `npm run build`): the first-load JavaScript of
 * each route, gzip-measured, against the framework's floor — an empty App Router page built by the
 * same Next.js in a scratch project. Fails when the runs page costs more than the budget above it.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_ABOVE_FLOOR_BYTES = 40 * 1024;
const BUDGETED_ROUTE = "/workflows/[id]";
const root = resolve(import.meta.dirname, "..");

interface RouteStats {
  route: string;
  firstLoadChunkPaths: string[];
}

function firstLoadSizes(
  projectDir: string,
  distDir = ".next",
): Map<string, { raw: number; gzip: number }> {
  const statsFile = join(projectDir, distDir, "diagnostics/route-bundle-stats.json");
  if (!existsSync(statsFile)) throw new Error(`${statsFile} is missing: run the build first.`);
  const stats = JSON.parse(readFileSync(statsFile, "utf8")) as RouteStats[];
  const sizes = new Map<string, { raw: number; gzip: number }>();
  for (const { route, firstLoadChunkPaths } of stats) {
    let raw = 0;
    let gzip = 0;
    for (const chunk of firstLoadChunkPaths) {
      const relative = chunk.startsWith(`${distDir}/`) ? chunk.slice(distDir.length + 1) : chunk;
      const bytes = readFileSync(join(projectDir, distDir, relative.replace(/^\.next\//, "")));
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    sizes.set(route, { raw, gzip });
  }
  return sizes;
}

/** An empty page and the minimal root layout Next requires, built with our Next and React. */
function buildFloorProject(): string {
  const dir = join(root, ".runboard/floor-app");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "app"), { recursive: true });
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
  writeFileSync(join(dir, "next.config.mjs"), "export default {};\n");
  writeFileSync(
    join(dir, "app/layout.jsx"),
    'export default function Layout({ children }) { return <html lang="en"><body>{children}</body></html>; }\n',
  );
  writeFileSync(
    join(dir, "app/page.jsx"),
    "export default function Page() { return <main>Empty</main>; }\n",
  );
  execFileSync(join(root, "node_modules/.bin/next"), ["build"], {
    cwd: dir,
    stdio: "ignore",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  return dir;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const floor = firstLoadSizes(buildFloorProject()).get("/");
if (!floor) throw new Error("The floor project has no / route.");
const ours = firstLoadSizes(root, process.env.NEXT_DIST_DIR ?? ".next");

console.log(
  `First-load JS per route (gzip level 9); floor = empty page, ${kb(floor.gzip)} gzip / ${kb(floor.raw)} raw`,
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
    kb(size.gzip).padStart(10),
    kb(size.gzip - floor.gzip).padStart(12),
    kb(size.raw).padStart(10),
  );
}

const budgeted = ours.get(BUDGETED_ROUTE);
if (!budgeted) throw new Error(`No build stats for ${BUDGETED_ROUTE}.`);
const over = budgeted.gzip - floor.gzip - BUDGET_ABOVE_FLOOR_BYTES;
if (over > 0) {
  console.error(
    `\n${BUDGETED_ROUTE} is ${kb(over)} over its budget of ${kb(BUDGET_ABOVE_FLOOR_BYTES)} above the floor.`,
  );
  process.exit(1);
}
console.log(
  `\n${BUDGETED_ROUTE}: ${kb(budgeted.gzip - floor.gzip)} above the floor, budget ${kb(BUDGET_ABOVE_FLOOR_BYTES)}: OK`,
);
