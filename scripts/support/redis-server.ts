import { spawn, type ChildProcess } from "node:child_process";
import { createConnection, createServer } from "node:net";
import { stopChild } from "./child-process";

/**
 * A throw-away `redis-server` (Debian's Redis 7) on a free loopback port, without persistence, for
 * the store's contract tests, the two-replica e2e test and the bench. `.ci/run` installs it.
 */
export interface RedisServer {
  url: string;
  port: number;
  /** Stops the server and waits for it to exit; a second call does nothing. */
  stop(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn(
    process.env.REDIS_SERVER_PATH ?? "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const spawnError = new Promise<never>((_, reject) => {
    child.once("error", (error) =>
      reject(new Error(`could not start redis-server (apt-get install redis-server): ${error}`)),
    );
  });
  await Promise.race([waitUntilListening(port, child, output), spawnError]);
  return { url: `redis://127.0.0.1:${port}`, port, stop: () => stopChild(child) };
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitUntilListening(port: number, child: ChildProcess, output: string[]) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`redis-server exited with ${child.exitCode}:\n${output.join("")}`);
    }
    if (await accepts(port)) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  child.kill("SIGKILL");
  throw new Error(`redis-server did not listen on ${port} within 20 s:\n${output.join("")}`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}
