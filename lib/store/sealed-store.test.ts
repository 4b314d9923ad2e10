import { describe, expect, it } from "vitest";
import { createMemoryStore } from "./memory-store";
import { createSealedStore } from "./sealed-store";
import type { Store } from "./store";

const SECRET = "unit-test-session-secret-0123456789abcdef";
const ORG_KEY = "wbk_demo_org_full";
const STARTER_KEY = "wbk_demo_starter";
const ANSWER = Buffer.from(JSON.stringify({ runs: [{ id: "wfl_01HY1", name: "Lost deals" }] }));

/** The engine as a reader of Redis would see it: every key and value written. */
function recordingStore() {
  const inner = createMemoryStore({ maxBytes: 1024 * 1024 });
  const writes = new Map<string, Buffer>();
  const store: Store = {
    ...inner,
    async set(key, value, ttlMs) {
      writes.set(key, Buffer.from(value));
      return inner.set(key, value, ttlMs);
    },
  };
  return { store, writes, inner };
}

/** The writes in order, checked to be exactly `count` of them. */
function written(writes: Map<string, Buffer>, count: 1): [[string, Buffer]];
function written(writes: Map<string, Buffer>, count: 2): [[string, Buffer], [string, Buffer]];
function written(writes: Map<string, Buffer>, count: number): [string, Buffer][] {
  expect(writes.size).toBe(count);
  return [...writes];
}

