import { ENTITY_TYPES, RUN_STATUSES } from "./wire-types";
import type { EntityType, RunStatus } from "./wire-types";
import { parseIsoInstant } from "./parse-iso-instant";

// Query-string validation for the two list endpoints. A bad value is a 400 naming the parameter,
// never a silent default: the dashboard must never send one, and tests assert that it does not.

/** Null-prototype so a parameter named `__proto__` or `constructor` is just data. */
export type QueryValues = Record<string, string[]>;

export function parseQueryString(rawQuery: string): QueryValues {
  const values: QueryValues = Object.create(null) as QueryValues;
  for (const [name, value] of new URLSearchParams(rawQuery)) {
    (values[name] ??= []).push(value);
  }
  return values;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; message: string };

export interface Paging {
  page: number;
  perPage: number;
}

export interface WorkflowListQuery extends Paging {
  enabled?: boolean;
  conditionEntity?: EntityType;
  search?: string;
}

export interface LogsQuery extends Paging {
  status?: RunStatus;
  /** Inclusive lower bound on `triggered_at`, in epoch milliseconds. */
  afterMs?: number;
}

export const DEFAULT_PER_PAGE = 25;
export const MAX_PER_PAGE = 100;

const DIGITS = /^\d{1,15}$/;

class InvalidParameter extends Error {}

export function parseWorkflowListQuery(query: QueryValues): Validated<WorkflowListQuery> {
  return validate(() => {
    const params = singleValues(query, [
      "page",
      "per_page",
      "enabled",
      "condition_entity",
      "search",
    ]);
    const result: WorkflowListQuery = readPaging(params);
    const enabled = params.get("enabled");
    if (enabled !== undefined) {
      if (enabled !== "true" && enabled !== "false") {
        throw new InvalidParameter("Invalid 'enabled': must be true or false");
      }
      result.enabled = enabled === "true";
    }
    const entity = params.get("condition_entity");
    if (entity !== undefined) {
      result.conditionEntity = oneOf(entity, ENTITY_TYPES, "condition_entity");
    }
    const search = params.get("search");
    if (search !== undefined && search !== "") result.search = search;
    return result;
  });
}

export function parseLogsQuery(query: QueryValues): Validated<LogsQuery> {
  return validate(() => {
    const params = singleValues(query, ["page", "per_page", "status", "after"]);
    const result: LogsQuery = readPaging(params);
    const status = params.get("status");
    if (status !== undefined) result.status = oneOf(status, RUN_STATUSES, "status");
    const after = params.get("after");
    if (after !== undefined) {
      const afterMs = parseIsoInstant(after);
      if (afterMs === null) {
        throw new InvalidParameter(
          "Invalid 'after': must be an ISO 8601 date (2026-04-17) or date-time with a time zone (2026-04-17T09:31:00Z)",
        );
      }
      result.afterMs = afterMs;
    }
    return result;
  });
}

function validate<T>(read: () => T): Validated<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof InvalidParameter) return { ok: false, message: error.message };
    throw error;
  }
}

/** Known parameters given once each; unknown parameters are ignored, as most APIs do. */
function singleValues(query: QueryValues, known: readonly string[]): Map<string, string> {
  const params = new Map<string, string>();
  for (const name of known) {
    const values = query[name];
    if (values === undefined) continue;
    const [value, ...rest] = values;
    if (value === undefined) continue;
    if (rest.length > 0) throw new InvalidParameter(`Invalid '${name}': given more than once`);
    params.set(name, value);
  }
  return params;
}

function readPaging(params: Map<string, string>): Paging {
  const page = readInteger(params.get("page"), "page", 1, Number.MAX_SAFE_INTEGER, 1);
  const perPage = readInteger(
    params.get("per_page"),
    "per_page",
    1,
    MAX_PER_PAGE,
    DEFAULT_PER_PAGE,
  );
  return { page, perPage };
}

function readInteger(
  text: string | undefined,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (text === undefined) return fallback;
  const value = DIGITS.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `between ${min} and ${max}`;
    throw new InvalidParameter(`Invalid '${name}': must be an integer ${range}`);
  }
  return value;
}

function oneOf<T extends string>(text: string, allowed: readonly T[], name: string): T {
  const found = allowed.find((candidate) => candidate === text);
  if (found === undefined) {
    throw new InvalidParameter(`Invalid '${name}': must be one of ${allowed.join(", ")}`);
  }
  return found;
}
