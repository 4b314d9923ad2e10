import { describe, expect, it } from "vitest";
import { createMemoryStore } from "@/lib/store/memory-store";
import type { Store } from "@/lib/store/store";
import { unavailableStore } from "@/lib/testing/unavailable-store";
import {
  createConnectThrottle,
  estimate,
  msUntilRoom,
  type AttemptVerdict,
  type ThrottleBound,
} from "./connect-throttle";

const SECRET = "unit-test-session-secret-0123456789abcdef";
const MINUTE = 60_000;
const refusalsOnly = (verdict: AttemptVerdict) => verdict === "refused";

function setup(store?: Store) {
  const clock = { ms: Date.parse("2026-12-01T09:00:10Z") };
  const now = () => clock.ms;
  const engine = store ?? createMemoryStore({ maxBytes: 1024 * 1024, now });
  return { clock, engine, throttle: createConnectThrottle(engine, SECRET, now) };
}

const perClient = (client: string, limit = 5): ThrottleBound => ({
  scope: "client",
  subject: client,
  limit,
  windowMs: MINUTE,
  counts: refusalsOnly,
});
const everyone = (limit: number): ThrottleBound => ({
  scope: "everyone",
  subject: "",
  limit,
  windowMs: MINUTE,
  counts: refusalsOnly,
});

/** One attempt that LeadLex answers with `verdict`; the decision's refusal, if any. */
async function attempt(
  throttle: ReturnType<typeof setup>["throttle"],
  bounds: ThrottleBound[],
  verdict: AttemptVerdict = "refused",
) {
  const decision = await throttle.attempt(bounds);
  if (!decision.admitted) return decision;
  await decision.settle(verdict);
  return null;
}

describe("the connect throttle", () => {
  it("lets a client fail up to its bound, then says how long to wait", async () => {
    const { throttle } = setup();
    for (let index = 0; index < 5; index++) {
      expect(await attempt(throttle, [perClient("198.51.100.7")])).toBeNull();
    }
    const refused = await attempt(throttle, [perClient("198.51.100.7")]);
    expect(refused).toMatchObject({ admitted: false, scope: "client" });
    // 10 s into the minute with 5 failures: the next fits 50 s later, when the minute turns, plus
    // the 12 s it takes for 5 × (1 − x / 60 s) to fall to 4.
    expect(refused?.retryAfterSeconds).toBe(62);
  });

  it("keeps its word: after the wait it told, the next attempt is admitted, and not before", async () => {
    const { throttle, clock } = setup();
    for (let index = 0; index < 5; index++) await attempt(throttle, [perClient("a")]);
    const refused = await attempt(throttle, [perClient("a")]);
    const waitMs = (refused?.retryAfterSeconds ?? 0) * 1000;
    clock.ms += waitMs - 1_500;
    expect(await attempt(throttle, [perClient("a")])).not.toBeNull();
    clock.ms += 1_500;
    expect(await attempt(throttle, [perClient("a")])).toBeNull();
  });

  it("stops many keys from one client whatever the keys", async () => {
    const { throttle } = setup();
    const outcomes = [];
    for (let index = 0; index < 50; index++) {
      const key: ThrottleBound = {
        scope: "key",
        subject: `k${index}`,
        limit: 5,
        windowMs: MINUTE,
        counts: () => true,
      };
      outcomes.push(await attempt(throttle, [perClient("203.0.113.9"), key]));
    }
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(5);
  });

  it("stops one key tried from many clients, accepted or not", async () => {
    const { throttle } = setup();
    const key: ThrottleBound = {
      scope: "key",
      subject: "kStarter",
      limit: 5,
      windowMs: MINUTE,
      counts: (verdict) => verdict !== "unanswered",
    };
    const outcomes = [];
    for (let index = 0; index < 40; index++) {
      outcomes.push(await attempt(throttle, [perClient(`10.0.0.${index}`), key], "accepted"));
    }
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(5);
    expect(outcomes.at(-1)).toMatchObject({ admitted: false, scope: "key" });
  });

  it("bounds everyone's failures together, however many addresses they come from", async () => {
    const { throttle } = setup();
    const outcomes = [];
    for (let index = 0; index < 300; index++) {
      outcomes.push(await attempt(throttle, [perClient(`client-${index}`), everyone(60)]));
    }
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(60);
    expect(outcomes.at(-1)).toMatchObject({ admitted: false, scope: "everyone" });
  });

  it("holds its bound against a parallel burst", async () => {
    const { throttle } = setup();
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, () => attempt(throttle, [perClient("192.0.2.1")])),
    );
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(5);
  });

  it("never counts a person's successes, or LeadLex being down, against their address", async () => {
    const { throttle } = setup();
    for (let index = 0; index < 30; index++) {
      expect(await attempt(throttle, [perClient("a")], "accepted")).toBeNull();
      expect(await attempt(throttle, [perClient("a")], "unanswered")).toBeNull();
    }
    // A mistyped key after all that still gets LeadLex's own answer.
    expect(await attempt(throttle, [perClient("a")], "refused")).toBeNull();
  });

  it("does not count refused attempts, so hammering does not lengthen the wait", async () => {
    const { throttle } = setup();
    for (let index = 0; index < 5; index++) await attempt(throttle, [perClient("a")]);
    const first = await attempt(throttle, [perClient("a")]);
    for (let index = 0; index < 20; index++) await attempt(throttle, [perClient("a")]);
    const later = await attempt(throttle, [perClient("a")]);
    expect(later?.retryAfterSeconds).toBe(first?.retryAfterSeconds);
  });

  it("keeps one client's failures from another client", async () => {
    const { throttle } = setup();
    for (let index = 0; index < 10; index++) await attempt(throttle, [perClient("mallory")]);
    expect(await attempt(throttle, [perClient("alice")])).toBeNull();
  });

  it("stores no address, only an HMAC of it", async () => {
    const clock = { ms: 0 };
    const inner = createMemoryStore({ maxBytes: 1024 * 1024, now: () => clock.ms });
    const keys: string[] = [];
    const watching: Store = {
      ...inner,
      addToWindow: (key, amount, windowMs) => {
        keys.push(key);
        return inner.addToWindow(key, amount, windowMs);
      },
    };
    const throttle = createConnectThrottle(watching, SECRET, () => clock.ms);
    await attempt(throttle, [perClient("198.51.100.23")]);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).not.toContain("198.51.100.23");
      expect(key).toMatch(/^connect:client:60000:[\w-]{32}$/);
    }
  });

  it("goes on counting in the replica while the shared store is down", async () => {
    const { throttle } = setup(unavailableStore());
    const outcomes = [];
    for (let index = 0; index < 10; index++)
      outcomes.push(await attempt(throttle, [perClient("a")]));
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(5);
  });
});

