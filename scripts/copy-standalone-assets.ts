/**
 * After `next build`: copies the browser assets next to the standalone server, as Next's docs
 * require (`output: "standalone"` leaves `static/` and `public/` out, for a CDN to serve). Without
 * them the server answers every page but none of its JavaScript or CSS.
 */
import { cpSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { distDir, standaloneDir } from "./support/production-server";

const dir = distDir();
const target = standaloneDir(dir);
if (!existsSync(join(target, "server.js"))) {
  console.error(
    `No standalone server in ${target}/: is output: "standalone" set in next.config.ts?`,
  );
  process.exit(1);
}
rmSync(join(target, dir, "static"), { recursive: true, force: true });
cpSync(join(dir, "static"), join(target, dir, "static"), { recursive: true });
if (existsSync("public")) cpSync("public", join(target, "public"), { recursive: true });
console.log(`Copied ${dir}/static${existsSync("public") ? " and public/" : ""} into ${target}/.`);
