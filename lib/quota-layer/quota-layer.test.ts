import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedisServer, type RedisServer } from "@/scripts/support/redis-server";
import type { LeadlexClient } from "@/lib/leadlex/client";
import { AppError } from "@/lib/model/app-error";
import type { RateLimitStatus } from "@/lib/model/page-meta";
import type { LogsQuery, WorkflowsQuery } from "@/lib/model/queries";
import { guardStore } from "@/lib/store/guarded-store";
import { createMemoryStore } from "@/lib/store/memory-store";
import { createRedisStore } from "@/lib/store/redis-store";
import { createSealedStore } from "@/lib/store/sealed-store";
import type { Store } from "@/lib/store/store";
import { appErrorOf } from "@/lib/testing/app-error-of";
import { unavailableStore } from "@/lib/testing/unavailable-store";
import { HeldBackError } from "./held-back-error";
import { NotCachedError } from "./not-cached-error";
import { createQuotaLayer, type QuotaLayer } from "./quota-layer";

const SECRET = "unit-test-session-secret-0123456789abcdef";
const ORG = "wbk_demo_org_full";
const STARTER = "wbk_demo_starter";
const START_MS = Date.UTC(2026, 3, 20, 14, 30, 5);
const RESET_AT = "2026-04-21T00:00:00.000Z";
const LOGS: LogsQuery = { page: 1, perPage: 25, status: null, after: null };
const LIST: WorkflowsQuery = { page: 1, perPage: 25, enabled: null, entity: null, search: null };

/** Daily limits of the emulator's plans, as their headers report them. */
const DAILY_LIMIT: Record<string, number> = { [ORG]: 10_000, [STARTER]: 100 };

type Behaviour = "ok" | "not_found" | "unavailable" | "timeout" | "rate_limited";

/**
 * A LeadLex stand-in: every answer names the key that asked and the call's number, and carries
 * that key's daily quota, which goes down by one per call. Calls can be held open with `hold`.
 */
function fakeLeadlex() {
  const calls: { key: string; path: string; signal: AbortSignal | undefined }[] = [];
  const remaining = new Map<string, number>();
  let behaviour: Behaviour = "ok";
  let gate: Promise<void> | null = null;
  let openGate = () => {};

  async function answer<T>(key: string, path: string, body: T, signal?: AbortSignal) {
    calls.push({ key, path, signal });
    const number = calls.length;
    const left = (remaining.get(key) ?? DAILY_LIMIT[key] ?? 1_000) - 1;
    remaining.set(key, left);
    if (gate) await gate;
    // As the transport does: a cancelled call answers nothing.
    signal?.throwIfAborted();
    const requestId = `req-${key}-${number}`;
    switch (behaviour) {
      case "not_found":
        throw new AppError("not_found", { requestId });
      case "unavailable":
        throw new AppError("upstream_unavailable", { requestId });
      case "timeout":
        throw new AppError("upstream_timeout");
      case "rate_limited":
        throw new AppError("rate_limited", { requestId, retryAfterSeconds: 30 });
    }
    const rateLimit: RateLimitStatus = {
      limit: DAILY_LIMIT[key] ?? 1_000,
      remaining: left,
      resetAt: RESET_AT,
    };
    return { ...body, rateLimit, requestId };
  }

  const client: LeadlexClient = {
    listWorkflows: (key, query, options) =>
      answer(
        key,
        `list ${JSON.stringify(query)}`,
        { workflows: [], meta: { page: query.page, perPage: query.perPage, total: 0 } },
        options?.signal,
      ),
    getWorkflow: (key, id, options) =>
      answer(
        key,
        `workflow ${id}`,
        {
          id,
          name: `seen by ${key}`,
          enabled: true,
          conditionEntity: "deal",
          conditionField: "stage",
          conditionOperator: "changed_to",
          conditionValue: "lost",
          actionType: "send_channel_message",
          actionConfig: {},
          maxTriggersPerDay: 100,
          lastTriggeredAt: null,
          createdAt: "",
          triggersToday: 0,
          autoDisabledReason: null,
          updatedAt: null,
        },
        options?.signal,
      ),
    listWorkflowLogs: (key, id, query, options) =>
      answer(
        key,
        `logs ${id} ${JSON.stringify(query)}`,
        { runs: [], meta: { page: query.page, perPage: query.perPage, total: 0 } },
        options?.signal,
      ),
  };

  return {
    client,
    calls,
    behave(next: Behaviour) {
      behaviour = next;
    },
    /** Calls wait until `release()`; lets a test start many calls that overlap for sure. */
    hold() {
      gate = new Promise((done) => (openGate = done));
      return () => {
        gate = null;
        openGate();
      };
    },
  };
}

