import { afterAll, beforeAll } from "vitest";
import { startRedisServer, type RedisServer } from "@/scripts/support/redis-server";
import { createRedisStore } from "./redis-store";
import { describeStoreContract } from "./store-contract";

let server: RedisServer;

beforeAll(async () => {
  server = await startRedisServer();
}, 30_000);

afterAll(async () => {
  await server?.stop();
});

describeStoreContract("Redis (ioredis, redis-server 7)", async () =>
  createRedisStore({ url: server.url }),
);
