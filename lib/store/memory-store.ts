import { randomBytes } from "node:crypto";
import { LRUCache } from "lru-cache";
import { namespaceOf, windowStart, type Store, type WindowCount } from "./store";

/**
 * The embedded engine: this process only, no setup (`npm run demo` uses it). Values sit in an LRU
 * bounded in bytes (lru-cache's `maxSize` with a size per entry), so a busy server evicts the least
 * recently used answers instead of growing; leases and window counters are tiny and kept apart,
 * bounded by count, so a burst of cached answers can never evict a lock someone holds.
 */

export interface MemoryStoreOptions {
  /** Bytes of values (and their keys) kept at most. */
  maxBytes: number;
  /** Leases and window counters kept at most. */
  maxRecords?: number;
  now?: () => number;
}

/** What an entry costs besides its bytes: the key and lru-cache's own bookkeeping, roughly. */
const ENTRY_OVERHEAD_BYTES = 64;

type SmallRecord = { kind: "lease"; token: string } | { kind: "counter"; count: number };

export function createMemoryStore({
  maxBytes,
  maxRecords = 100_000,
  now = Date.now,
}: MemoryStoreOptions): Store {
  const clock = { now };
  const values = new LRUCache<string, Buffer>({
    maxSize: maxBytes,
    sizeCalculation: (value, key) => value.byteLength + key.length * 2 + ENTRY_OVERHEAD_BYTES,
    perf: clock,
    // lru-cache otherwise reads the clock once per millisecond of real time; an injected clock
    // (tests) may jump in between.
    ttlResolution: 0,
  });
  const records = new LRUCache<string, SmallRecord>({
    max: maxRecords,
    perf: clock,
    ttlResolution: 0,
  });

  function leaseHeldBy(key: string, token: string): boolean {
    const record = records.get(key);
    return record?.kind === "lease" && record.token === token;
  }

  function counterAt(key: string): number {
    const record = records.get(key);
    return record?.kind === "counter" ? record.count : 0;
  }

  return {
    engine: "memory",

    async get(key) {
      return values.get(key) ?? null;
    },

    async set(key, value, ttlMs) {
      namespaceOf(key);
      // Copied, so a caller reusing its buffer cannot change what is stored.
      values.set(key, Buffer.from(value), { ttl: Math.max(1, Math.ceil(ttlMs)) });
    },

    async delete(key) {
      values.delete(key);
      records.delete(key);
    },

    async purgeNamespace(namespace) {
      const prefix = `${namespace}:`;
      for (const key of [...values.keys()]) if (key.startsWith(prefix)) values.delete(key);
      for (const key of [...records.keys()]) if (key.startsWith(prefix)) records.delete(key);
    },

    async acquireLease(key, ttlMs) {
      namespaceOf(key);
      if (records.get(key)?.kind === "lease") return null;
      const token = randomBytes(16).toString("base64url");
      records.set(key, { kind: "lease", token }, { ttl: Math.max(1, Math.ceil(ttlMs)) });
      return token;
    },

    async renewLease(key, token, ttlMs) {
      if (!leaseHeldBy(key, token)) return false;
      records.set(key, { kind: "lease", token }, { ttl: Math.max(1, Math.ceil(ttlMs)) });
      return true;
    },

    async releaseLease(key, token) {
      if (!leaseHeldBy(key, token)) return false;
      records.delete(key);
      return true;
    },

    async addToWindow(key, amount, windowMs): Promise<WindowCount> {
      namespaceOf(key);
      const start = windowStart(clock.now(), windowMs);
      const currentKey = `${key}@${start}`;
      const current = counterAt(currentKey) + amount;
      if (amount !== 0) {
        // Kept for two windows: the next window reads this one as its `previous`.
        records.set(currentKey, { kind: "counter", count: current }, { ttl: 2 * windowMs });
      }
      return { current, previous: counterAt(`${key}@${start - windowMs}`), windowStartMs: start };
    },

    async close() {
      values.clear();
      records.clear();
    },
  };
}