interface Replica {
  layer: QuotaLayer;
}

function setup(
  options: { store?: Store; replicas?: number; requestSignal?: () => AbortSignal | undefined } = {},
) {
  const clock = { now: START_MS };
  const leadlex = fakeLeadlex();
  const engine =
    options.store ?? createMemoryStore({ maxBytes: 8 * 1024 * 1024, now: () => clock.now });
  const replicas: Replica[] = Array.from({ length: options.replicas ?? 1 }, () => ({
    layer: createQuotaLayer({
      client: leadlex.client,
      store: createSealedStore(engine, SECRET),
      now: () => clock.now,
      // Waiting for another replica: real turns of the event loop, fake time.
      sleep: async (ms) => {
        await new Promise((done) => setImmediate(done));
        clock.now += ms;
      },
      upstreamBudgetMs: 10_000,
      requestSignal: options.requestSignal,
    }),
  }));
  const [first] = replicas as [Replica];
  return {
    layer: first.layer,
    replicas,
    leadlex,
    engine,
    advance(ms: number) {
      clock.now += ms;
    },
  };
}

describe("the quota layer: coalescing and cache", () => {
  it("sends one call for identical calls in flight, and answers them all", async () => {
    const { layer, leadlex } = setup();
    const release = leadlex.hold();
    const pages = Array.from({ length: 10 }, () => layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS));
    release();
    const answers = await Promise.all(pages);
    expect(leadlex.calls).toHaveLength(1);
    expect(new Set(answers.map((page) => page.requestId))).toEqual(new Set([`req-${ORG}-1`]));
  });

  it("treats calls that normalise to the same request as identical, and others apart", async () => {
    const { layer, leadlex } = setup();
    await layer.listWorkflowLogs(ORG, "wf_01HY1", { ...LOGS, after: "2026-04-17T11:31:00+02:00" });
    await layer.listWorkflowLogs(ORG, "wf_01HY1", { ...LOGS, after: "2026-04-17T09:31:00.400Z" });
    expect(leadlex.calls).toHaveLength(1);
    await layer.listWorkflowLogs(ORG, "wf_01HY1", { ...LOGS, status: "failed" });
    await layer.listWorkflowLogs(ORG, "wf_01HY1", { ...LOGS, page: 2 });
    await layer.listWorkflowLogs(ORG, "wf_01HY2", LOGS);
    await layer.getWorkflow(ORG, "wf_01HY1");
    await layer.listWorkflows(ORG, LIST);
    expect(leadlex.calls).toHaveLength(6);
  });

  it("answers repeats from the cache until the resource's TTL runs out, keeping the first time", async () => {
    const { layer, leadlex, advance } = setup();
    const first = await layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS);
    advance(59_000);
    const repeat = await layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS);
    expect(leadlex.calls).toHaveLength(1);
    expect(repeat.fetchedAt).toBe(first.fetchedAt);
    expect(first.fetchedAt).toBe(new Date(START_MS).toISOString());
    advance(1_001);
    const later = await layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS);
    expect(leadlex.calls).toHaveLength(2);
    expect(Date.parse(later.fetchedAt)).toBe(START_MS + 60_001);
  });

  it.each([
    ["workflow details", 300_000, (layer: QuotaLayer) => layer.getWorkflow(ORG, "wf_01HY1")],
    ["the workflow list", 60_000, (layer: QuotaLayer) => layer.listWorkflows(ORG, LIST)],
  ])("keeps %s for %i ms", async (_label, ttlMs, call) => {
    const { layer, leadlex, advance } = setup();
    await call(layer);
    advance(ttlMs - 1);
    await call(layer);
    expect(leadlex.calls).toHaveLength(1);
    advance(2);
    await call(layer);
    expect(leadlex.calls).toHaveLength(2);
  });

  it("asks LeadLex again when fresh is set (Refresh), and serves that answer afterwards", async () => {
    const { layer, leadlex, advance } = setup();
    await layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS);
    advance(10_000);
    const refreshed = await layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS, { fresh: true });
    expect(leadlex.calls).toHaveLength(2);
    expect(Date.parse(refreshed.fetchedAt)).toBe(START_MS + 10_000);
    const after = await layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS);
    expect(after.requestId).toBe(refreshed.requestId);
    expect(leadlex.calls).toHaveLength(2);
  });

  it("answers a cachedOnly call from the cache, and refuses a miss without calling LeadLex", async () => {
    const { layer, leadlex, advance } = setup();
    await expect(
      layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS, { cachedOnly: true }),
    ).rejects.toBeInstanceOf(NotCachedError);
    expect(leadlex.calls).toHaveLength(0);
    const first = await layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS);
    const cached = await layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS, { cachedOnly: true });
    expect(cached.requestId).toBe(first.requestId);
    advance(60_001);
    await expect(
      layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS, { cachedOnly: true }),
    ).rejects.toBeInstanceOf(NotCachedError);
    expect(leadlex.calls).toHaveLength(1);
  });

  it("shows on a cached answer the quota the latest call reported", async () => {
    const { layer } = setup();
    await layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS);
    await layer.getWorkflow(ORG, "wf_01HY1");
    const cached = await layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS);
    expect(cached.rateLimit).toEqual({ limit: 10_000, remaining: 9_998, resetAt: RESET_AT });
  });

  it("keeps a 404 briefly and answers it as not found", async () => {
    const { layer, leadlex, advance } = setup();
    leadlex.behave("not_found");
    expect((await appErrorOf(layer.getWorkflow(ORG, "wf_gone"))).code).toBe("not_found");
    advance(14_000);
    const repeat = await appErrorOf(layer.getWorkflow(ORG, "wf_gone"));
    expect(repeat.code).toBe("not_found");
    expect(repeat.requestId).toBe(`req-${ORG}-1`);
    expect(leadlex.calls).toHaveLength(1);
    advance(1_001);
    await appErrorOf(layer.getWorkflow(ORG, "wf_gone"));
    expect(leadlex.calls).toHaveLength(2);
  });

  it.each<Behaviour>(["unavailable", "timeout", "rate_limited"])(
    "never keeps a failure (%s): the next call asks again",
    async (behaviour) => {
      const { layer, leadlex } = setup();
      leadlex.behave(behaviour);
      await appErrorOf(layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS));
      await appErrorOf(layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS));
      expect(leadlex.calls).toHaveLength(2);
      leadlex.behave("ok");
      await layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS);
      expect(leadlex.calls).toHaveLength(3);
    },
  );

  it("shares a failure with the calls that were waiting for it", async () => {
    const { layer, leadlex } = setup();
    leadlex.behave("unavailable");
    const release = leadlex.hold();
    const pages = Array.from({ length: 5 }, () =>
      appErrorOf(layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS)),
    );
    release();
    const errors = await Promise.all(pages);
    expect(errors.map((error) => error.code)).toEqual(Array(5).fill("upstream_unavailable"));
    expect(leadlex.calls).toHaveLength(1);
  });

  it("lets a caller stop waiting while the shared call goes on for the others", async () => {
    const { layer, leadlex } = setup();
    const release = leadlex.hold();
    const controller = new AbortController();
    const leaving = layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS, { signal: controller.signal });
    const staying = layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS);
    controller.abort();
    await expect(leaving).rejects.toMatchObject({ name: "AbortError" });
    release();
    expect((await staying).requestId).toBe(`req-${ORG}-1`);
    await layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS);
    expect(leadlex.calls).toHaveLength(1);
  });

  it("cancels the upstream call when its only caller goes away", async () => {
    const { layer, leadlex } = setup();
    const release = leadlex.hold();
    const controller = new AbortController();
    const abandoned = layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS, { signal: controller.signal });
    await new Promise((done) => setImmediate(done));
    expect(leadlex.calls[0]?.signal?.aborted).toBe(false);
    controller.abort();
    await expect(abandoned).rejects.toMatchObject({ name: "AbortError" });
    expect(leadlex.calls[0]?.signal?.aborted).toBe(true);
    release();
    // Nothing was answered, so the next caller asks again.
    await layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS);
    expect(leadlex.calls).toHaveLength(2);
  });

  it("keeps a shared call while anyone still waits, and cancels it when the last one leaves", async () => {
    const { layer, leadlex } = setup();
    const release = leadlex.hold();
    const first = new AbortController();
    const second = new AbortController();
    const waiters = [first, second].map((controller) =>
      layer
        .listWorkflowLogs(ORG, "wf_01HY1", LOGS, { signal: controller.signal })
        .catch((error: unknown) => error),
    );
    await new Promise((done) => setImmediate(done));
    first.abort();
    await waiters[0];
    expect(leadlex.calls[0]?.signal?.aborted).toBe(false);
    second.abort();
    await waiters[1];
    expect(leadlex.calls[0]?.signal?.aborted).toBe(true);
    release();
    expect(leadlex.calls).toHaveLength(1);
  });

  it("ties a call without a signal of its own to the request being served, except background work", async () => {
    const request = new AbortController();
    const { layer, leadlex } = setup({ requestSignal: () => request.signal });
    const release = leadlex.hold();
    const rendering = layer.getWorkflow(ORG, "wf_01HY1");
    const syncing = layer.getWorkflow(ORG, "wf_01HY2", { priority: "background" });
    await new Promise((done) => setImmediate(done));
    request.abort();
    await expect(rendering).rejects.toMatchObject({ name: "AbortError" });
    expect(leadlex.calls.map((call) => [call.path, call.signal?.aborted])).toEqual([
      ["workflow wf_01HY1", true],
      ["workflow wf_01HY2", false],
    ]);
    release();
    expect((await syncing).id).toBe("wf_01HY2");
  });

  it("refuses a bad query before anything is cached or sent", async () => {
    const { layer, leadlex } = setup();
    expect((await appErrorOf(layer.listWorkflowLogs(ORG, "..", LOGS))).code).toBe("bad_request");
    expect(
      (await appErrorOf(layer.listWorkflowLogs(ORG, "wf_01HY1", { ...LOGS, perPage: 1_000 }))).code,
    ).toBe("bad_request");
    expect(leadlex.calls).toHaveLength(0);
  });
});

