import { parseEntityId } from "@/lib/model/entity-id";
import { notARecordId } from "@/lib/model/not-a-record-id";
import type { Run, RunStatus } from "@/lib/model/run";
import type { EntityType } from "@/lib/model/workflow";
import type { RunsAcrossPage } from "@/lib/model/runs-across-page";
import type { KeyScope, SealedStore } from "@/lib/store/sealed-store";
import { answerCoverage, statusKeysFor } from "./answer-coverage";
import type { AnswerCoverage } from "./answer-coverage";
import { planBackfill, startBackfill, UNCONFIRMED_QUOTA_SHARE } from "./backfill";
import type { BackfillDeps, BackfillJob, BackfillPlan } from "./backfill";
import { reachesBack } from "./coverage";
import type { Coverage, StatusKey } from "./coverage";
import type { FetchLogsPage } from "./fetch-logs-page";
import { createIndexStore } from "./index-store";
import type { IndexStoreOptions, OpenedIndex } from "./index-store";
import { facets, listRuns, recordRuns, timeBuckets } from "./queries";
import type { BucketsAnswer, FacetsAnswer, Paging, RecordAnswer, RunsQuestion } from "./queries";
import type { RunIndex } from "./run-index";
import { syncWorkflows } from "./sync";

/**
 * The run index at work for one key: before answering a question it syncs exactly the coverage the
 * question needs (a covered workflow: one incremental call; an uncovered one: the backfill's
 * estimate, one call, which fills it when it has 100 matching runs or fewer), starts the rest of
 * the fill in the background when it fits the 20 % rule (or the person confirmed its cost), and
 * answers from what is held now, saying what is covered and what is still filling.
 *
 * Replicas: each (key, workflow) has a sync lease in the store; a workflow whose lease another
 * replica holds is not synced here, and is answered from the stored snapshot that replica writes.
 */

/**
 * Rolling (it ends now and reaches `rollingMs` back), or absolute: `[fromMs, toMs)`, up to now
 * when `toMs` is null. LeadLex filters on the lower bound only, so either is synced from its
 * start up to now; the upper bound is applied to what is held.
 */
export type AnswerWindow = { rollingMs: number } | { fromMs: number; toMs: number | null };

export interface RunsAcrossQuestion {
  workflowIds: readonly string[];
  statuses: readonly RunStatus[];
  window: AnswerWindow;
  entityType?: string;
  reason?: string;
  stillFailingOnly?: boolean;
}

/** What the fill behind an answer is doing, and what the rest would cost (shown before it is spent). */
export type FillState = RunsAcrossPage["fill"];

export interface RunsAcrossAnswer {
  runs: Run[];
  total: number;
  page: number;
  perPage: number;
  facets: Omit<FacetsAnswer, "coverage">;
  /** Runs per time bucket and status over the window, for the same filters: the chart's bars. */
  overTime: Omit<BucketsAnswer, "coverage">;
  coverage: AnswerCoverage;
  /**
   * Per status, whether every workflow in scope is synced for it over the window: a chip's count
   * means something only then ("Success 0" is not shown when successes were never synced).
   */
  statusesCovered: Record<RunStatus, boolean>;
  fill: FillState;
  /** LeadLex calls this answer itself made (syncs and estimates), the fill's not included. */
  callsSpent: number;
  /** Workflows another replica was syncing: answered from its last stored snapshot. */
  syncedElsewhere: string[];
  /** The instant the window was measured from (Runboard's clock). */
  nowMs: number;
}

export interface RecordQuestion {
  entityId: string;
  /** The workspace's workflows: only those whose trigger entity is the id's type are scanned. */
  workflows: readonly { id: string; conditionEntity: string }[];
  /** Rolling: the window ends now and reaches this far back. */
  windowMs: number;
}

