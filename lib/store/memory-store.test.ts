import { describe, expect, it } from "vitest";
import { createMemoryStore } from "./memory-store";
import { describeStoreContract } from "./store-contract";

describeStoreContract("in-process (lru-cache)", async () =>
  createMemoryStore({ maxBytes: 16 * 1024 * 1024 }),
);

describe("the in-process store's bound", () => {
  it("evicts the least recently used values to stay within its bytes", async () => {
    const store = createMemoryStore({ maxBytes: 10_000 });
    for (let index = 0; index < 10; index++) {
      await store.set(`ns:value-${index}`, Buffer.alloc(1_500), 60_000);
      // Reading value-0 keeps it the most recently used.
      await store.get("ns:value-0");
    }
    const kept = [];
    for (let index = 0; index < 10; index++) {
      if (await store.get(`ns:value-${index}`)) kept.push(index);
    }
    expect(kept.length).toBeLessThan(10);
    expect(kept.length * 1_500).toBeLessThanOrEqual(10_000);
    expect(kept).toContain(0);
    expect(kept).toContain(9);
  });

  it("keeps leases when values crowd it", async () => {
    const store = createMemoryStore({ maxBytes: 4_000 });
    const token = await store.acquireLease("ns:lease", 60_000);
    for (let index = 0; index < 20; index++) {
      await store.set(`ns:value-${index}`, Buffer.alloc(1_000), 60_000);
    }
    expect(token).not.toBeNull();
    expect(await store.acquireLease("ns:lease", 60_000)).toBeNull();
  });
});