describe("the quota layer: never across keys", () => {
  it("serves each of two keys of one workspace only its own answers, under interleaving", async () => {
    const { layer, leadlex } = setup();
    const release = leadlex.hold();
    const asked = Array.from({ length: 40 }, (_, index) => {
      const key = index % 2 === 0 ? ORG : STARTER;
      const query = { ...LOGS, page: 1 + (index % 3) };
      return layer.listWorkflowLogs(key, "wf_01HY1", query).then((page) => ({ key, page }));
    });
    release();
    const answers = await Promise.all(asked);
    for (const { key, page } of answers) {
      expect(page.requestId).toMatch(new RegExp(`^req-${key}-\\d+$`));
      expect(page.rateLimit?.limit).toBe(DAILY_LIMIT[key]);
    }
    // Three pages for each of the two keys: six calls, none shared across keys.
    expect(leadlex.calls).toHaveLength(6);
    const repeat = await Promise.all([
      layer.getWorkflow(ORG, "wf_01HY1"),
      layer.getWorkflow(STARTER, "wf_01HY1"),
    ]);
    expect(repeat.map((workflow) => workflow.name)).toEqual([
      `seen by ${ORG}`,
      `seen by ${STARTER}`,
    ]);
  });

  it("purges one key's answers on sign-out, not another key's", async () => {
    const { layer, leadlex } = setup();
    await layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS);
    await layer.listWorkflowLogs(STARTER, "wf_01HY1", LOGS);
    expect(await layer.forgetKey(ORG)).toBe(true);
    await layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS);
    await layer.listWorkflowLogs(STARTER, "wf_01HY1", LOGS);
    expect(leadlex.calls.map((call) => call.key)).toEqual([ORG, STARTER, ORG]);
    expect((await layer.readLedger(ORG)).minute.used).toBe(1);
  });

  it("does not keep an answer whose call was in flight when its key was purged", async () => {
    const { leadlex, replicas, advance } = setup({ replicas: 2 });
    const [{ layer }, { layer: otherReplica }] = replicas as [Replica, Replica];
    const release = leadlex.hold();
    const inFlight = layer.getWorkflow(ORG, "wf_01HY1");
    expect(await otherReplica.forgetKey(ORG)).toBe(true);
    release();
    await inFlight;
    advance(2_000);
    // Added again, the key's first look at the workflow asks LeadLex rather than the purged answer.
    await layer.getWorkflow(ORG, "wf_01HY1");
    await otherReplica.getWorkflow(ORG, "wf_01HY1");
    expect(leadlex.calls.map((call) => call.key)).toEqual([ORG, ORG]);
  });

  it("drops an entry that does not open and fetches it again", async () => {
    const engine = createMemoryStore({ maxBytes: 1024 * 1024 });
    const written: string[] = [];
    const recording: Store = {
      ...engine,
      set: (key, value, ttlMs) => {
        written.push(key);
        return engine.set(key, value, ttlMs);
      },
    };
    const { layer, leadlex } = setup({ store: recording });
    await layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS);
    const answerKeys = written.filter((key) => key.includes(":answer1:"));
    expect(answerKeys).toHaveLength(1);
    await engine.set(answerKeys[0] ?? "", Buffer.from("not sealed"), 60_000);
    const again = await layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS);
    expect(leadlex.calls).toHaveLength(2);
    expect(again.requestId).toBe(`req-${ORG}-2`);
  });
});

