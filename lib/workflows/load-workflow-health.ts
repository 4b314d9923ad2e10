import "server-only";
import { toIsoSeconds } from "@/lib/format/iso-instant";
import { toAppError } from "@/lib/model/app-error";
import { oldestFetchedAt } from "@/lib/model/freshness";
import type { LogsQuery } from "@/lib/model/queries";
import type { Run } from "@/lib/model/run";
import { isWorkflowId } from "@/lib/model/workflow-id";
import type { QuotaLayer, QuotaLayerCallOptions } from "@/lib/quota-layer/quota-layer";
import { HeldBackError } from "@/lib/quota-layer/held-back-error";
import { NotCachedError } from "@/lib/quota-layer/not-cached-error";
import { workflowHealth, type HealthAnswer } from "@/lib/run-index/queries";
import type { RunIndex } from "@/lib/run-index/run-index";
import { healthAllowance, type HealthMode } from "./health-budget";
import type { WorkflowHealth, WorkflowHealthReport } from "./workflow-health";
import type { WorkflowListItem } from "./workflow-list";

/**
 * The health figures of the listed workflows. Per workflow, at most three answers, each one cached
 * LeadLex call: its details (`triggers_today` for the cap gauge; 5 min, shared with the runs page
 * and the disabled rows' reasons), `status=failed&after=<24 h ago>&per_page=1` (the failure count
 * is `meta.total`; 60 s) and `per_page=1` (the last run; 60 s). The two run figures come from the
 * run index instead when it holds that workflow's window, synced within the same 60 s. Disabled
 * workflows gain no runs, so only their details are asked for.
 *
 * Every answer is first looked up in the cache without a call; what is missing is priced, and
 * only as many workflows as `healthAllowance` permits are fetched, in list order, whole (a row
 * never shows half its figures). The rest show what loading them would cost.
 */

export const HEALTH_WINDOW_MS = 24 * 60 * 60_000;
/** As old as a cached logs page may be: an index part synced longer ago is not used. */
export const INDEX_FRESHNESS_MS = 60_000;
const MINUTE_MS = 60_000;

export interface HealthSources {
  layer: Pick<QuotaLayer, "getWorkflow" | "listWorkflowLogs" | "readLedger">;
  /** The key's run index as held; null when it cannot be read (the figures are then asked for). */
  readIndex: (apiKey: string) => Promise<RunIndex | null>;
}

export interface HealthOptions {
  mode: HealthMode;
  nowMs: number;
  signal?: AbortSignal;
}

/**
 * The window's start, rounded up to the minute: the `after` sent upstream then stays the same for
 * a minute, so its answer is cached like any other, and a run index synced within the last minute
 * reaches back to it.
 */
export function failuresSinceMs(nowMs: number): number {
  return Math.ceil((nowMs - HEALTH_WINDOW_MS) / MINUTE_MS) * MINUTE_MS;
}

export function failuresQuery(sinceMs: number): LogsQuery {
  return { page: 1, perPage: 1, status: "failed", after: toIsoSeconds(new Date(sinceMs)) };
}

export const LAST_RUN_QUERY: LogsQuery = { page: 1, perPage: 1, status: null, after: null };

type Outcome<T> =
  | { state: "ok"; value: T }
  | { state: "missing" }
  | { state: "held" }
  | { state: "error"; error: unknown };

type Detail = Awaited<ReturnType<QuotaLayer["getWorkflow"]>>;
type Logs = Awaited<ReturnType<QuotaLayer["listWorkflowLogs"]>>;
type Ask<T> = (options: QuotaLayerCallOptions) => Promise<T>;

interface Asked {
  detail: Outcome<Detail>;
  failures: Outcome<Logs> | null;
  lastRun: Outcome<Logs> | null;
}