describe("the sliding window's arithmetic", () => {
  const bound = { limit: 5, windowMs: MINUTE };

  it("weighs the previous window by how much of it is still inside the last minute", () => {
    expect(estimate({ previous: 10, current: 2, windowStartMs: 0 }, 15_000, MINUTE)).toBe(9.5);
    expect(estimate({ previous: 10, current: 2, windowStartMs: 0 }, 60_000, MINUTE)).toBe(2);
  });

  it("finds the moment the estimate makes room, within the window or in the next", () => {
    // 10 before, 2 now, 15 s in: room for one more when 10 × (1 − t / 60 s) + 2 ≤ 4, i.e. t = 48 s.
    expect(msUntilRoom({ previous: 10, current: 2, windowStartMs: 0 }, 15_000, bound)).toBe(33_000);
    // 6 already this window: into the next, until 6 × (1 − x / 60 s) ≤ 4, i.e. x = 20 s.
    expect(msUntilRoom({ previous: 0, current: 6, windowStartMs: 0 }, 15_000, bound)).toBe(65_000);
    expect(msUntilRoom({ previous: 0, current: 3, windowStartMs: 0 }, 15_000, bound)).toBe(0);
  });

  it("always answers a wait after which the estimate has room", () => {
    for (let previous = 0; previous <= 12; previous++) {
      for (let current = 0; current <= 12; current++) {
        for (const nowMs of [0, 1_000, 29_999, 45_000, 59_999]) {
          const count = { previous, current, windowStartMs: 0 };
          const waitMs = msUntilRoom(count, nowMs, bound);
          const at = nowMs + waitMs;
          const then =
            at < MINUTE
              ? estimate(count, at, MINUTE)
              : estimate({ previous: current, current: 0, windowStartMs: MINUTE }, at, MINUTE);
          expect(then, `${previous}/${current} at ${nowMs}`).toBeLessThanOrEqual(4 + 1e-9);
        }
      }
    }
  });
});
