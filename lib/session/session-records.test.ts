import { describe, expect, it } from "vitest";
import { createMemoryStore } from "@/lib/store/memory-store";
import type { Store } from "@/lib/store/store";
import { unavailableStore } from "@/lib/testing/unavailable-store";
import { createSessionRecords, SESSION_LIFETIMES, type SessionStamp } from "./session-records";

const MINUTE = 60_000;
const { idleMs, absoluteMs } = SESSION_LIFETIMES;
const SESSION_ID = "AAAAAAAAAAAAAAAAAAAAAA";

function setup() {
  const clock = { ms: Date.parse("2026-12-01T09:00:00Z") };
  const now = () => clock.ms;
  const store = createMemoryStore({ maxBytes: 1024 * 1024, now });
  return { clock, store, records: createSessionRecords(store, now) };
}

describe("session records", () => {
  it("admit a new session, and end it for good on sign-out", async () => {
    const { records, clock } = setup();
    const stamp = await records.begin(SESSION_ID);
    expect(await records.admit(stamp)).toBe(true);
    expect(await records.revoke(stamp)).toBe(true);
    expect(await records.admit(stamp)).toBe(false);
    clock.ms += idleMs / 2;
    expect(await records.admit(stamp)).toBe(false);
  });

  it("end a session left idle longer than the idle timeout", async () => {
    const { records, clock } = setup();
    const stamp = await records.begin(SESSION_ID);
    clock.ms += idleMs - MINUTE;
    expect(await records.admit(stamp)).toBe(true);
    clock.ms += idleMs - MINUTE;
    expect(await records.admit(stamp)).toBe(true);
    clock.ms += idleMs + MINUTE;
    expect(await records.admit(stamp)).toBe(false);
    // A use after the end does not bring it back.
    clock.ms += MINUTE;
    expect(await records.admit(stamp)).toBe(false);
  });

  it("end a busy session at its absolute lifetime", async () => {
    const { records, clock } = setup();
    const stamp = await records.begin(SESSION_ID);
    const end = stamp.issuedAtMs + absoluteMs;
    while (clock.ms + 30 * MINUTE < end) {
      clock.ms += 30 * MINUTE;
      expect(await records.admit(stamp)).toBe(true);
    }
    clock.ms = end;
    expect(await records.admit(stamp)).toBe(false);
  });

  it("let a request in flight at sign-out not revive the session", async () => {
    const { records, store, clock } = setup();
    const stamp = await records.begin(SESSION_ID);
    clock.ms += 5 * MINUTE;
    // The request read the session as live, and its last-use write lands after the sign-out.
    await records.revoke(stamp);
    await store.set(`session:seen:${SESSION_ID}`, Buffer.from(String(clock.ms)), idleMs);
    expect(await records.admit(stamp)).toBe(false);
  });

  it("keep one session's end from touching another's", async () => {
    const { records } = setup();
    const first = await records.begin(SESSION_ID);
    const second = await records.begin("BBBBBBBBBBBBBBBBBBBBBB");
    await records.revoke(first);
    expect(await records.admit(second)).toBe(true);
  });

  it("renew a session under a new id: the old one is refused, the lifetime does not grow", async () => {
    const { records, clock } = setup();
    const old = await records.begin(SESSION_ID);
    clock.ms += 10 * MINUTE;
    expect(await records.admit(old)).toBe(true);
    const { stamp, revoked } = await records.renew(old, "CCCCCCCCCCCCCCCCCCCCCC");
    expect(revoked).toBe(true);
    expect(stamp).toEqual({ sessionId: "CCCCCCCCCCCCCCCCCCCCCC", issuedAtMs: old.issuedAtMs });
    expect(await records.admit(old)).toBe(false);
    expect(await records.admit(stamp)).toBe(true);
    // Idle time counts from the renewal's use; the end from the first connect.
    clock.ms += idleMs - MINUTE;
    expect(await records.admit(stamp)).toBe(true);
    clock.ms = old.issuedAtMs + absoluteMs;
    expect(await records.admit(stamp)).toBe(false);
  });

  it("refuse stamps that are not of a session this server began", async () => {
    const { records, clock } = setup();
    const forged: SessionStamp[] = [
      { sessionId: "short", issuedAtMs: clock.ms },
      { sessionId: "session:seen:xxxxxxxxx", issuedAtMs: clock.ms },
      { sessionId: SESSION_ID, issuedAtMs: clock.ms + 10 * MINUTE },
      { sessionId: SESSION_ID, issuedAtMs: clock.ms - absoluteMs },
    ];
    for (const stamp of forged) expect(await records.admit(stamp), stamp.sessionId).toBe(false);
  });

  it("rewrite the last use at most once a minute", async () => {
    const clock = { ms: 0 };
    const inner = createMemoryStore({ maxBytes: 1024 * 1024, now: () => clock.ms });
    let writes = 0;
    const counting: Store = {
      ...inner,
      set: (...args) => {
        writes += 1;
        return inner.set(...args);
      },
    };
    const records = createSessionRecords(counting, () => clock.ms);
    const stamp = await records.begin(SESSION_ID);
    for (let second = 0; second < 120; second++) {
      clock.ms += 1_000;
      await records.admit(stamp);
    }
    expect(writes).toBe(1 + 2);
  });

  it("admit on the seal alone while the store is down, and say sign-out could not be recorded", async () => {
    const records = createSessionRecords(unavailableStore(), Date.now);
    const stamp = await records.begin(SESSION_ID);
    expect(await records.admit(stamp)).toBe(true);
    expect(await records.revoke(stamp)).toBe(false);
    expect(await records.admit({ ...stamp, issuedAtMs: Date.now() - absoluteMs })).toBe(false);
  });

  it("keep nothing of the key, and only the session id, in the store's keys", async () => {
    const { store } = setup();
    const written: string[] = [];
    const watching: Store = {
      ...store,
      set: (key, value, ttlMs) => {
        written.push(`${key}=${value.toString("utf8")}`);
        return store.set(key, value, ttlMs);
      },
    };
    const watched = createSessionRecords(watching, Date.now);
    await watched.revoke(await watched.begin(SESSION_ID));
    expect(written).toHaveLength(2);
    for (const entry of written) expect(entry).toMatch(/^session:(seen|revoked):[\w-]{22}=\d+$/);
  });
});
