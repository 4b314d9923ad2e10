import type { IncomingMessage, ServerResponse } from "node:http";
import {
  isValidLatencyByWorkflow,
  isValidLatencyMs,
  MAX_LATENCY_BY_WORKFLOW_ENTRIES,
  MAX_LATENCY_MS,
} from "./emulator-options";
import { sendEmpty, sendError, sendJson } from "./http-response";
import type { RequestLog } from "./request-log";

// /__emulator/*: test controls. Outside the API prefix and keyless by design; the API router
// never sees these paths, so no key and no API path can reach them.

export const ADMIN_PREFIX = "/__emulator/";

const MAX_BODY_BYTES = 16 * 1024;

export interface AdminContext {
  log: RequestLog;
  /** Clears the request log, rate-limit counters and flaky-fault state. */
  resetAll: () => void;
  getLatencyMs: () => number;
  setLatencyMs: (ms: number) => void;
  getLatencyByWorkflow: () => Record<string, number>;
  /** Replaces the whole map; `{}` clears it. */
  setLatencyByWorkflow: (byId: Record<string, number>) => void;
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
    default:
      return sendError(res, 404, "not_found", "No such emulator endpoint");
  }
}

async function updateConfig(
  req: IncomingMessage,
  res: ServerResponse,
  context: AdminContext,
): Promise<void> {
  const text = await readBody(req);
  let body: unknown;
  try {
    body = text === null ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
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

function currentConfig(context: AdminContext) {
  return { latencyMs: context.getLatencyMs(), latencyByWorkflow: context.getLatencyByWorkflow() };
}

/** The body as text, or null when it is larger than any valid config. */
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
