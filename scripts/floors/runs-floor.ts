/**
 * The render and interaction floors: one Next project (sources in `runs-floor-app/`) built with
 * Runboard's own Next config, PostCSS config and global CSS, so it differs from Runboard only in
 * the code that makes the runs page.
 *
 *   /render/{id}                 the server-rendered 25-row table, data from memory
 *   /interaction/{id}?page=N     a client page: TanStack Query + Table, a status filter, Next page
 *   /api/workflows/{id}/logs     the interaction floor's rows, from memory
 *
 * Its data is a JSON file named by `BENCH_FLOOR_DATA` at run time (not build time), so one build
 * serves any day's emulator data.
 *
 * Turbopack's workspace root is Runboard's (the lockfile's folder, which also holds the symlinked
 * `node_modules`), and from there it falls back to Runboard's root files: hence the floor's own
 * empty `instrumentation.ts`, and no tsconfig.json of ours (Next writes its default one; a
 * hand-written one made Turbopack compile Runboard's `proxy.ts` as well).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { buildScratchProject, REPOSITORY_ROOT, type BuiltProject } from "./scratch-project";

const SOURCES = join(import.meta.dirname, "runs-floor-app");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Runboard's `next.config.ts` as plain data, with the floor's own build folder. */
async function runboardNextConfig(): Promise<string> {
  const loaded = (await import(pathToFileURL(join(REPOSITORY_ROOT, "next.config.ts")).href)) as {
    default: Record<string, unknown>;
  };
  const config = {
    ...loaded.default,
    distDir: ".next",
    // `npm run typecheck` checks these sources within Runboard; the floor's build need not.
    typescript: { ignoreBuildErrors: true },
  };
  const json = JSON.stringify(config, (key, value: unknown) => {
    if (typeof value === "function") {
      throw new Error(`next.config.ts has a function at "${key}": the floor cannot copy it.`);
    }
    return value;
  });
  return `export default ${json};\n`;
}

export async function buildRunsFloor(): Promise<BuiltProject> {
  const files = new Map<string, string>();
  for (const file of filesUnder(SOURCES))
    files.set(relative(SOURCES, file), readFileSync(file, "utf8"));
  files.set("app/globals.css", readFileSync(join(REPOSITORY_ROOT, "app/globals.css"), "utf8"));
  files.set(
    "postcss.config.mjs",
    readFileSync(join(REPOSITORY_ROOT, "postcss.config.mjs"), "utf8"),
  );
  files.set("next.config.mjs", await runboardNextConfig());
  files.set("package.json", JSON.stringify({ private: true, type: "module" }));
  return buildScratchProject({ name: "bench-runs-floor", files });
}
