import type { BurstRunSpec } from "./data/live-runs";
import { WORKFLOW_ID } from "./emulator-options";
import type { Validated } from "./query-params";
import { RUN_STATUSES } from "./wire-types";
import type { RunStatus, SkipReason } from "./wire-types";

// The body of POST /__emulator/runs, checked field by field like the other admin bodies: a typo
// ("errorCode") or a value LeadLex could not produce is a 400 naming it, and nothing is added.

export interface BurstRequest {
  workflowId: string;
  runs: BurstRunSpec[];
}

export const MAX_BURST_RUNS = 1_000;
export const MAX_BURST_DURATION_MS = 3_600_000;

const SKIP_REASONS: readonly SkipReason[] = [
  "condition_not_met",
  "duplicate_event",
  "daily_cap_reached",
  "workflow_disabled",
];
const ERROR_CODE = /^[a-z][a-z0-9_]{0,63}$/;
const ENTITY_ID = /^[a-z]+_[A-Za-z0-9]{1,64}$/;
const MAX_MESSAGE_LENGTH = 500;
const RUN_FIELDS = new Set([
  "status",
  "count",
  "error_code",
  "error_message",
  "skip_reason",
  "entity_id",
  "duration_ms",
]);

class InvalidBurst extends Error {}

export function parseBurstBody(body: unknown): Validated<BurstRequest> {
  try {
    return { ok: true, value: readBurst(body) };
  } catch (error) {
    if (error instanceof InvalidBurst) return { ok: false, message: error.message };
    throw error;
  }
}

function readBurst(body: unknown): BurstRequest {
  const fields = asObject(body, "the body");
  const unknown = Object.keys(fields).filter((name) => name !== "workflow_id" && name !== "runs");
  if (unknown.length > 0) throw new InvalidBurst(`Unknown field '${unknown[0]}'`);
  const { workflow_id: workflowId, runs } = fields;
  if (typeof workflowId !== "string" || !WORKFLOW_ID.test(workflowId)) {
    throw new InvalidBurst("'workflow_id' must be a workflow id such as wf_01HY1");
  }
  if (!Array.isArray(runs) || runs.length === 0) {
    throw new InvalidBurst("'runs' must be a non-empty array of runs");
  }
  const specs: BurstRunSpec[] = [];
  runs.forEach((item, index) => {
    const { spec, count } = readRun(item, `runs[${index}]`);
    if (specs.length + count > MAX_BURST_RUNS) {
      throw new InvalidBurst(`A burst adds at most ${MAX_BURST_RUNS} runs`);
    }
    for (let i = 0; i < count; i++) specs.push(spec);
  });
  return { workflowId, runs: specs };
}

function readRun(item: unknown, where: string): { spec: BurstRunSpec; count: number } {
  const fields = asObject(item, `'${where}'`);
  const unknown = Object.keys(fields).find((name) => !RUN_FIELDS.has(name));
  if (unknown !== undefined) throw new InvalidBurst(`Unknown field '${where}.${unknown}'`);
  const status = fields.status;
  if (typeof status !== "string" || !(RUN_STATUSES as readonly string[]).includes(status)) {
    throw new InvalidBurst(`'${where}.status' must be one of ${RUN_STATUSES.join(", ")}`);
  }
  const spec: BurstRunSpec = { status: status as RunStatus };
  const count = integerField(fields, "count", where, 1, MAX_BURST_RUNS) ?? 1;

  const onlyFor = (name: string, wanted: RunStatus) => {
    if (fields[name] !== undefined && status !== wanted) {
      throw new InvalidBurst(`'${where}.${name}' is only for ${wanted} runs`);
    }
  };
  onlyFor("error_code", "failed");
  onlyFor("error_message", "failed");
  onlyFor("skip_reason", "skipped");
  const { error_code: code, error_message: message, skip_reason: reason } = fields;
  if (code !== undefined) {
    if (typeof code !== "string" || !ERROR_CODE.test(code)) {
      throw new InvalidBurst(`'${where}.error_code' must be snake_case, e.g. channel_not_found`);
    }
    spec.errorCode = code;
  }
  if (message !== undefined) {
    if (typeof message !== "string" || message === "" || message.length > MAX_MESSAGE_LENGTH) {
      throw new InvalidBurst(
        `'${where}.error_message' must be text of 1 to ${MAX_MESSAGE_LENGTH} characters`,
      );
    }
    spec.errorMessage = message;
  }
  if (reason !== undefined) {
    if (typeof reason !== "string" || !(SKIP_REASONS as readonly string[]).includes(reason)) {
      throw new InvalidBurst(`'${where}.skip_reason' must be one of ${SKIP_REASONS.join(", ")}`);
    }
    spec.skipReason = reason as SkipReason;
  }
  const entityId = fields.entity_id;
  if (entityId !== undefined) {
    if (typeof entityId !== "string" || !ENTITY_ID.test(entityId)) {
      throw new InvalidBurst(`'${where}.entity_id' must look like deal_01HY1`);
    }
    spec.entityId = entityId;
  }
  const durationMs = integerField(fields, "duration_ms", where, 0, MAX_BURST_DURATION_MS);
  if (durationMs !== undefined) spec.durationMs = durationMs;
  return { spec, count };
}

function integerField(
  fields: Record<string, unknown>,
  name: string,
  where: string,
  min: number,
  max: number,
): number | undefined {
  const value = fields[name];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidBurst(`'${where}.${name}' must be an integer from ${min} to ${max}`);
  }
  return value;
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InvalidBurst(`${what} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}
