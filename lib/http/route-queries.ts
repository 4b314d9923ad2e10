import "server-only";
import { AppError } from "@/lib/model/app-error";
import { isExportFormat, type ExportFormat } from "@/lib/export/export-format";
import {
  DEFAULT_PER_PAGE,
  MAX_PAGE,
  MAX_PER_PAGE,
  MAX_SEARCH_LENGTH,
  type LogsQuery,
} from "@/lib/model/queries";
import { isEntityId } from "@/lib/model/entity-id";
import { notARecordId } from "@/lib/model/not-a-record-id";
import { isRunStatus, type RunStatus } from "@/lib/model/run";
import { entityTypes } from "@/lib/model/workflow";
import { readRecordWindow, type RecordHistoryQuery } from "@/lib/url-state/record-view-state";
import {
  absoluteRange,
  readInstant,
  readReason,
  readStatusList,
  readWindow,
  readWorkflowList,
  type RunsAcrossQuery,
} from "@/lib/url-state/runs-across-view-state";
import { isEntityType, readEntity } from "@/lib/url-state/shared-readers";
import { readSearch } from "@/lib/url-state/workflows-view-state";
import type { WorkflowListQuery } from "@/lib/workflows/workflow-list";
import { rejectUnknownParameters, singleValues, strictInteger } from "./strict-query";

/**
 * The query strings of our own route handlers, read strictly: the parameters of the page URL they
 * serve, in the canonical form the browser code writes. Range and date checks happen in the
 * gateway's schema, which reports the parameter by name.
 */

const WORKFLOWS_PARAMETERS = [
  "page",
  "per_page",
  "enabled",
  "entity",
  "q",
  "sort",
  "health",
] as const;

/**
 * `GET /api/workflows`: `page`, `per_page`, `enabled`, `entity`, `q`, `sort` (`attention`), and
 * `health=load` when a person asked for the health figures the list held back.
 */
export function readWorkflowsRouteQuery(searchParams: URLSearchParams): {
  query: WorkflowListQuery;
  loadHealth: boolean;
} {
  rejectUnknownParameters(searchParams, WORKFLOWS_PARAMETERS);
  const raw = singleValues(searchParams, WORKFLOWS_PARAMETERS);
  if (raw.enabled !== undefined && raw.enabled !== "true" && raw.enabled !== "false") {
    throw new AppError("bad_request", {
      message: 'The parameter "enabled" must be true or false.',
    });
  }
  if (raw.entity !== undefined && !isEntityType(raw.entity)) {
    throw new AppError("bad_request", {
      message: `The parameter "entity" must be one of: ${entityTypes.join(", ")}.`,
    });
  }
  // The page's URL parser repairs a search; here it must already be in its repaired form.
  if (raw.q !== undefined && readSearch(raw.q) !== raw.q) {
    throw new AppError("bad_request", {
      message: `The parameter "q" must be 1 to ${MAX_SEARCH_LENGTH} characters, without control characters or surrounding spaces.`,
    });
  }
  if (raw.sort !== undefined && raw.sort !== "attention") {
    throw new AppError("bad_request", { message: 'The parameter "sort" must be attention.' });
  }
  if (raw.health !== undefined && raw.health !== "load") {
    throw new AppError("bad_request", { message: 'The parameter "health" must be load.' });
  }
  return {
    query: {
      page: strictInteger(raw.page, "page", 1),
      perPage: strictInteger(raw.per_page, "per_page", DEFAULT_PER_PAGE),
      enabled: raw.enabled === undefined ? null : raw.enabled === "true",
      entity: raw.entity ?? null,
      search: raw.q ?? null,
      sort: raw.sort ?? null,
    },
    loadHealth: raw.health === "load",
  };
}

const LOGS_PARAMETERS = ["page", "per_page", "status", "after"] as const;

/** `GET /api/workflows/{id}/logs`: `page`, `per_page`, `status`, `after`. */
export function readLogsRouteQuery(searchParams: URLSearchParams): LogsQuery {
  rejectUnknownParameters(searchParams, LOGS_PARAMETERS);
  const raw = singleValues(searchParams, LOGS_PARAMETERS);
  if (raw.status !== undefined && !isRunStatus(raw.status)) {
    throw new AppError("bad_request", {
      message: 'The parameter "status" must be success, failed or skipped.',
    });
  }
  return {
    page: strictInteger(raw.page, "page", 1),
    perPage: strictInteger(raw.per_page, "per_page", DEFAULT_PER_PAGE),
    status: raw.status ?? null,
    after: raw.after ?? null,
  };
}

const RUNS_ACROSS_PARAMETERS = [
  "page",
  "per_page",
  "status",
  "window",
  "after",
  "before",
  "workflow",
  "entity",
  "reason",
  "still_failing",
  "fill",
] as const;

/**
 * `GET /api/runs`: the `/runs` view's parameters in their canonical form (`fill=confirm` starts a
 * fill whose cost the view showed and the person accepted, `fill=cancel` stops the running one).
 */
