import type { WorkflowRecord } from "./data/dataset";
import { toDetail, toListItem } from "./data/workflow-view";
import { parseLogsQuery, parseWorkflowListQuery } from "./query-params";
import type { QueryValues } from "./query-params";

// What the API answers once a call has passed auth, rate limits and scope: pure functions of the
// data and an instant. The router sends them; the replay admin endpoint recomputes them for a
// recorded call at the instant it was answered, which gives the same body byte for byte.

export interface ApiAnswer {
  status: number;
  body: unknown;
}

export type Decorate = (body: { data: unknown; meta?: object }) => object;

export function errorAnswer(status: number, code: string, message: string): ApiAnswer {
  return { status, body: { error: { code, message } } };
}

export function workflowListAnswer(
  listed: readonly WorkflowRecord[],
  query: QueryValues,
  asOfMs: number,
): ApiAnswer {
  const parsed = parseWorkflowListQuery(query);
  if (!parsed.ok) return errorAnswer(400, "validation_error", parsed.message);
  const { page, perPage, enabled, conditionEntity, search } = parsed.value;
  const needle = search?.toLowerCase();
  const matching = listed.filter(
    (record) =>
      (enabled === undefined || record.enabled === enabled) &&
      (conditionEntity === undefined || record.spec.conditionEntity === conditionEntity) &&
      (needle === undefined || record.spec.name.toLowerCase().includes(needle)),
  );
  const offset = (page - 1) * perPage;
  return {
    status: 200,
    body: {
      data: {
        workflows: matching
          .slice(offset, offset + perPage)
          .map((record) => toListItem(record, asOfMs)),
      },
      meta: { page, per_page: perPage, total: matching.length },
    },
  };
}

/** Deleted workflows stay readable through their logs but are gone as objects. */
export function workflowAnswer(
  record: WorkflowRecord | undefined,
  asOfMs: number,
  decorate?: Decorate,
): ApiAnswer {
  if (record === undefined || record.spec.lifecycle.kind === "deleted") {
    return errorAnswer(404, "not_found", "Workflow not found");
  }
  const body = { data: toDetail(record, asOfMs) };
  return { status: 200, body: decorate === undefined ? body : decorate(body) };
}

/** Query errors come before "not found", so a bad query on an unknown id is still a 400. */
export function logsAnswer(
  record: WorkflowRecord | undefined,
  query: QueryValues,
  asOfMs: number,
  decorate?: Decorate,
): ApiAnswer {
  const parsed = parseLogsQuery(query);
  if (!parsed.ok) return errorAnswer(400, "validation_error", parsed.message);
  if (record === undefined) return errorAnswer(404, "not_found", "Workflow not found");
  const { page, perPage, status, afterMs } = parsed.value;
  const selected = record.runs.page(
    { status, afterSec: afterMs === undefined ? undefined : Math.ceil(afterMs / 1000) },
    (page - 1) * perPage,
    perPage,
    asOfMs,
  );
  const body = {
    data: { logs: selected.entries },
    meta: { page, per_page: perPage, total: selected.total },
  };
  return { status: 200, body: decorate === undefined ? body : decorate(body) };
}
