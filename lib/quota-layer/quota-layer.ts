import "server-only";
import {
  buildRequestPath,
  logsRequest,
  workflowRequest,
  workflowsRequest,
  type CallOptions,
  type LeadlexClient,
  type Traced,
  type UpstreamRequestSpec,
} from "@/lib/leadlex/client";
import { AppError } from "@/lib/model/app-error";
import type { AsOf, PrefetchAdvice } from "@/lib/model/freshness";
import type { RateLimitStatus } from "@/lib/model/page-meta";
import type { LogsQuery, WorkflowsQuery } from "@/lib/model/queries";
import type { RequestPriority } from "@/lib/model/request-priority";
import type { RunsPage } from "@/lib/model/run";
import type { WorkflowDetail, WorkflowsPage } from "@/lib/model/workflow";
import type { KeyScope, SealedStore } from "@/lib/store/sealed-store";
import { isStoreUnavailable } from "@/lib/store/store";
import { admit, advisesEagerPrefetch } from "./admission";
import {
  ANSWER_KIND,
  decodeAnswer,
  decodeFailure,
  encodeEntry,
  errorOf,
  FAILURE_KIND,
  failureOf,
  type AnswerEntry,
  type FailureEntry,
} from "./answer-entry";
import { ANSWER_TTLS, type AnswerTtls } from "./answer-ttls";
import { HeldBackError } from "./held-back-error";
import { NotCachedError } from "./not-cached-error";
import { createInFlight } from "./in-flight";
import { planForDailyLimit } from "./plans";
import { createQuotaLedger, mergeDaily, type LedgerSnapshot } from "./quota-ledger";

/**
 * The one layer in front of every LeadLex GET (pages, route handlers, the connect check, and
 * later the run index). For one API key and one normalised request (path and query, exactly as
 * the client would send them) it:
 *
 * 1. answers from the sealed cache while the answer's TTL runs (`fresh` skips this: Refresh);
 * 2. otherwise asks the ledger whether the call's priority may spend quota now (people's clicks
 *    always may; prefetch and background work keep a reserve);
 * 3. shares one upstream call between identical calls in this process, and, through a short lease
 *    in the store, between replicas: the others wait for the answer to appear in the store (for
 *    at most the upstream's own time budget) and only then call LeadLex themselves;
 * 4. records the answer's quota headers (or the 429) in the ledger and keeps the answer, or a
 *    404 briefly; a 5xx, a timeout or a 429 is shared only with calls already waiting for it.
 *
 * When the store fails (Redis down or slow) every step that needs it is skipped: the call goes to
 * LeadLex directly, still coalesced within this process. Nothing ever crosses API keys: every
 * key of the store, of the in-process flights and of the ledger starts with the key's namespace.
 */

export interface QuotaLayerCallOptions extends CallOptions {
  priority?: RequestPriority;
  /** Ask LeadLex now instead of serving a cached answer (an identical call on its way is joined). */
  fresh?: boolean;
  /**
   * Answer only from the cache, never spending a call: a miss throws `NotCachedError`. Lets a view
   * find out what a set of answers would cost before it decides to spend it.
   */
  cachedOnly?: boolean;
}

export interface QuotaLayer {
  listWorkflows(
    apiKey: string,
    query: WorkflowsQuery,
    options?: QuotaLayerCallOptions,
  ): Promise<WorkflowsPage & AsOf>;
  getWorkflow(
    apiKey: string,
    id: string,
    options?: QuotaLayerCallOptions,
  ): Promise<WorkflowDetail & Traced & AsOf>;
  listWorkflowLogs(
    apiKey: string,
    id: string,
    query: LogsQuery,
    options?: QuotaLayerCallOptions,
  ): Promise<RunsPage & AsOf & PrefetchAdvice>;
  /** The key's quota as every replica sees it: for the run index's pacing and the UI. */
  readLedger(apiKey: string): Promise<LedgerSnapshot>;
  /** Sign-out: everything stored for the key. False when the store could not be reached. */
  forgetKey(apiKey: string): Promise<boolean>;
}

export interface QuotaLayerDeps {
  client: LeadlexClient;
  store: SealedStore;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** The longest one upstream call may take, retries included: how long a lease and a wait last. */
  upstreamBudgetMs: number;
  ttls?: AnswerTtls;
  /**
   * The signal of the request being served, for calls made without one of their own (a page's
   * server render, which Next gives no signal): it aborts when the browser goes away.
   */
  requestSignal?: () => AbortSignal | undefined;
}

interface Question<T extends Traced> {
  request: UpstreamRequestSpec;
  ttlMs: number;
  /** `signal` aborts when every caller waiting for this call has gone. */
  ask: (signal: AbortSignal) => Promise<T>;
}

/** An answer, and the key's ledger as that answer left it. */
interface Served<T> {
  answer: T & AsOf;
  ledger: LedgerSnapshot;
}

/** Failures are shared with waiters whose wait began up to this long after them (clock skew). */
const FAILURE_SKEW_MS = 1_000;
const FAILURE_TTL_MS = 5_000;
/** First and longest pause between looks at the store while another replica fetches. */
const FIRST_POLL_MS = 5;
const MAX_POLL_MS = 50;

