import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface FirstLoadSize {
  raw: number;
  gzip: number;
}

interface RouteStats {
  route: string;
  firstLoadChunkPaths: string[];
}

/**
 * The first-load JavaScript of each route of a production build, from the stats Turbopack writes
 * (`next build` itself prints no sizes). Gzip at level 9, as a CDN would serve it.
 */
export function firstLoadSizes(projectDir: string, distDir = ".next"): Map<string, FirstLoadSize> {
  const statsFile = join(projectDir, distDir, "diagnostics/route-bundle-stats.json");
  if (!existsSync(statsFile)) throw new Error(`${statsFile} is missing: run the build first.`);
  const stats = JSON.parse(readFileSync(statsFile, "utf8")) as RouteStats[];
  const sizes = new Map<string, FirstLoadSize>();
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