export interface RecordHistoryAnswer extends RecordAnswer {
  entityType: EntityType;
  /** The workflows scanned: those whose trigger entity is the record's type. */
  workflowIds: string[];
  fill: FillState;
  /** LeadLex calls this answer itself made (syncs and estimates), the fill's not included. */
  callsSpent: number;
  syncedElsewhere: string[];
  nowMs: number;
}

/** What a question's sync left behind, for the answer to be computed from. */
interface SyncedScope {
  index: OpenedIndex["index"];
  fromMs: number;
  /** The window's end, exclusive; null: now. */
  toMs: number | null;
  nowMs: number;
  callsSpent: () => number;
  syncedElsewhere: string[];
  describe: (gapCalls: number | null) => FillState;
}

export interface RunIndexServiceDeps {
  store: SealedStore;
  /** One page of one workflow's runs for this key, through the quota layer, never waiting. */
  fetchLogsPageFor: (apiKey: string) => FetchLogsPage;
  /** The key's calls left today, from the quota ledger; null when unknown. */
  remainingDailyQuota: (apiKey: string) => Promise<number | null>;
  now: () => number;
  sleep: BackfillDeps["sleep"];
  indexOptions?: IndexStoreOptions;
  /** How long a sync lease lasts unless renewed; a crashed replica's lease ends after it. */
  leaseMs?: number;
  /** How often a running fill writes what it has so far, so other replicas see it grow. */
  saveEveryMs?: number;
  /**
   * A part synced this recently is answered as held, without a call: a view that asks again
   * every 2 s while a fill runs must not spend a call per workflow each time. Default 30 s.
   */
  minSyncIntervalMs?: number;
}

export interface AnswerOptions {
  /** The person confirmed the fill's cost shown by an earlier answer. */
  confirmFill?: boolean;
  /**
   * A part synced longer ago than this is synced again (default: `minSyncIntervalMs`). A page
   * someone just opened asks for 0: the run they clicked through from must be there.
   */
  maxSyncAgeMs?: number;
  signal?: AbortSignal;
}

export interface RunIndexService {
  answerRuns(
    apiKey: string,
    question: RunsAcrossQuestion,
    paging: Paging,
    options?: AnswerOptions,
  ): Promise<RunsAcrossAnswer>;
  /**
   * One CRM record's runs over the window, from the workflows whose trigger entity matches the
   * id's type (synced for every status). Throws `bad_request` for anything but an entity id.
   */
  answerRecord(
    apiKey: string,
    question: RecordQuestion,
    paging: Paging,
    options?: AnswerOptions,
  ): Promise<RecordHistoryAnswer>;
  /**
   * Stops the key's running fill (what it fetched so far is kept) and makes the next fill wait
   * for a confirmation; resolves once it has stopped and been saved.
   */
  cancelFill(apiKey: string): Promise<void>;
  /** Resolves when the key's running fill (if any) has ended and been saved. */
  whenFilled(apiKey: string): Promise<void>;
  /** What the key's index holds now, for questions answered without syncing; no call, no write. */
  readHeld(apiKey: string): Promise<RunIndex>;
}

/** The store's lease one replica holds while it syncs or fills one workflow of one key. */
export function syncLeaseName(workflowId: string): string {
  return `runindex sync ${workflowId}`;
}

const DEFAULT_LEASE_MS = 60_000;
const DEFAULT_SAVE_EVERY_MS = 2_000;
const DEFAULT_MIN_SYNC_INTERVAL_MS = 30_000;
/** How long an estimate waiting for a confirmation stays valid. */
const PENDING_PLAN_MS = 10 * 60_000;

interface RunningFill {
  epoch: string;
  workflowIds: string[];
  jobs: BackfillJob[];
  finished: Promise<void>;
}

interface PendingFill {
  epoch: string;
  signature: string;
  plans: BackfillPlan[];
  atMs: number;
}

