import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * The production build as containers run it: Next's standalone server (`output: "standalone"`),
 * `node <distDir>/standalone/server.js`, with the browser assets copied beside it by
 * `scripts/copy-standalone-assets.ts` (part of `npm run build`). The e2e servers and the demo
 * start it from here, so they run exactly what a replica runs.
 */

export function distDir(): string {
  return process.env.NEXT_DIST_DIR ?? ".next";
}

export function standaloneDir(dir = distDir()): string {
  return join(dir, "standalone");
}

/** `node server.js` for the current build; fails with what to run when the build is missing. */
export function standaloneServerCommand(dir = distDir()): [string, string] {
  const server = join(standaloneDir(dir), "server.js");
  if (!existsSync(server) || !existsSync(join(standaloneDir(dir), dir, "static"))) {
    throw new Error(
      `No standalone build with its assets in ${standaloneDir(dir)}/: run \`npm run build\` first.`,
    );
  }
  return [process.execPath, server];
}

/**
 * The standalone server reads its address from the environment. `::` listens on IPv6 and IPv4,
 * as `next start` does; HOSTNAME is set explicitly because container runtimes set it to the
 * container's name.
 */
export function standaloneServerEnv(port: number): Record<string, string> {
  return { PORT: String(port), HOSTNAME: "::" };
}