describe("the quota layer: the ledger and priorities", () => {
  it("never holds back a person's click, even with the minute spent", async () => {
    const { layer, leadlex } = setup();
    for (let page = 1; page <= 12; page++) {
      await layer.listWorkflowLogs(STARTER, "wf_01HY1", { ...LOGS, page });
    }
    expect(leadlex.calls).toHaveLength(12);
    expect((await layer.readLedger(STARTER)).minute).toMatchObject({ limit: 10, used: 12 });
  });

  it("on a 10-a-minute plan, advises no fetching ahead; on Org, while there is room", async () => {
    const { layer } = setup();
    expect((await layer.listWorkflowLogs(STARTER, "wf_01HY1", LOGS)).eagerPrefetch).toBe(false);
    expect((await layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS)).eagerPrefetch).toBe(true);
  });

  it("holds back prefetch once half the minute is spent, intent only at the last call", async () => {
    const { layer, leadlex, advance } = setup();
    await layer.listWorkflows(STARTER, LIST);
    for (let page = 1; page <= 4; page++) {
      await layer.listWorkflowLogs(STARTER, "wf_01HY1", { ...LOGS, page });
    }
    // 5 of 10 used: a guess may no longer spend quota, intent still may.
    const heldBack = await appErrorOf(
      layer.listWorkflowLogs(STARTER, "wf_01HY1", { ...LOGS, page: 5 }, { priority: "prefetch" }),
    );
    expect(heldBack).toBeInstanceOf(HeldBackError);
    expect(heldBack.status).toBe(429);
    expect(heldBack.retryAfterSeconds).toBe(55);
    for (let page = 5; page <= 8; page++) {
      await layer.listWorkflowLogs(STARTER, "wf_01HY1", { ...LOGS, page }, { priority: "intent" });
    }
    await appErrorOf(
      layer.listWorkflowLogs(STARTER, "wf_01HY1", { ...LOGS, page: 9 }, { priority: "intent" }),
    );
    // A cached answer costs nothing and is served whatever the priority.
    await layer.listWorkflowLogs(
      STARTER,
      "wf_01HY1",
      { ...LOGS, page: 8 },
      { priority: "prefetch" },
    );
    expect(leadlex.calls).toHaveLength(9);
    advance(60_000);
    await layer.listWorkflowLogs(
      STARTER,
      "wf_01HY1",
      { ...LOGS, page: 9 },
      { priority: "prefetch" },
    );
    expect(leadlex.calls).toHaveLength(10);
  });

  it("asks a Live poll past the cache until half the minute is spent, then holds it back", async () => {
    const { layer, leadlex, advance } = setup();
    await layer.listWorkflowLogs(STARTER, "wf_01HY1", LOGS);
    const live = { priority: "live", fresh: true } as const;
    for (let poll = 1; poll <= 4; poll++) {
      advance(5_000);
      await layer.listWorkflowLogs(STARTER, "wf_01HY1", LOGS, live);
    }
    // Each poll was a call, although the first answer was cached: 5 of 10 spent.
    expect(leadlex.calls).toHaveLength(5);
    advance(5_000);
    const heldBack = await appErrorOf(layer.listWorkflowLogs(STARTER, "wf_01HY1", LOGS, live));
    expect(heldBack).toBeInstanceOf(HeldBackError);
    expect(heldBack.status).toBe(429);
    // The click after it still goes, and finds the minute's other half left.
    await layer.listWorkflowLogs(STARTER, "wf_01HY1", { ...LOGS, page: 2 });
    expect(leadlex.calls).toHaveLength(6);
  });

  it("holds back guesses and background work while a 429's Retry-After runs, not a click", async () => {
    const { layer, leadlex, advance } = setup();
    await layer.listWorkflows(ORG, LIST);
    leadlex.behave("rate_limited");
    await appErrorOf(layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS));
    leadlex.behave("ok");
    const held = await appErrorOf(
      layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS, { priority: "background" }),
    );
    expect(held.retryAfterSeconds).toBe(30);
    expect(
      (await appErrorOf(layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS, { priority: "prefetch" })))
        .retryAfterSeconds,
    ).toBe(30);
    // A pointer on Next may still ask: a 429 costs no quota.
    await layer.listWorkflowLogs(ORG, "wf_01HY3", LOGS, { priority: "intent" });
    await layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS);
    advance(30_000);
    await layer.listWorkflowLogs(ORG, "wf_01HY2", LOGS, { priority: "background" });
    expect(leadlex.calls).toHaveLength(5);
    expect((await layer.readLedger(ORG)).blockedUntilMs).toBeNull();
  });

  it("holds back prefetch when the day's quota is nearly spent, until the daily reset", async () => {
    const { layer, leadlex, advance } = setup();
    for (let page = 1; page <= 90; page++) {
      await layer.listWorkflowLogs(STARTER, "wf_01HY1", { ...LOGS, page });
      if (page % 9 === 0) advance(60_000);
    }
    expect((await layer.readLedger(STARTER)).daily?.remaining).toBe(10);
    const held = await appErrorOf(
      layer.listWorkflowLogs(STARTER, "wf_01HY1", { ...LOGS, page: 91 }, { priority: "prefetch" }),
    );
    expect(held.retryAfterSeconds).toBeGreaterThan(60 * 60);
    expect(leadlex.calls).toHaveLength(90);
  });
});

