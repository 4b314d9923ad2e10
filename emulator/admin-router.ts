import type { IncomingMessage, ServerResponse } from "node:http";
import { isValidLatencyMs, MAX_LATENCY_MS } from "./emulator-options";
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
      if (method === "GET") return sendJson(res, 200, { latencyMs: context.getLatencyMs() });
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
  const latencyMs =
    typeof body === "object" && body !== null
      ? (body as Record<string, unknown>).latencyMs
      : undefined;
  if (!isValidLatencyMs(latencyMs)) {
    return sendError(
      res,
      400,
      "validation_error",
      `Body must be JSON { "latencyMs": number } with latencyMs from 0 to ${MAX_LATENCY_MS}`,
    );
  }
  context.setLatencyMs(latencyMs);
  sendJson(res, 200, { latencyMs });
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
