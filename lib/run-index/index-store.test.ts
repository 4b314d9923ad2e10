import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startRedisServer, type RedisServer } from "@/scripts/support/redis-server";
import { createMemoryStore } from "@/lib/store/memory-store";
import { createRedisStore } from "@/lib/store/redis-store";
import { createSealedStore } from "@/lib/store/sealed-store";
import type { Store } from "@/lib/store/store";
import { createIndexStore } from "./index-store";
import { FakeLeadlex } from "./testing/fake-leadlex";

const SECRET = "unit-test-session-secret-0123456789abcdef";
const START_MS = Date.UTC(2026, 3, 20, 14, 30);

let redis: RedisServer;

beforeAll(async () => {
  redis = await startRedisServer();
}, 30_000);

afterAll(async () => {
  await redis?.stop();
});

/** Both engines a deployment can run on: alone (in process) and across replicas (Redis). */
const ENGINES: [string, () => Store][] = [
  ["in process", () => createMemoryStore({ maxBytes: 16 * 1024 * 1024 })],
  ["on Redis", () => createRedisStore({ url: redis.url })],
];

describe.each(ENGINES)("where a key's run index is kept, %s", (_engine, createEngine) => {
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((engine) => engine.close()));
  });

  function setUp() {
    const engine = createEngine();
    opened.push(engine);
    const store = createSealedStore(engine, SECRET);
    const leadlex = new FakeLeadlex(START_MS);
    const run = leadlex.add("wf_a", START_MS - 60_000, { status: "failed" });
    return { store, run };
  }

  it("is read back by another process from the sealed store, and by that key only", async () => {
    const { store, run } = setUp();
    const scope = store.scopeFor("key_one");
    const here = createIndexStore(store);
    const opened = await here.open(scope);
    opened.index.add("wf_a", [run]);
    expect(await here.save(scope, opened, ["wf_a"])).toBe(true);

    const elsewhere = createIndexStore(store);
    const read = await elsewhere.open(scope);
    expect(read.index.runsOf("wf_a")?.runs.map((held) => held.run.id)).toEqual([run.id]);
    const other = await elsewhere.open(store.scopeFor("key_two"));
    expect(other.index.workflowIds()).toEqual([]);
  });

  it("after sign-out's purge, opens empty, and a late save of the old index writes nothing", async () => {
    const { store, run } = setUp();
    const scope = store.scopeFor("key_one");
    const indexes = createIndexStore(store);
    const opened = await indexes.open(scope);
    opened.index.add("wf_a", [run]);
    await indexes.save(scope, opened, ["wf_a"]);

    await store.purge(scope);
    expect(await indexes.save(scope, opened, ["wf_a"])).toBe(false);
    const fresh = await indexes.open(scope);
    expect(fresh.index.workflowIds()).toEqual([]);
    expect(fresh.epoch).not.toBe(opened.epoch);
  });

  it("expires when idle: entries live for the idle time from their last use", async () => {
    const { store, run } = setUp();
    const scope = store.scopeFor("key_one");
    const indexes = createIndexStore(store, { idleTtlMs: 50 });
    const opened = await indexes.open(scope);
    opened.index.add("wf_a", [run]);
    await indexes.save(scope, opened, ["wf_a"]);
    await expect
      .poll(async () =>
        createIndexStore(store)
          .open(scope)
          .then((o) => o.index.workflowIds()),
      )
      .toEqual([]);
  });
});