export function createRunIndexService(deps: RunIndexServiceDeps): RunIndexService {
  const { store, now } = deps;
  const indexes = createIndexStore(store, deps.indexOptions);
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const saveEveryMs = deps.saveEveryMs ?? DEFAULT_SAVE_EVERY_MS;
  const minSyncIntervalMs = deps.minSyncIntervalMs ?? DEFAULT_MIN_SYNC_INTERVAL_MS;
  const fills = new Map<string, RunningFill>();
  const pending = new Map<string, PendingFill>();
  /** Keys whose person cancelled a fill: the next one waits for their yes, whatever it costs. */
  const declined = new Set<string>();

  const leaseName = syncLeaseName;

  /** The leases this replica got, by workflow; the others are being synced elsewhere. */
  async function leaseAll(scope: KeyScope, workflowIds: readonly string[]) {
    const tokens = new Map<string, string>();
    await Promise.all(
      workflowIds.map(async (workflowId) => {
        const token = await store.acquireLease(scope, leaseName(workflowId), leaseMs);
        if (token !== null) tokens.set(workflowId, token);
      }),
    );
    return tokens;
  }

  async function releaseAll(scope: KeyScope, tokens: Map<string, string>) {
    await Promise.all(
      [...tokens].map(([workflowId, token]) =>
        store.releaseLease(scope, leaseName(workflowId), token),
      ),
    );
  }

  function startFill(
    scope: KeyScope,
    opened: OpenedIndex,
    plans: BackfillPlan[],
    tokens: Map<string, string>,
    backfillDeps: BackfillDeps,
  ): RunningFill {
    const workflowIds = [...tokens.keys()];
    let lastSaveMs = now();
    let saving: Promise<unknown> = Promise.resolve();
    const jobs: BackfillJob[] = [];
    const onProgress = () => {
      if (now() - lastSaveMs < saveEveryMs) return;
      lastSaveMs = now();
      saving = saving.then(async () => {
        await Promise.all(
          [...tokens].map(([workflowId, token]) =>
            store.renewLease(scope, leaseName(workflowId), token, leaseMs),
          ),
        );
        if (!(await indexes.save(scope, opened, workflowIds))) {
          for (const job of jobs) job.cancel();
        }
      });
    };
    for (const plan of plans) {
      const start = startBackfill(plan, backfillDeps, { confirmed: true, onProgress });
      if (start.started) jobs.push(start.job);
    }
    const fill: RunningFill = {
      epoch: opened.epoch,
      workflowIds,
      jobs,
      finished: Promise.resolve(),
    };
    fill.finished = (async () => {
      try {
        for (const job of jobs) await job.run();
        await saving;
        await indexes.save(scope, opened, workflowIds);
      } finally {
        await releaseAll(scope, tokens).catch(() => undefined);
        if (fills.get(scope.namespace) === fill) fills.delete(scope.namespace);
      }
    })().catch(() => undefined);
    fills.set(scope.namespace, fill);
    return fill;
  }

  /**
   * Syncs what a question needs over its window (one incremental call per covered part), estimates
   * its gaps, and starts their fill when it fits the 20 % rule, was confirmed, or was not declined.
   */
  async function syncScope(
    apiKey: string,
    workflowIds: readonly string[],
    statusKeys: StatusKey[],
    window: AnswerWindow,
    options: AnswerOptions,
  ): Promise<SyncedScope> {
    const scope = store.scopeFor(apiKey);
    const opened = await indexes.open(scope);
    const { index } = opened;
    const nowMs = now();
    const fromMs = "rollingMs" in window ? nowMs - window.rollingMs : window.fromMs;
    const toMs = "rollingMs" in window ? null : window.toMs;
    const maxSyncAgeMs = options.maxSyncAgeMs ?? minSyncIntervalMs;
    const base = deps.fetchLogsPageFor(apiKey);
    let callsSpent = 0;
    const counted: FetchLogsPage = async (...args) => {
      const result = await base(...args);
      callsSpent += 1;
      return result;
    };
    // What a confirmation refers to: the same fill, however many seconds the window moved since.
    const signature = JSON.stringify([statusKeys, [...workflowIds].sort(), window]);
    const backfillDeps: BackfillDeps = { fetchLogsPage: base, now, sleep: deps.sleep };

    let fill = fills.get(scope.namespace);
    if (fill !== undefined && fill.epoch !== opened.epoch) {
      for (const job of fill.jobs) job.cancel();
      fill = undefined;
    }
    const waiting = pending.get(scope.namespace);
    if (
      fill === undefined &&
      options.confirmFill === true &&
      waiting !== undefined &&
      waiting.epoch === opened.epoch &&
      waiting.signature === signature &&
      nowMs - waiting.atMs < PENDING_PLAN_MS
    ) {
      pending.delete(scope.namespace);
      declined.delete(scope.namespace);
      const ids = waiting.plans.flatMap((plan) => pendingWorkflows(plan));
      const tokens = await leaseAll(scope, ids);
      if (tokens.size === ids.length) {
        fill = startFill(scope, opened, waiting.plans, tokens, backfillDeps);
      } else {
        await releaseAll(scope, tokens);
      }
    }
    const busy = new Set(fill?.workflowIds ?? []);

    const wanted = workflowIds.filter((workflowId) => !busy.has(workflowId));
    const tokens = await leaseAll(scope, wanted);
    const syncedElsewhere = wanted.filter((workflowId) => !tokens.has(workflowId));
    const leased = wanted.filter((workflowId) => tokens.has(workflowId));

    let heldBackSeconds: number | null = null;
    const newPlans: BackfillPlan[] = [];
    let remainingQuota: number | null = null;
    try {
      const syncs = new Map<string, { workflowId: string; status: StatusKey }>();
      const gaps = new Map<StatusKey, string[]>();
      for (const status of statusKeys) {
        for (const workflowId of leased) {
          const own = index.coverage(workflowId, status);
          const all = status === "all" ? null : index.coverage(workflowId, "all");
          const covering = [own, all].find(
            (coverage): coverage is Coverage => coverage !== null && reachesBack(coverage, fromMs),
          );
          if (covering !== undefined) {
            if (covering.syncedAtMs > nowMs - maxSyncAgeMs) continue;
            // A window that ended before the last sync has nothing newer to ask for.
            if (toMs !== null && covering.syncedAtMs >= toMs) continue;
            const key = covering === own ? status : "all";
            syncs.set(`${workflowId} ${key}`, { workflowId, status: key });
          } else {
            gaps.set(status, [...(gaps.get(status) ?? []), workflowId]);
          }
        }
      }
      const outcomes = await syncWorkflows(
        index,
        [...syncs.values()],
        { fetchLogsPage: counted, now },
        { signal: options.signal },
      );
      for (const outcome of outcomes) {
        if (outcome.result === "rate_limited") heldBackSeconds = outcome.retryAfterSeconds;
      }
      remainingQuota = await deps.remainingDailyQuota(apiKey);
      // One fill per key at a time: while one runs, other gaps wait for it to end. A workflow
      // this key holds nothing of still gets its first page (the estimate a fill would start
      // with, kept): a record or view opened during another view's long fill then shows its
      // newest runs, not "no runs", for one call per such workflow, once.
      if (heldBackSeconds === null) {
        for (const [status, ids] of gaps) {
          const asked =
            fill === undefined ? ids : ids.filter((id) => holdsNothing(index, id, status));
          if (asked.length === 0) continue;
          const plan = await planBackfill(
            index,
            { workflowIds: asked, status, fromMs },
            {
              fetchLogsPage: counted,
              now,
              sleep: deps.sleep,
              remainingDailyQuota: () => remainingQuota,
            },
          );
          if (plan.retryAfterSeconds !== null) heldBackSeconds = plan.retryAfterSeconds;
          // Beside a running fill the page is all that is wanted: its plan waits for the next ask.
          if (fill === undefined && plan.callsLeft > 0) newPlans.push(plan);
          if (heldBackSeconds !== null) break;
        }
      }
      // The estimates' answers told the ledger the day's figure, if it did not know it yet.
      remainingQuota =
        (await deps.remainingDailyQuota(apiKey)) ??
        newPlans.find((plan) => plan.remainingQuota !== null)?.remainingQuota ??
        null;
      await indexes.save(scope, opened, leased);
    } finally {
      await releaseAll(scope, tokens);
    }

    const callsToFill = newPlans.reduce((sum, plan) => sum + plan.callsLeft, 0);
    const unconfirmedBudget =
      remainingQuota === null ? null : Math.floor(remainingQuota * UNCONFIRMED_QUOTA_SHARE);
    // A person who cancelled a fill decides again before the next one spends anything.
    const needsConfirmation =
      declined.has(scope.namespace) ||
      newPlans.some((plan) => plan.needsConfirmation) ||
      (unconfirmedBudget !== null && callsToFill > unconfirmedBudget);
    if (newPlans.length > 0) {
      if (needsConfirmation && options.confirmFill !== true) {
        pending.set(scope.namespace, {
          epoch: opened.epoch,
          signature,
          plans: newPlans,
          atMs: nowMs,
        });
      } else {
        declined.delete(scope.namespace);
        const ids = newPlans.flatMap((plan) => pendingWorkflows(plan));
        const fillTokens = await leaseAll(scope, ids);
        if (fillTokens.size === ids.length) {
          fill = startFill(scope, opened, newPlans, fillTokens, backfillDeps);
        } else {
          await releaseAll(scope, fillTokens);
        }
      }
    }
    return {
      index,
      fromMs,
      toMs,
      nowMs,
      callsSpent: () => callsSpent,
      syncedElsewhere,
      describe: (gapCalls) =>
        describeFill(fill, {
          waitingForConfirmation: newPlans.length > 0 && fill === undefined && needsConfirmation,
          callsToFill: newPlans.length > 0 ? callsToFill : gapCalls,
          remainingQuota,
          unconfirmedBudget,
          heldBackSeconds,
          nowMs: now(),
        }),
    };
  }

  return {
    async answerRuns(apiKey, question, paging, options = {}) {
      const statusKeys: StatusKey[] =
        question.stillFailingOnly === true ? ["all"] : statusKeysFor(question.statuses);
      const synced = await syncScope(
        apiKey,
        question.workflowIds,
        statusKeys,
        question.window,
        options,
      );
      const { index, fromMs, toMs } = synced;
      const runsQuestion: RunsQuestion = {
        workflowIds: question.workflowIds,
        statuses: question.statuses,
        afterMs: fromMs,
        beforeMs: toMs,
        entityType: question.entityType,
        reason: question.reason,
        stillFailingOnly: question.stillFailingOnly,
      };
      const { coverage, ...counts } = facets(index, runsQuestion);
      const list = listRuns(index, runsQuestion, paging);
      const { bucketMs, buckets } = timeBuckets(index, runsQuestion, { nowMs: synced.nowMs });
      const window = { fromMs, toMs };
      const covered = (status: RunStatus) =>
        answerCoverage(index, question.workflowIds, [status], window).complete;
      return {
        runs: list.runs,
        total: list.total,
        page: list.page,
        perPage: list.perPage,
        facets: counts,
        overTime: { bucketMs, buckets },
        coverage,
        statusesCovered: {
          success: covered("success"),
          failed: covered("failed"),
          skipped: covered("skipped"),
        },
        fill: synced.describe(coverage.gapCalls),
        callsSpent: synced.callsSpent(),
        syncedElsewhere: synced.syncedElsewhere,
        nowMs: synced.nowMs,
      };
    },

    async answerRecord(apiKey, question, paging, options = {}) {
      const parsed = parseEntityId(question.entityId);
      if (parsed === null) {
        throw notARecordId();
      }
      // No other workflow can hold a run of this record: it is the only part worth a call.
      const workflowIds = question.workflows
        .filter((workflow) => workflow.conditionEntity === parsed.type)
        .map((workflow) => workflow.id);
      const synced = await syncScope(
        apiKey,
        workflowIds,
        ["all"],
        { rollingMs: question.windowMs },
        options,
      );
      const answer = recordRuns(
        synced.index,
        parsed.id,
        { workflowIds, afterMs: synced.fromMs },
        paging,
      );
      return {
        ...answer,
        entityType: parsed.type,
        workflowIds,
        fill: synced.describe(answer.coverage.gapCalls),
        callsSpent: synced.callsSpent(),
        syncedElsewhere: synced.syncedElsewhere,
        nowMs: synced.nowMs,
      };
    },

    async cancelFill(apiKey) {
      const { namespace } = store.scopeFor(apiKey);
      declined.add(namespace);
      pending.delete(namespace);
      const fill = fills.get(namespace);
      if (fill === undefined) return;
      for (const job of fill.jobs) job.cancel();
      await fill.finished;
    },

    async whenFilled(apiKey) {
      await fills.get(store.scopeFor(apiKey).namespace)?.finished;
    },

    async readHeld(apiKey) {
      return (await indexes.open(store.scopeFor(apiKey), { touch: false })).index;
    },
  };
}