describe("the quota layer without its store", () => {
  it("calls LeadLex directly, still coalescing within the process, and never fails for it", async () => {
    const downs: unknown[] = [];
    const store = guardStore(unavailableStore(), {
      cooldownMs: 5_000,
      onDown: (error) => downs.push(error),
      onUp: () => {},
    });
    const { layer, leadlex } = setup({ store });
    const release = leadlex.hold();
    const pages = Array.from({ length: 5 }, () => layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS));
    release();
    expect((await Promise.all(pages)).map((page) => page.requestId)).toEqual(
      Array(5).fill(`req-${ORG}-1`),
    );
    const again = await layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS);
    expect(again.rateLimit?.remaining).toBe(9_998);
    expect(leadlex.calls).toHaveLength(2);
    expect(downs).toHaveLength(1);
    expect(await layer.forgetKey(ORG)).toBe(false);
  });
});

describe("the quota layer across replicas", () => {
  it("sends one call for a burst through two replicas sharing a store", async () => {
    const { replicas, leadlex } = setup({ replicas: 2 });
    const release = leadlex.hold();
    const pages = replicas.flatMap(({ layer }) =>
      Array.from({ length: 5 }, () => layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS)),
    );
    await new Promise((done) => setImmediate(done));
    release();
    const answers = await Promise.all(pages);
    expect(leadlex.calls).toHaveLength(1);
    expect(new Set(answers.map((page) => page.requestId)).size).toBe(1);
  });

  it("shares the other replica's failure with the callers waiting for it", async () => {
    const { replicas, leadlex } = setup({ replicas: 2 });
    leadlex.behave("timeout");
    const release = leadlex.hold();
    const failures = replicas.map(({ layer }) =>
      appErrorOf(layer.listWorkflowLogs(ORG, "wf_01HY1", LOGS)),
    );
    await new Promise((done) => setImmediate(done));
    release();
    expect((await Promise.all(failures)).map((error) => error.code)).toEqual([
      "upstream_timeout",
      "upstream_timeout",
    ]);
    expect(leadlex.calls).toHaveLength(1);
  });

  describe("on Redis", () => {
    let server: RedisServer;
    let store: Store;
    beforeAll(async () => {
      server = await startRedisServer();
      store = createRedisStore({ url: server.url });
    }, 30_000);
    afterAll(async () => {
      await store?.close();
      await server?.stop();
    });

    it("coalesces two replicas' interleaved bursts for two keys: one call per key and page", async () => {
      const { replicas, leadlex } = setup({ store, replicas: 2 });
      const release = leadlex.hold();
      const asked = replicas.flatMap(({ layer }, replica) =>
        Array.from({ length: 12 }, (_, index) => {
          const key = (index + replica) % 2 === 0 ? ORG : STARTER;
          const query = { ...LOGS, page: 1 + (index % 3), status: "failed" as const };
          return layer.listWorkflowLogs(key, "wf_redis", query).then((page) => ({ key, page }));
        }),
      );
      await new Promise((done) => setTimeout(done, 20));
      release();
      for (const { key, page } of await Promise.all(asked)) {
        expect(page.requestId).toMatch(new RegExp(`^req-${key}-\\d+$`));
      }
      expect(leadlex.calls).toHaveLength(6);
    });
  });
});