const NO_STORE = Symbol("store unavailable");
/** Longer than any upstream call with its retries, so every call in flight at a purge sees it. */
const PURGE_MARK_MS = 5 * 60_000;

export function createQuotaLayer(deps: QuotaLayerDeps): QuotaLayer {
  const { client, store, now } = deps;
  const ttls = deps.ttls ?? ANSWER_TTLS;
  const ledger = createQuotaLedger(store, now);
  const flights = createInFlight();
  const leaseMs = deps.upstreamBudgetMs + 1_000;

  async function readAnswer(scope: KeyScope, identity: string): Promise<AnswerEntry | null> {
    const bytes = await withoutStore(() => store.get(scope, ANSWER_KIND, identity), null);
    if (bytes === null) return null;
    const entry = decodeAnswer(bytes);
    if (entry === null) await withoutStore(() => store.delete(scope, ANSWER_KIND, identity), null);
    return entry;
  }

  async function readFailure(scope: KeyScope, identity: string): Promise<FailureEntry | null> {
    const bytes = await withoutStore(() => store.get(scope, FAILURE_KIND, identity), null);
    return bytes === null ? null : decodeFailure(bytes);
  }

  async function serve<T extends Traced>(
    apiKey: string,
    question: Question<T>,
    options: QuotaLayerCallOptions = {},
  ): Promise<Served<T>> {
    const startedMs = now();
    const scope = store.scopeFor(apiKey);
    const identity = buildRequestPath(question.request);
    const [cached, snapshot] = await Promise.all([
      options.fresh ? null : readAnswer(scope, identity),
      ledger.read(scope),
    ]);
    if (cached) return { answer: present<T>(cached, snapshot.daily), ledger: snapshot };
    if (options.cachedOnly) throw new NotCachedError();

    const priority = options.priority ?? "user";
    const admission = admit(priority, snapshot, startedMs);
    if (!admission.admitted) throw new HeldBackError(priority, admission.retryAfterMs);

    // Background work is nobody's request, so no request's end cancels it.
    const signal =
      options.signal ?? (priority === "background" ? undefined : deps.requestSignal?.());
    const entry = await flights.run(
      `${scope.namespace} ${identity}`,
      (flightSignal) =>
        fetchOnce(scope, identity, question, startedMs, options.fresh === true, flightSignal),
      signal,
    );
    // The ledger as this call left it: the day as its answer reported, one more call this minute.
    const reported = entry.outcome === "ok" ? (entry.value as Traced).rateLimit : null;
    const daily = mergeDaily(snapshot.daily, reported);
    const minute = {
      ...snapshot.minute,
      limit: planForDailyLimit(daily?.limit ?? null).perMinute,
      used: snapshot.minute.used + 1,
    };
    return { answer: present<T>(entry, daily), ledger: { ...snapshot, daily, minute } };
  }

  /** One upstream call for this key and request across replicas, or the answer another made. */
  async function fetchOnce<T extends Traced>(
    scope: KeyScope,
    identity: string,
    question: Question<T>,
    startedMs: number,
    fresh: boolean,
    signal: AbortSignal,
  ): Promise<AnswerEntry> {
    const usable = (entry: AnswerEntry | null) =>
      entry !== null && (!fresh || entry.fetchedAtMs >= startedMs) ? entry : null;
    const leaseName = `fetch ${identity}`;

    let lease = await withoutStore(() => store.acquireLease(scope, leaseName, leaseMs), NO_STORE);
    if (lease === null) {
      const waited = await waitForOtherReplica(
        scope,
        identity,
        leaseName,
        startedMs,
        usable,
        signal,
      );
      if ("entry" in waited) return waited.entry;
      if ("failure" in waited) throw errorOf(waited.failure);
      lease = waited.lease;
    } else if (lease !== NO_STORE) {
      // Another replica may have stored it between our miss and our lease.
      const raced = usable(await readAnswer(scope, identity));
      if (raced) {
        await releaseLease(scope, leaseName, lease);
        return raced;
      }
    }
    try {
      return await askAndRemember(scope, identity, question, signal);
    } finally {
      if (typeof lease === "string") await releaseLease(scope, leaseName, lease);
    }
  }

  async function waitForOtherReplica(
    scope: KeyScope,
    identity: string,
    leaseName: string,
    startedMs: number,
    usable: (entry: AnswerEntry | null) => AnswerEntry | null,
    signal: AbortSignal,
  ): Promise<
    { entry: AnswerEntry } | { failure: FailureEntry } | { lease: string | typeof NO_STORE }
  > {
    const deadline = startedMs + leaseMs;
    for (let pause = FIRST_POLL_MS; now() < deadline; pause = Math.min(MAX_POLL_MS, pause * 1.5)) {
      await deps.sleep(pause);
      signal.throwIfAborted();
      const entry = usable(await readAnswer(scope, identity));
      if (entry) return { entry };
      const failure = await readFailure(scope, identity);
      if (failure && failure.failedAtMs >= startedMs - FAILURE_SKEW_MS) return { failure };
      const lease = await withoutStore(
        () => store.acquireLease(scope, leaseName, leaseMs),
        NO_STORE,
      );
      if (lease === NO_STORE) return { lease };
      if (lease !== null) {
        const stored = usable(await readAnswer(scope, identity));
        if (!stored) return { lease };
        await releaseLease(scope, leaseName, lease);
        return { entry: stored };
      }
    }
    return { lease: NO_STORE };
  }

  async function askAndRemember<T extends Traced>(
    scope: KeyScope,
    identity: string,
    question: Question<T>,
    signal: AbortSignal,
  ): Promise<AnswerEntry> {
    await withoutStore(() => ledger.countCall(scope), null);
    const askedAtMs = now();
    let value: T;
    try {
      value = await question.ask(signal);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "not_found") {
        const entry: AnswerEntry = {
          outcome: "not_found",
          requestId: error.requestId,
          fetchedAtMs: now(),
        };
        await remember(scope, ANSWER_KIND, identity, entry, ttls.notFound, askedAtMs);
        return entry;
      }
      if (error.code === "rate_limited") {
        await withoutStore(() => ledger.observeRateLimited(scope, error.retryAfterSeconds), null);
      }
      await remember(
        scope,
        FAILURE_KIND,
        identity,
        failureOf(error, now()),
        FAILURE_TTL_MS,
        askedAtMs,
      );
      throw error;
    }
    const entry: AnswerEntry = { outcome: "ok", value, fetchedAtMs: now() };
    await Promise.all([
      remember(scope, ANSWER_KIND, identity, entry, question.ttlMs, askedAtMs),
      withoutStore(() => ledger.observeAnswer(scope, value.rateLimit), null),
    ]);
    return entry;
  }

  /**
   * Stores an answer asked at `askedAtMs`, unless the key was purged since (signed out or removed
   * while the call was in flight): then the answer is not kept, or a workspace added again would
   * be served what its removal should have forgotten. The mark is read after the write, and the
   * purge marks before it deletes, so a write on either side of the purge is caught.
   */
  function remember(
    scope: KeyScope,
    kind: string,
    identity: string,
    entry: AnswerEntry | FailureEntry,
    ttlMs: number,
    askedAtMs: number,
  ) {
    return withoutStore(async () => {
      await store.set(scope, kind, identity, encodeEntry(entry), ttlMs);
      const purgedAtMs = await store.purgedAt(scope);
      // Replicas' clocks differ a little: a purge just before the ask counts as during it.
      if (purgedAtMs !== null && purgedAtMs >= askedAtMs - FAILURE_SKEW_MS) {
        await store.delete(scope, kind, identity);
      }
    }, null);
  }

  function releaseLease(scope: KeyScope, name: string, token: string) {
    return withoutStore(() => store.releaseLease(scope, name, token), false);
  }

  return {
    listWorkflows: (apiKey, query, options) =>
      serve(
        apiKey,
        {
          request: workflowsRequest(query),
          ttlMs: ttls.workflowList,
          ask: (signal) => client.listWorkflows(apiKey, query, { signal }),
        },
        options,
      ).then(({ answer }) => answer),

    getWorkflow: (apiKey, id, options) =>
      serve(
        apiKey,
        {
          request: workflowRequest(id),
          ttlMs: ttls.workflowDetail,
          ask: (signal) => client.getWorkflow(apiKey, id, { signal }),
        },
        options,
      ).then(({ answer }) => answer),

    async listWorkflowLogs(apiKey, id, query, options) {
      const { answer, ledger: snapshot } = await serve(
        apiKey,
        {
          request: logsRequest(id, query),
          ttlMs: ttls.logsPage,
          ask: (signal) => client.listWorkflowLogs(apiKey, id, query, { signal }),
        },
        options,
      );
      return { ...answer, eagerPrefetch: advisesEagerPrefetch(snapshot, now()) };
    },

    readLedger: (apiKey) => ledger.read(store.scopeFor(apiKey)),

    async forgetKey(apiKey) {
      return withoutStore(async () => {
        const scope = store.scopeFor(apiKey);
        await store.markPurged(scope, now(), PURGE_MARK_MS);
        await store.purge(scope);
        return true;
      }, false);
    },
  };
}

function present<T>(entry: AnswerEntry, rateLimit: RateLimitStatus | null): T & AsOf {
  if (entry.outcome === "not_found") {
    throw new AppError("not_found", { requestId: entry.requestId });
  }
  const value = entry.value as T & Traced;
  return {
    ...value,
    rateLimit: rateLimit ?? value.rateLimit,
    fetchedAt: new Date(entry.fetchedAtMs).toISOString(),
  };
}

/** The store's answer, or `fallback` when it is unavailable: the layer then works without it. */
async function withoutStore<T, F>(operation: () => Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await operation();
  } catch (error) {
    if (isStoreUnavailable(error)) return fallback;
    throw error;
  }
}