export async function loadWorkflowHealth(
  sources: HealthSources,
  apiKey: string,
  workflows: readonly WorkflowListItem[],
  options: HealthOptions,
): Promise<WorkflowHealthReport> {
  const { layer } = sources;
  const sinceMs = failuresSinceMs(options.nowMs);
  const index = await sources.readIndex(apiKey).catch(() => null);
  const listed = uniqueById(workflows).filter((workflow) => isWorkflowId(workflow.id));

  const asks = listed.map((workflow) => {
    const fromIndex =
      workflow.enabled && index !== null
        ? workflowHealth(index, workflow.id, {
            fromMs: sinceMs,
            syncedSinceMs: options.nowMs - INDEX_FRESHNESS_MS,
          })
        : null;
    const logs =
      (query: LogsQuery): Ask<Logs> =>
      (call) =>
        layer.listWorkflowLogs(apiKey, workflow.id, query, call);
    return {
      workflow,
      fromIndex,
      detail: ((call) => layer.getWorkflow(apiKey, workflow.id, call)) as Ask<Detail>,
      failures:
        workflow.enabled && fromIndex?.failures == null ? logs(failuresQuery(sinceMs)) : null,
      lastRun: workflow.enabled && fromIndex?.lastRun === undefined ? logs(LAST_RUN_QUERY) : null,
    };
  });

  const cachedOnly: QuotaLayerCallOptions = { cachedOnly: true, signal: options.signal };
  const firstLook = await Promise.all(
    asks.map(async (ask) => ({
      detail: await settle(ask.detail(cachedOnly)),
      failures: ask.failures ? await settle(ask.failures(cachedOnly)) : null,
      lastRun: ask.lastRun ? await settle(ask.lastRun(cachedOnly)) : null,
    })),
  );
  const answersCached = firstLook.reduce(
    (sum, asked) => sum + outcomes(asked).filter((outcome) => outcome.state === "ok").length,
    0,
  );

  const missingCalls = firstLook.map(
    (asked) => outcomes(asked).filter((outcome) => outcome.state === "missing").length,
  );
  const needed = missingCalls.reduce((sum, calls) => sum + calls, 0);
  const allowance =
    needed === 0
      ? null
      : healthAllowance(options.mode, await layer.readLedger(apiKey), options.nowMs);

  let budget = allowance?.calls ?? 0;
  const priority = options.mode === "requested" ? "user" : "background";
  const spend: QuotaLayerCallOptions = { priority, signal: options.signal };
  let callsSpent = 0;
  const asked = await Promise.all(
    firstLook.map(async (looked, i) => {
      const calls = missingCalls[i] ?? 0;
      const ask = asks[i];
      if (calls === 0 || ask === undefined || calls > budget) return looked;
      budget -= calls;
      const fetch = async <T>(outcome: Outcome<T> | null, run: Ask<T> | null) => {
        if (outcome?.state !== "missing" || run === null) return outcome;
        const next = await settle(run(spend));
        if (next.state !== "held") callsSpent += 1;
        return next;
      };
      const [detail, failures, lastRun] = await Promise.all([
        fetch(looked.detail, ask.detail),
        fetch(looked.failures, ask.failures),
        fetch(looked.lastRun, ask.lastRun),
      ]);
      return { detail: detail ?? looked.detail, failures, lastRun };
    }),
  );

  const byId: Record<string, WorkflowHealth> = {};
  let callsToLoad = 0;
  let figuresFromIndex = 0;
  let asOf: string | null = null;
  asks.forEach((ask, i) => {
    const result = asked[i];
    if (result === undefined) return;
    const health = healthOf(ask.workflow, result, ask.fromIndex);
    byId[ask.workflow.id] = health;
    if (health.kind === "not_loaded") callsToLoad += health.calls;
    if (health.kind === "checked" || health.kind === "disabled") {
      asOf = oldestFetchedAt(asOf, ...answerTimes(result, ask.fromIndex));
    }
    if (health.kind === "checked" && ask.fromIndex !== null) {
      figuresFromIndex += (ask.failures ? 0 : 1) + (ask.lastRun ? 0 : 1);
    }
  });

  return {
    failuresSince: new Date(sinceMs).toISOString(),
    byId,
    callsSpent,
    answersCached,
    figuresFromIndex,
    callsToLoad,
    heldBecause: callsToLoad > 0 ? (allowance?.limitedBy ?? "quota") : null,
    retryAfterSeconds: callsToLoad > 0 ? (allowance?.retryAfterSeconds ?? null) : null,
    asOf,
  };
}

function healthOf(
  workflow: WorkflowListItem,
  asked: Asked,
  fromIndex: HealthAnswer | null,
): WorkflowHealth {
  const all = outcomes(asked);
  const failed = all.find((outcome) => outcome.state === "error");
  if (asked.detail.state === "error" && toAppError(asked.detail.error).code === "not_found") {
    return { kind: "deleted" };
  }
  if (failed?.state === "error")
    return { kind: "failed", message: toAppError(failed.error).message };
  const waiting = all.filter((outcome) => outcome.state === "missing" || outcome.state === "held");
  if (waiting.length > 0) return { kind: "not_loaded", calls: waiting.length };
  if (asked.detail.state !== "ok") return { kind: "not_loaded", calls: 1 };
  const detail = asked.detail.value;
  if (!workflow.enabled) {
    return {
      kind: "disabled",
      triggersToday: detail.triggersToday,
      dailyCap: detail.maxTriggersPerDay,
    };
  }
  const failures24h =
    asked.failures?.state === "ok" ? asked.failures.value.meta.total : (fromIndex?.failures ?? 0);
  const lastRun =
    asked.lastRun?.state === "ok" ? (asked.lastRun.value.runs[0] ?? null) : fromIndex?.lastRun;
  return {
    kind: "checked",
    failures24h,
    lastRun: lastRun ? summaryOf(lastRun) : null,
    triggersToday: detail.triggersToday,
    dailyCap: detail.maxTriggersPerDay,
    failuresFromIndex: asked.failures === null,
    lastRunFromIndex: asked.lastRun === null,
  };
}

function summaryOf(run: Run) {
  return { id: run.id, status: run.status, triggeredAt: run.triggeredAt };
}

function answerTimes(asked: Asked, fromIndex: HealthAnswer | null): (string | null)[] {
  const times = outcomes(asked).map((outcome) =>
    outcome.state === "ok" ? (outcome.value as { fetchedAt: string }).fetchedAt : null,
  );
  if (fromIndex?.syncedAtMs != null) times.push(new Date(fromIndex.syncedAtMs).toISOString());
  return times;
}

function outcomes(asked: Asked): Outcome<unknown>[] {
  return [asked.detail, asked.failures, asked.lastRun].filter(
    (outcome): outcome is Outcome<Detail> | Outcome<Logs> => outcome !== null,
  );
}

async function settle<T>(promise: Promise<T>): Promise<Outcome<T>> {
  try {
    return { state: "ok", value: await promise };
  } catch (error) {
    if (error instanceof NotCachedError) return { state: "missing" };
    if (error instanceof HeldBackError) return { state: "held" };
    return { state: "error", error };
  }
}

function uniqueById(workflows: readonly WorkflowListItem[]): WorkflowListItem[] {
  const seen = new Set<string>();
  return workflows.filter((workflow) => !seen.has(workflow.id) && seen.add(workflow.id));
}
