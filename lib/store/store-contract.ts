import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "./store";

/**
 * The behaviour every engine promises, run against each of them (`memory-store.test.ts`,
 * `redis-store.test.ts`). Time is real here, because Redis keeps its own clock: TTLs are short
 * and expiry is awaited by polling, never by a fixed sleep shorter than the TTL.
 */
export function describeStoreContract(engine: string, open: () => Promise<Store>) {
  describe(`Store contract: ${engine}`, () => {
    let store: Store;
    let run = 0;
    /** A namespace no other test uses, so the tests stay independent on one server. */
    const fresh = () => `t${process.pid}x${++run}x${randomBytes(3).toString("hex")}`;

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it("answers null for a key never set", async () => {
      expect(await store.get(`${fresh()}:missing`)).toBeNull();
    });

    it("returns the exact bytes stored, and a later set replaces them", async () => {
      const key = `${fresh()}:value`;
      const bytes = randomBytes(4_096);
      await store.set(key, bytes, 60_000);
      expect(await store.get(key)).toEqual(bytes);
      await store.set(key, Buffer.from("second"), 60_000);
      expect((await store.get(key))?.toString()).toBe("second");
    });

    it("forgets a value when its time to live runs out", async () => {
      const key = `${fresh()}:short`;
      await store.set(key, Buffer.from("x"), 150);
      await expect.poll(() => store.get(key), { timeout: 5_000, interval: 25 }).toBeNull();
    });

    it("deletes a value", async () => {
      const key = `${fresh()}:gone`;
      await store.set(key, Buffer.from("x"), 60_000);
      await store.delete(key);
      expect(await store.get(key)).toBeNull();
      await store.delete(`${fresh()}:never-set`);
    });

    it("purges one namespace's values, leases and counters, and nothing else", async () => {
      const doomed = fresh();
      const kept = fresh();
      const lookalike = `${doomed}x`;
      await store.set(`${doomed}:a`, Buffer.from("1"), 60_000);
      await store.set(`${doomed}:b:c`, Buffer.from("2"), 60_000);
      expect(await store.acquireLease(`${doomed}:lease`, 60_000)).not.toBeNull();
      await store.addToWindow(`${doomed}:count`, 5, 60_000);
      await store.set(`${kept}:a`, Buffer.from("3"), 60_000);
      await store.set(`${lookalike}:a`, Buffer.from("4"), 60_000);

      await store.purgeNamespace(doomed);

      expect(await store.get(`${doomed}:a`)).toBeNull();
      expect(await store.get(`${doomed}:b:c`)).toBeNull();
      expect(await store.acquireLease(`${doomed}:lease`, 60_000)).not.toBeNull();
      expect((await store.addToWindow(`${doomed}:count`, 0, 60_000)).current).toBe(0);
      expect((await store.get(`${kept}:a`))?.toString()).toBe("3");
      expect((await store.get(`${lookalike}:a`))?.toString()).toBe("4");
      await store.purgeNamespace(fresh());
    });

    it("refuses a key without a namespace", async () => {
      await expect(store.set("no-namespace", Buffer.from("x"), 1_000)).rejects.toThrow();
    });

    describe("leases", () => {
      it("go to one holder at a time, even when twenty ask at once", async () => {
        const key = `${fresh()}:lease`;
        const tokens = await Promise.all(
          Array.from({ length: 20 }, () => store.acquireLease(key, 60_000)),
        );
        expect(tokens.filter((token) => token !== null)).toHaveLength(1);
      });

      it("are released and renewed only with their own token", async () => {
        const key = `${fresh()}:lease`;
        const token = await held(store.acquireLease(key, 60_000));
        expect(await store.releaseLease(key, "someone-else")).toBe(false);
        expect(await store.renewLease(key, "someone-else", 60_000)).toBe(false);
        expect(await store.acquireLease(key, 60_000)).toBeNull();
        expect(await store.renewLease(key, token, 60_000)).toBe(true);
        expect(await store.releaseLease(key, token)).toBe(true);
        expect(await store.releaseLease(key, token)).toBe(false);
        expect(await store.acquireLease(key, 60_000)).not.toBeNull();
      });

      it("expire, so a crashed holder's lease can be taken", async () => {
        const key = `${fresh()}:lease`;
        const crashed = await held(store.acquireLease(key, 150));
        const next = await waitFor(() => store.acquireLease(key, 60_000));
        expect(next).not.toBe(crashed);
        expect(await store.renewLease(key, crashed, 60_000)).toBe(false);
      });

      it("last longer when renewed", async () => {
        const key = `${fresh()}:lease`;
        const started = Date.now();
        const token = await held(store.acquireLease(key, 200));
        expect(await store.renewLease(key, token, 60_000)).toBe(true);
        await sleep(Math.max(0, started + 400 - Date.now()));
        expect(await store.acquireLease(key, 60_000)).toBeNull();
      });
    });

    describe("window counters", () => {
      it("add atomically: fifty increments at once count to fifty, each seeing its own total", async () => {
        const key = `${fresh()}:count`;
        const counts = await Promise.all(
          Array.from({ length: 50 }, () => store.addToWindow(key, 1, 60_000)),
        );
        const currents = counts.map((count) => count.current).sort((a, b) => a - b);
        expect(currents).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
        expect((await store.addToWindow(key, 0, 60_000)).current).toBe(50);
      });

      it("read without counting, and keep keys apart", async () => {
        const key = `${fresh()}:count`;
        expect((await store.addToWindow(key, 0, 60_000)).current).toBe(0);
        await store.addToWindow(key, 3, 60_000);
        expect((await store.addToWindow(`${key}-other`, 0, 60_000)).current).toBe(0);
        const read = await store.addToWindow(key, 0, 60_000);
        expect(read.current).toBe(3);
        expect(read.windowStartMs % 60_000).toBe(0);
        expect(Math.abs(Date.now() - read.windowStartMs)).toBeLessThan(120_000);
      });

      it("start each window at zero and report the previous window's count", async () => {
        const key = `${fresh()}:count`;
        const windowMs = 1_000;
        const first = await store.addToWindow(key, 4, windowMs);
        const rolled = await waitFor(async () => {
          const count = await store.addToWindow(key, 0, windowMs);
          return count.windowStartMs !== first.windowStartMs ? count : null;
        });
        expect(rolled.windowStartMs).toBe(first.windowStartMs + windowMs);
        expect(rolled).toMatchObject({ current: 0, previous: first.current });
      });
    });
  });
}

async function waitFor<T>(attempt: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const result = await attempt();
    if (result !== null) return result;
    if (Date.now() > deadline) throw new Error("condition not met within 10 s");
    await sleep(20);
  }
}

async function held(lease: Promise<string | null>): Promise<string> {
  const token = await lease;
  if (token === null) throw new Error("expected to get the lease");
  return token;
}