/**
 * Not one page of this workflow is held: no coverage for the status or for every status, and no
 * runs (an estimate that did not finish its workflow holds runs but commits no coverage).
 */
function holdsNothing(index: RunIndex, workflowId: string, status: StatusKey): boolean {
  return (
    index.coverage(workflowId, status) === null &&
    index.coverage(workflowId, "all") === null &&
    (index.runsOf(workflowId)?.size ?? 0) === 0
  );
}

function pendingWorkflows(plan: BackfillPlan): string[] {
  return plan.items.filter((item) => item.state === "pending").map((item) => item.workflowId);
}

function describeFill(
  fill: RunningFill | undefined,
  context: {
    waitingForConfirmation: boolean;
    callsToFill: number | null;
    remainingQuota: number | null;
    unconfirmedBudget: number | null;
    heldBackSeconds: number | null;
    nowMs: number;
  },
): FillState {
  const shared = {
    remainingQuota: context.remainingQuota,
    unconfirmedBudget: context.unconfirmedBudget,
  };
  if (fill !== undefined) {
    const progress = fill.jobs.map((job) => job.progress());
    const paused = progress.find((item) => item.state === "paused");
    const stopped = progress.find((item) => item.state === "stopped");
    const callsMade = progress.reduce((sum, item) => sum + item.callsMade, 0);
    const callsAllowed = progress.reduce((sum, item) => sum + item.callsAllowed, 0);
    const estimated = progress.reduce((sum, item) => sum + item.callsEstimated, 0);
    return {
      ...shared,
      state: stopped
        ? "stopped"
        : paused
          ? "paused"
          : progress.every((item) => item.state === "done")
            ? "done"
            : "running",
      callsMade,
      callsAllowed,
      callsToFill: Math.max(0, estimated - callsMade),
      retryAfterSeconds:
        paused?.resumesAtMs != null
          ? Math.max(1, Math.ceil((paused.resumesAtMs - context.nowMs) / 1000))
          : null,
      stopReason: stopped?.stopReason ?? null,
    };
  }
  return {
    ...shared,
    state: context.waitingForConfirmation
      ? "needs_confirmation"
      : context.heldBackSeconds !== null
        ? "held_back"
        : "idle",
    callsMade: 0,
    callsAllowed: 0,
    callsToFill: context.callsToFill,
    retryAfterSeconds: context.heldBackSeconds,
    stopReason: null,
  };
}