export function readRunsAcrossRouteQuery(searchParams: URLSearchParams): {
  query: RunsAcrossQuery;
  fill: "confirm" | "cancel" | null;
} {
  rejectUnknownParameters(searchParams, RUNS_ACROSS_PARAMETERS);
  const raw = singleValues(searchParams, RUNS_ACROSS_PARAMETERS);
  // The page's parsers repair a link; here a value must already be in its repaired form.
  const canonical = <T>(
    name: string,
    value: string | undefined,
    read: (raw: string) => T | null,
  ): T | null => {
    if (value === undefined) return null;
    const parsed = read(value);
    if (parsed === null || String(parsed) !== value) {
      throw new AppError("bad_request", { message: `The parameter "${name}" is not valid here.` });
    }
    return parsed;
  };
  const { page, perPage } = strictPaging(raw);
  const stillFailing = raw.still_failing;
  if (stillFailing !== undefined && stillFailing !== "1" && stillFailing !== "0") {
    throw new AppError("bad_request", { message: 'The parameter "still_failing" must be 1 or 0.' });
  }
  if (raw.fill !== undefined && raw.fill !== "confirm" && raw.fill !== "cancel") {
    throw new AppError("bad_request", {
      message: 'The parameter "fill" must be confirm or cancel.',
    });
  }
  const after = canonical("after", raw.after, readInstant);
  const before = canonical("before", raw.before, readInstant);
  // The browser writes one window: rolling, or `after` with a later `before` (or none).
  if (after !== null && raw.window !== undefined) {
    throw new AppError("bad_request", {
      message: 'The parameters "window" and "after" cannot be used together.',
    });
  }
  if (before !== null && absoluteRange({ after, before })?.before !== before) {
    throw new AppError("bad_request", {
      message: 'The parameter "before" needs an "after" earlier than it.',
    });
  }
  return {
    query: {
      page,
      perPage,
      status: canonical("status", raw.status, readStatusList) ?? "failed",
      window: canonical("window", raw.window, readWindow) ?? "24h",
      after,
      before,
      workflow: canonical("workflow", raw.workflow, readWorkflowList),
      entity: canonical("entity", raw.entity, readEntity),
      reason: canonical("reason", raw.reason, readReason),
      stillFailing: stillFailing === "1",
    },
    fill: raw.fill ?? null,
  };
}

const EXPORT_PARAMETERS = ["format", "status", "after", "estimate", "confirm"] as const;

export interface ExportRouteQuery {
  /** Null for `estimate=1`: the cost is asked, not the file. */
  format: ExportFormat | null;
  status: RunStatus | null;
  after: string | null;
  confirmed: boolean;
}

/**
 * `GET /api/workflows/{id}/export`: `format` (csv or jsonl) or `estimate=1`, the runs view's
 * `status` and `after` as LeadLex takes them, and `confirm=1` once the cost was shown and accepted.
 */
export function readExportRouteQuery(searchParams: URLSearchParams): ExportRouteQuery {
  rejectUnknownParameters(searchParams, EXPORT_PARAMETERS);
  const raw = singleValues(searchParams, EXPORT_PARAMETERS);
  if (raw.status !== undefined && !isRunStatus(raw.status)) {
    throw new AppError("bad_request", {
      message: 'The parameter "status" must be success, failed or skipped.',
    });
  }
  const estimate = raw.estimate === "1";
  if (!estimate && (raw.format === undefined || !isExportFormat(raw.format))) {
    throw new AppError("bad_request", {
      message: 'The parameter "format" must be csv or jsonl (or ask for estimate=1).',
    });
  }
  for (const flag of ["estimate", "confirm"] as const) {
    if (raw[flag] !== undefined && raw[flag] !== "1") {
      throw new AppError("bad_request", { message: `The parameter "${flag}" must be 1.` });
    }
  }
  return {
    format: estimate ? null : (raw.format as ExportFormat),
    status: raw.status ?? null,
    after: raw.after ?? null,
    confirmed: raw.confirm === "1",
  };
}

const RECORD_PARAMETERS = ["page", "per_page", "window", "fill"] as const;

/**
 * `GET /api/records/{entityId}`: the record view's parameters in their canonical form;
 * `fill=confirm` starts a fill whose cost the view showed and the person accepted,
 * `fill=cancel` stops the one running.
 */
export function readRecordRouteQuery(
  entityId: string,
  searchParams: URLSearchParams,
): { query: RecordHistoryQuery; fill: "confirm" | "cancel" | null } {
  if (!isEntityId(entityId)) throw notARecordId();
  rejectUnknownParameters(searchParams, RECORD_PARAMETERS);
  const raw = singleValues(searchParams, RECORD_PARAMETERS);
  const { page, perPage } = strictPaging(raw);
  if (raw.window !== undefined && readRecordWindow(raw.window) !== raw.window) {
    throw new AppError("bad_request", {
      message: 'The parameter "window" must be 7d, 30d or 90d.',
    });
  }
  if (raw.fill !== undefined && raw.fill !== "confirm" && raw.fill !== "cancel") {
    throw new AppError("bad_request", {
      message: 'The parameter "fill" must be confirm or cancel.',
    });
  }
  return {
    query: { entityId, window: readRecordWindow(raw.window ?? "7d") ?? "7d", page, perPage },
    fill: raw.fill ?? null,
  };
}

function strictPaging(raw: { page?: string; per_page?: string }) {
  const page = strictInteger(raw.page, "page", 1);
  const perPage = strictInteger(raw.per_page, "per_page", DEFAULT_PER_PAGE);
  if (page < 1 || page > MAX_PAGE || perPage < 1 || perPage > MAX_PER_PAGE) {
    throw new AppError("bad_request", {
      message: `The parameters "page" (1 to ${MAX_PAGE}) and "per_page" (1 to ${MAX_PER_PAGE}) are out of range.`,
    });
  }
  return { page, perPage };
}
