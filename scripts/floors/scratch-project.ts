/**
 * Reference Next.js projects ("floors") built beside Runboard in `.runboard/<name>/`, with
 * Runboard's own `node_modules` symlinked in: the same Next, React, TanStack and Tailwind, so what
 * differs from Runboard is only the code under test. A build is kept and reused while its sources
 * and those package versions are unchanged.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export const REPOSITORY_ROOT = resolve(import.meta.dirname, "../..");

/** Packages whose version changes what a floor's build contains. */
const BUILD_PACKAGES = [
  "next",
  "react",
  "react-dom",
  "@tanstack/react-query",
  "@tanstack/react-table",
  "tailwindcss",
  "@tailwindcss/postcss",
];

export interface ScratchProject {
  /** Folder name under `.runboard/`. */
  name: string;
  /** Relative path → content; written as is, with `node_modules` linked beside them. */
  files: ReadonlyMap<string, string>;
}

export interface BuiltProject {
  dir: string;
  /** False when an earlier build of the same sources was reused. */
  built: boolean;
  buildMs: number;
}

function installedVersion(pkg: string): string {
  const manifest = join(REPOSITORY_ROOT, "node_modules", pkg, "package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** What a build depends on: every file and every version that goes into it. */
export function buildKey(project: ScratchProject): string {
  const hash = createHash("sha256");
  for (const pkg of BUILD_PACKAGES) hash.update(`${pkg}@${installedVersion(pkg)}\n`);
  for (const [path, content] of [...project.files].sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(`${path}\n${content.length}\n${content}`);
  }
  return hash.digest("hex");
}

/** `next build` of the project, unless the last build was of exactly the same inputs. */
export function buildScratchProject(project: ScratchProject): BuiltProject {
  const dir = join(REPOSITORY_ROOT, ".runboard", project.name);
  const key = buildKey(project);
  const keyFile = join(dir, ".build-key");
  if (
    existsSync(join(dir, ".next/BUILD_ID")) &&
    existsSync(keyFile) &&
    readFileSync(keyFile, "utf8") === key
  ) {
    return { dir, built: false, buildMs: 0 };
  }

  rmSync(dir, { recursive: true, force: true });
  for (const [path, content] of project.files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  symlinkSync(join(REPOSITORY_ROOT, "node_modules"), join(dir, "node_modules"), "dir");

  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  // Runboard's config reads it; a floor builds into its own `.next/`.
  delete env.NEXT_DIST_DIR;
  const started = performance.now();
  const result = spawnSync(join(REPOSITORY_ROOT, "node_modules/.bin/next"), ["build"], {
    cwd: dir,
    env,
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(
      `next build of .runboard/${project.name} failed (${result.status ?? result.signal}):\n` +
        `${result.stdout}${result.stderr}`.trim().slice(-4_000),
    );
  }
  writeFileSync(keyFile, key);
  return { dir, built: true, buildMs: performance.now() - started };
}