describe("the sealed store", () => {
  it("shows a reader of the engine neither the key, the name nor the value", async () => {
    const { store, writes } = recordingStore();
    const sealed = createSealedStore(store, SECRET);
    const scope = sealed.scopeFor(ORG_KEY);
    await sealed.set(scope, "answer", "GET /v1/workflows/wf_01HY1/logs?page=1", ANSWER, 60_000);

    expect(await sealed.get(scope, "answer", "GET /v1/workflows/wf_01HY1/logs?page=1")).toEqual(
      ANSWER,
    );
    expect(writes.size).toBe(1);
    const [[key, value]] = written(writes, 1);
    for (const secret of [ORG_KEY, "org_full", "wf_01HY1", "logs", "Lost deals", "wfl_01HY1"]) {
      expect(key).not.toContain(secret);
      expect(value.toString("latin1")).not.toContain(secret);
    }
    expect(key.startsWith(`${scope.namespace}:answer:`)).toBe(true);
    expect(value.length).toBeGreaterThan(ANSWER.length);
  });

  it("gives two keys of the same workspace separate namespaces and sealing keys", () => {
    const sealed = createSealedStore(createMemoryStore({ maxBytes: 1024 }), SECRET);
    const org = sealed.scopeFor(ORG_KEY);
    const starter = sealed.scopeFor(STARTER_KEY);
    expect(org.namespace).not.toBe(starter.namespace);
    expect(org.sealingKey.equals(starter.sealingKey)).toBe(false);
    expect(org.namespace).toMatch(/^k[A-Za-z0-9_-]{32}$/);
    expect(sealed.scopeFor(ORG_KEY)).toEqual(org);
  });

  it("depends on SESSION_SECRET: another deployment's store cannot be read", async () => {
    const engine = createMemoryStore({ maxBytes: 1024 * 1024 });
    const ours = createSealedStore(engine, SECRET);
    const theirs = createSealedStore(engine, `${SECRET}-other`);
    await ours.set(ours.scopeFor(ORG_KEY), "answer", "list", ANSWER, 60_000);
    expect(theirs.scopeFor(ORG_KEY).namespace).not.toBe(ours.scopeFor(ORG_KEY).namespace);
    expect(await theirs.get(theirs.scopeFor(ORG_KEY), "answer", "list")).toBeNull();
  });

  it("drops an entry copied into another key's place instead of serving it", async () => {
    const { store, writes, inner } = recordingStore();
    const sealed = createSealedStore(store, SECRET);
    const org = sealed.scopeFor(ORG_KEY);
    const starter = sealed.scopeFor(STARTER_KEY);
    await sealed.set(org, "answer", "list", ANSWER, 60_000);
    await sealed.set(starter, "answer", "list", Buffer.from("starter's own"), 60_000);
    const [[orgKey, orgValue], [starterKey]] = written(writes, 2);

    await inner.set(starterKey, orgValue, 60_000);
    expect(await sealed.get(starter, "answer", "list")).toBeNull();
    expect(await inner.get(starterKey)).toBeNull();
    expect(await sealed.get(org, "answer", "list")).toEqual(ANSWER);
    expect(orgKey).not.toBe(starterKey);
  });

  it("drops an entry moved to another name of the same key", async () => {
    const { store, writes, inner } = recordingStore();
    const sealed = createSealedStore(store, SECRET);
    const org = sealed.scopeFor(ORG_KEY);
    await sealed.set(org, "answer", "page 1", ANSWER, 60_000);
    await sealed.set(org, "answer", "page 2", Buffer.from("two"), 60_000);
    const [[, pageOne], [pageTwoKey]] = written(writes, 2);
    await inner.set(pageTwoKey, pageOne, 60_000);
    expect(await sealed.get(org, "answer", "page 2")).toBeNull();
  });

  it.each([
    [
      "one flipped bit",
      (bytes: Buffer) => Buffer.from(bytes.map((b, i) => (i === 20 ? b ^ 1 : b))),
    ],
    ["a truncated value", (bytes: Buffer) => bytes.subarray(0, 20)],
    [
      "an unknown format version",
      (bytes: Buffer) => Buffer.concat([Buffer.of(9), bytes.subarray(1)]),
    ],
    ["plain text", () => Buffer.from(JSON.stringify({ runs: [] }))],
    ["nothing", () => Buffer.alloc(0)],
  ])("deletes and misses on %s", async (_label, corrupt) => {
    const { store, writes, inner } = recordingStore();
    const sealed = createSealedStore(store, SECRET);
    const org = sealed.scopeFor(ORG_KEY);
    await sealed.set(org, "answer", "list", ANSWER, 60_000);
    const [[key, value]] = written(writes, 1);
    await inner.set(key, corrupt(value), 60_000);
    expect(await sealed.get(org, "answer", "list")).toBeNull();
    expect(await inner.get(key)).toBeNull();
  });

  it("seals each write with a fresh IV: equal answers do not look equal", async () => {
    const { store, writes } = recordingStore();
    const sealed = createSealedStore(store, SECRET);
    const org = sealed.scopeFor(ORG_KEY);
    await sealed.set(org, "answer", "a", ANSWER, 60_000);
    await sealed.set(org, "answer", "b", ANSWER, 60_000);
    const [[, first], [, second]] = written(writes, 2);
    expect(first.equals(second)).toBe(false);
  });

  it("purges one key's answers, leases and counters, not another key's", async () => {
    const sealed = createSealedStore(createMemoryStore({ maxBytes: 1024 * 1024 }), SECRET);
    const org = sealed.scopeFor(ORG_KEY);
    const starter = sealed.scopeFor(STARTER_KEY);
    await sealed.set(org, "answer", "list", ANSWER, 60_000);
    await sealed.set(starter, "answer", "list", ANSWER, 60_000);
    expect(await sealed.acquireLease(org, "sync wf_01HY1", 60_000)).not.toBeNull();
    await sealed.addToWindow(org, "minute", 3, 60_000);

    await sealed.purge(org);

    expect(await sealed.get(org, "answer", "list")).toBeNull();
    expect(await sealed.acquireLease(org, "sync wf_01HY1", 60_000)).not.toBeNull();
    expect((await sealed.addToWindow(org, "minute", 0, 60_000)).current).toBe(0);
    expect(await sealed.get(starter, "answer", "list")).toEqual(ANSWER);
  });

  it("keeps a purge's mark through the purge it announces, for that key only, holding only a time", async () => {
    const { store, writes } = recordingStore();
    const sealed = createSealedStore(store, SECRET);
    const org = sealed.scopeFor(ORG_KEY);
    await sealed.markPurged(org, 1_234_567, 60_000);
    await sealed.purge(org);

    expect(await sealed.purgedAt(org)).toBe(1_234_567);
    expect(await sealed.purgedAt(sealed.scopeFor(STARTER_KEY))).toBeNull();
    const [[key, value]] = written(writes, 1);
    expect(key).not.toContain(ORG_KEY);
    expect(value.toString("utf8")).toBe("1234567");
  });
});
