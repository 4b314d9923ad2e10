import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiAnswer } from "./api-answers";
import { MAX_BURST_RUNS, parseBurstBody } from "./burst-body";
import type { BurstRequest } from "./burst-body";
import {
  isValidLatencyByWorkflow,
  isValidLatencyMs,
  MAX_LATENCY_BY_WORKFLOW_ENTRIES,
  MAX_LATENCY_MS,
} from "./emulator-options";
import { sendEmpty, sendError, sendJson } from "./http-response";
import type { RequestLog } from "./request-log";
import type { LogEntry } from "./wire-types";

// /__emulator/*: test controls. Outside the API prefix and keyless by design; the API router
// never sees these paths, so no key and no API path can reach them.

export const ADMIN_PREFIX = "/__emulator/";

const MAX_BODY_BYTES = 16 * 1024;

export type BurstOutcome =
  { ok: true; runs: LogEntry[] } | { ok: false; status: 404 | 409 | 400; message: string };

export type ReplayOutcome = { replayable: false } | { replayable: true; answer: ApiAnswer };

export interface AdminContext {
  log: RequestLog;
  /** Clears the request log, rate-limit counters and flaky-fault state. */
  resetAll: () => void;
  getLatencyMs: () => number;
  setLatencyMs: (ms: number) => void;
  getLatencyByWorkflow: () => Record<string, number>;
  /** Replaces the whole map; `{}` clears it. */
  setLatencyByWorkflow: (byId: Record<string, number>) => void;
  /** Adds runs that complete now to one workflow. */
  addRuns: (burst: BurstRequest) => BurstOutcome;
  /** null: no such call in the log (never made, or pushed out of it). */
  replay: (seq: number) => ReplayOutcome | null;
}

export async function handleAdminRequest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  context: AdminContext,
): Promise<void> {
  const method = req.method ?? "GET";
  switch (path) {
    case "/__emulator/requests":
      if (method === "GET") return sendJson(res, 200, { requests: context.log.entries() });
      if (method === "DELETE") {
        context.log.clear();
        return sendEmpty(res, 204);
      }
      return methodNotAllowed(res, "GET, DELETE");
    case "/__emulator/reset":
      if (method !== "POST") return methodNotAllowed(res, "POST");
      context.resetAll();
      return sendEmpty(res, 204);
    case "/__emulator/config":
      if (method === "GET") return sendJson(res, 200, currentConfig(context));
      if (method !== "POST") return methodNotAllowed(res, "GET, POST");
      return updateConfig(req, res, context);
    case "/__emulator/runs":
      if (method !== "POST") return methodNotAllowed(res, "POST");
      return addRuns(req, res, context);
    case "/__emulator/replay":
      if (method !== "POST") return methodNotAllowed(res, "POST");
      return replay(req, res, context);
    default:
      return sendError(res, 404, "not_found", "No such emulator endpoint");
  }
}

async function updateConfig(
  req: IncomingMessage,
  res: ServerResponse,
  context: AdminContext,
): Promise<void> {
  const body = await readJsonBody(req);
  const fields =
    typeof body === "object" && body !== null ? (body as Record<string, unknown>) : undefined;
  const { latencyMs, latencyByWorkflow } = fields ?? {};
  // Each field is optional and left as it was when absent, but at least one must be there and
  // every one that is there must be valid: nothing is applied from a half-valid body.
  if (
    fields === undefined ||
    (latencyMs === undefined && latencyByWorkflow === undefined) ||
    (latencyMs !== undefined && !isValidLatencyMs(latencyMs)) ||
    (latencyByWorkflow !== undefined && !isValidLatencyByWorkflow(latencyByWorkflow))
  ) {
    return sendError(
      res,
      400,
      "validation_error",
      `Body must be JSON { "latencyMs"?: number, "latencyByWorkflow"?: { "<workflow id>": number } } ` +
        `with at least one of them, every latency from 0 to ${MAX_LATENCY_MS} and at most ` +
        `${MAX_LATENCY_BY_WORKFLOW_ENTRIES} workflow ids`,
    );
  }
  if (latencyMs !== undefined) context.setLatencyMs(latencyMs);
  if (latencyByWorkflow !== undefined) context.setLatencyByWorkflow(latencyByWorkflow);
  sendJson(res, 200, currentConfig(context));
}

async function addRuns(
  req: IncomingMessage,
  res: ServerResponse,
  context: AdminContext,
): Promise<void> {
  const parsed = parseBurstBody(await readJsonBody(req));
  if (!parsed.ok) {
    return sendError(
      res,
      400,
      "validation_error",
      `${parsed.message}. Body: { "workflow_id": "wf_…", "runs": [{ "status": "success" | "failed" | ` +
        `"skipped", "count"?, "error_code"?, "error_message"?, "skip_reason"?, "entity_id"?, ` +
        `"duration_ms"? }] }, at most ${MAX_BURST_RUNS} runs`,
    );
  }
  const outcome = context.addRuns(parsed.value);
  if (!outcome.ok)
    return sendError(res, outcome.status, errorCodeOf(outcome.status), outcome.message);
  sendJson(res, 201, { runs: outcome.runs });
}

function errorCodeOf(status: 400 | 404 | 409): string {
  return status === 404 ? "not_found" : status === 409 ? "conflict" : "validation_error";
}

async function replay(req: IncomingMessage, res: ServerResponse, context: AdminContext) {
  const body = await readJsonBody(req);
  const seq =
    typeof body === "object" && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>).seq
      : undefined;
  if (typeof seq !== "number" || !Number.isSafeInteger(seq) || seq < 1) {
    return sendError(res, 400, "validation_error", 'Body must be JSON { "seq": <a request seq> }');
  }
  const outcome = context.replay(seq);
  if (outcome === null) {
    return sendError(res, 404, "not_found", `No request ${seq} in the log`);
  }
  if (!outcome.replayable) {
    return sendError(
      res,
      409,
      "conflict",
      `Request ${seq} got no data answer (refused first, a fault id, or still in flight)`,
    );
  }
  sendJson(res, 200, outcome.answer);
}

function currentConfig(context: AdminContext) {
  return { latencyMs: context.getLatencyMs(), latencyByWorkflow: context.getLatencyByWorkflow() };
}

/** The parsed JSON body, or undefined when it is not JSON or larger than any valid body. */
async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The body as text, or null when it is larger than any valid body. */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Drain an oversized body rather than stop reading: stopping would destroy the socket before
  // the 400 is written.
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size <= MAX_BODY_BYTES) chunks.push(buffer);
  }
  return size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString("utf8");
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  sendError(res, 405, "method_not_allowed", `Use ${allow} on this endpoint`, { Allow: allow });
}
