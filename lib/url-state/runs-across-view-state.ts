/**
 * The workspace-wide runs view's state, as it lives in the URL: `status` (several, comma-separated,
 * or `all`), `window` (a rolling `1h`, `24h` or `7d`: a link keeps meaning "the last 24 hours"
 * whenever it is opened), or instead an absolute `after` and optional `before` (instants, `before`
 * exclusive), `workflow` (several ids), `entity`, `reason` (an error code or a skip reason),
 * `still_failing`, `page`, `per_page`, `open`. It opens on failed runs in the last 24 h.
 * Like the other views' parsers, these read forgivingly; `runs-across-view-repairs.ts` names each
 * repair. Values are kept in their canonical text, so a default compares equal and stays out of
 * the link.
 */
import { parseIsoInstant, toIsoSeconds } from "@/lib/format/iso-instant";
import type { RunStatus } from "@/lib/model/run";
import { runStatuses } from "@/lib/model/run";
import type { EntityType } from "@/lib/model/workflow";
import { isWorkflowId } from "@/lib/model/workflow-id";
import { pageParam, pageSizeParam } from "./paging-params";
import { createLoader, createSerializer, urlParam, type UrlParamValues } from "./url-params";
import { joinRunIds, readEntity, readRunIds } from "./shared-readers";

export const ROLLING_WINDOWS = ["1h", "24h", "7d"] as const;
export type RollingWindow = (typeof ROLLING_WINDOWS)[number];

export const ROLLING_WINDOW_MS: Record<RollingWindow, number> = {
  "1h": 60 * 60_000,
  "24h": 24 * 60 * 60_000,
  "7d": 7 * 24 * 60 * 60_000,
};

/** Far more than a workspace shows at once; keeps a link (and the scan it asks for) bounded. */
export const MAX_WORKFLOW_FILTER = 25;
const REASON = /^[a-z0-9_.-]{1,64}$/;
export const ALL_STATUSES = "all";

/** `failed,skipped` in a fixed order, `all` for every status; null when nothing was readable. */
export function readStatusList(raw: string): string | null {
  const parts = raw
    .toLowerCase()
    .split(",")
    .map((part) => part.trim());
  if (parts.includes(ALL_STATUSES)) return ALL_STATUSES;
  const chosen = runStatuses.filter((status) => parts.includes(status));
  if (chosen.length === 0) return null;
  return chosen.length === runStatuses.length ? ALL_STATUSES : chosen.join(",");
}

export function statusesOf(value: string): RunStatus[] {
  return value === ALL_STATUSES
    ? []
    : runStatuses.filter((status) => value.split(",").includes(status));
}

export function readWindow(raw: string): RollingWindow | null {
  const value = raw.trim().toLowerCase();
  return (ROLLING_WINDOWS as readonly string[]).includes(value) ? (value as RollingWindow) : null;
}

/** Valid workflow ids, each once, in the order given, at most MAX_WORKFLOW_FILTER. */
export function readWorkflowList(raw: string): string | null {
  const ids = [...new Set(raw.split(",").map((id) => id.trim()))].filter(isWorkflowId);
  return ids.length === 0 ? null : ids.slice(0, MAX_WORKFLOW_FILTER).join(",");
}

export function workflowIdsOf(value: string | null): string[] {
  return value === null ? [] : value.split(",");
}

export function readReason(raw: string): string | null {
  const value = raw.trim().toLowerCase();
  return REASON.test(value) ? value : null;
}

/** An instant in the one form Runboard writes (`2026-04-17T09:31:00Z`); null when it is none. */
export function readInstant(raw: string): string | null {
  const date = parseIsoInstant(raw.trim());
  return date ? toIsoSeconds(date) : null;
}

export function readFlag(raw: string): boolean | null {
  const value = raw.trim().toLowerCase();
  if (value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  return null;
}

const identity = <T extends string>(value: T) => value;

export const runsAcrossViewParsers = {
  status: urlParam<string>(readStatusList, identity).withDefault("failed"),
  window: urlParam<RollingWindow>(readWindow, identity).withDefault("24h"),
  after: urlParam<string>(readInstant, identity),
  before: urlParam<string>(readInstant, identity),
  workflow: urlParam<string>(readWorkflowList, identity),
  entity: urlParam<EntityType>(readEntity, identity),
  reason: urlParam<string>(readReason, identity),
  still_failing: urlParam<boolean>(readFlag, (value) => (value ? "1" : "0")).withDefault(false),
  page: pageParam,
  per_page: pageSizeParam,
  open: urlParam<string[]>(readRunIds, joinRunIds),
};

export const loadRunsAcrossViewState = createLoader(runsAcrossViewParsers);
export const serializeRunsAcrossViewState = createSerializer(runsAcrossViewParsers);

export type RunsAcrossViewState = UrlParamValues<typeof runsAcrossViewParsers>;

/** What `/api/runs` is asked: the view's state without the open run. */
export interface RunsAcrossQuery {
  page: number;
  perPage: number;
  status: string;
  window: RollingWindow;
  /** An absolute window, which replaces the rolling one: see `absoluteRange`. */
  after: string | null;
  before: string | null;
  workflow: string | null;
  entity: EntityType | null;
  reason: string | null;
  stillFailing: boolean;
}

/**
 * The absolute window a state names, or null for the rolling one. `after` alone reaches up to
 * now; a `before` without an `after`, or not later than it, is not used (the link repair says
 * so). The page and the browser read the same link through this, so they ask the same question.
 */
export function absoluteRange(
  state: Pick<RunsAcrossViewState, "after" | "before">,
): { after: string; before: string | null } | null {
  if (state.after === null) return null;
  const before =
    state.before !== null && Date.parse(state.before) > Date.parse(state.after)
      ? state.before
      : null;
  return { after: state.after, before };
}

/** The state as its link should read: one window, and no `before` that the window does not use. */
export function withConsistentRange(state: RunsAcrossViewState): RunsAcrossViewState {
  const range = absoluteRange(state);
  return range === null
    ? { ...state, before: null }
    : { ...state, window: "24h", before: range.before };
}

export function toRunsAcrossQuery(state: RunsAcrossViewState): RunsAcrossQuery {
  const range = absoluteRange(state);
  return {
    page: state.page,
    perPage: state.per_page,
    status: state.status,
    // One window at a time: the rolling one is the default whenever an absolute one is set.
    window: range === null ? state.window : "24h",
    after: range?.after ?? null,
    before: range?.before ?? null,
    workflow: state.workflow,
    entity: state.entity,
    reason: state.reason,
    stillFailing: state.still_failing,
  };
}

/** Filters beyond the opening view's own (failed, last 24 h). */
export function hasRunsAcrossFilters(state: RunsAcrossViewState): boolean {
  return (
    state.workflow !== null || state.entity !== null || state.reason !== null || state.still_failing
  );
}

/**
 * The same runs in one workflow's own view, as its query: the window as the rolling `after` that
 * view writes (`24h` here is `after=-24h` there), and the status when exactly one is chosen (that
 * view filters on one status at most).
 */
export function workflowRunsSearch(
  state: Pick<RunsAcrossViewState, "status" | "window" | "after" | "before">,
): string {
  // Written out rather than through that view's serializer, whose module (its parser map) the
  // browser would then load on /runs too; the unit test reads the result back with that map.
  const search = new URLSearchParams();
  const statuses = statusesOf(state.status);
  if (statuses.length === 1 && statuses[0]) search.set("status", statuses[0]);
  // That view has no upper bound: an absolute window opens there from its start.
  search.set("after", absoluteRange(state)?.after ?? `-${state.window}`);
  return `?${search}`;
}
