/**
 * Runs a server command and copies everything it prints into a file as well, so the secrecy tests
 * can read the app server's own log: `tsx e2e/support/tee-server-log.ts <log file> -- <command…>`.
 * Output still reaches Playwright's pipes. Each chunk is appended on its own, so the file survives
 * a parallel run wiping `test-results/` (later output lands in a fresh file).
 */
import { spawn } from "node:child_process";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const [logFile, separator, command, ...args] = process.argv.slice(2);
if (!logFile || separator !== "--" || !command) {
  console.error("usage: tee-server-log.ts <log file> -- <command> [args…]");
  process.exit(2);
}

mkdirSync(dirname(logFile), { recursive: true });
writeFileSync(logFile, "");

function record(chunk: Buffer): void {
  try {
    appendFileSync(logFile as string, chunk);
  } catch {
    mkdirSync(dirname(logFile as string), { recursive: true });
    appendFileSync(logFile as string, chunk);
  }
}

const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: process.env });
child.stdout.on("data", (chunk: Buffer) => {
  record(chunk);
  process.stdout.write(chunk);
});
child.stderr.on("data", (chunk: Buffer) => {
  record(chunk);
  process.stderr.write(chunk);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
