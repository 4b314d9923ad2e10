import type { IncomingMessage, ServerResponse } from "node:http";
import { abortableDelay } from "./abortable-delay";
import { READ_WORKFLOWS } from "./api-keys";
import type { KeyResolution, PlanName } from "./api-keys";
import type { Clock } from "./clock";
import { logsAnswer, workflowAnswer, workflowListAnswer } from "./api-answers";
import type { ApiAnswer } from "./api-answers";
import type { Dataset } from "./data/dataset";
import type { FaultAction, FaultRegistry, FaultTarget } from "./faults";
import { sendBody, sendEmpty, sendError, sendJson, setQuotaHeaders } from "./http-response";
import type { QueryValues } from "./query-params";
import type { Limits, RateLimiter } from "./rate-limiter";

// The LeadLex API itself. Checks run in the order our contract fixes (the docs are silent):
// auth (401) -> rate limit (429) -> scope (403) -> query validation (400) -> not found (404).

export const API_PREFIX = "/functions/v1/api-gateway";

export interface ApiContext {
  clock: Clock;
  dataset: Dataset;
  faults: FaultRegistry;
  limiter: RateLimiter;
  limitsFor: (plan: PlanName) => Limits;
  latencyMs: () => number;
  /** Extra latency for calls about one workflow (its object and its logs), on top of latencyMs. */
  workflowLatencyMs: (id: string) => number;
}

export interface ApiRequest {
  req: IncomingMessage;
  res: ServerResponse;
  /** Path below API_PREFIX, still percent-encoded. */
  apiPath: string;
  query: QueryValues;
  auth: KeyResolution;
  /** Aborts when the client goes away or the emulator closes. */
  signal: AbortSignal;
  /** Told the clock instant a data answer was computed for, so it can be replayed exactly. */
  answeredAsOf: (clockMs: number) => void;
}

export type Route = { kind: "list" } | { kind: FaultTarget; id: string };

export async function handleApiRequest(request: ApiRequest, context: ApiContext): Promise<void> {
  const { req, res, auth } = request;
  const route = matchRoute(request.apiPath);
  const latencyMs =
    context.latencyMs() +
    (route === null || route.kind === "list" ? 0 : context.workflowLatencyMs(route.id));
  if (!(await abortableDelay(latencyMs, request.signal))) return;
  const nowMs = context.clock.nowMs();

  if (req.method !== "GET") {
    if (auth.kind === "known" && !auth.key.expired) {
      setQuotaHeaders(
        res,
        context.limiter.peek(auth.label, context.limitsFor(auth.key.plan), nowMs),
      );
    }
    sendError(res, 405, "method_not_allowed", "Only GET is supported on this endpoint", {
      Allow: "GET",
    });
    return;
  }
  if (auth.kind === "missing") {
    sendError(
      res,
      401,
      "invalid_key",
      "Missing or malformed Authorization header; expected 'Bearer <key>'",
    );
    return;
  }
  if (auth.kind === "unknown") {
    sendError(res, 401, "invalid_key", "Invalid API key");
    return;
  }
  const { key } = auth;
  if (key.expired) {
    sendError(
      res,
      401,
      "invalid_key",
      "This API key has expired; create a new key in LeadLex settings",
    );
    return;
  }

  const decision = context.limiter.consume(key.label, context.limitsFor(key.plan), nowMs);
  setQuotaHeaders(res, decision.headers);
  if (!decision.allowed) {
    const message =
      decision.window === "day"
        ? `Daily quota of ${decision.headers.limit} requests used up; it resets at midnight UTC`
        : "Rate limit exceeded: too many requests this minute";
    sendError(res, 429, "rate_limited", message, { "Retry-After": String(decision.retryAfterSec) });
    return;
  }
  if (!key.scopes.includes(READ_WORKFLOWS)) {
    sendError(res, 403, "insufficient_permissions", `Missing ${READ_WORKFLOWS} permission`);
    return;
  }

  if (route === null) {
    sendError(res, 404, "not_found", "No such endpoint");
    return;
  }
  const workspace = context.dataset.workspaces[key.workspaceId];
  if (route.kind === "list") {
    send(request, workflowListAnswer(workspace.listed, request.query, nowMs), nowMs);
    return;
  }
  const fault = context.faults.resolve(route.id, route.kind, key.label);
  if (fault !== null) {
    await applyFault(fault, route.kind, request, context.clock);
    return;
  }
  const record = workspace.byId.get(route.id);
  const answer =
    route.kind === "workflow"
      ? workflowAnswer(record, nowMs)
      : logsAnswer(record, request.query, nowMs);
  send(request, answer, nowMs);
}

function send(request: ApiRequest, answer: ApiAnswer, asOfMs: number): void {
  request.answeredAsOf(asOfMs);
  sendJson(request.res, answer.status, answer.body);
}

export function matchRoute(apiPath: string): Route | null {
  const segments = apiPath.split("/");
  if (segments[0] !== "" || segments[1] !== "v1" || segments[2] !== "workflows") return null;
  if (segments.length === 3) return { kind: "list" };
  const id = decodeSegment(segments[3]);
  if (id === null || id === "") return null;
  if (segments.length === 4) return { kind: "workflow", id };
  if (segments.length === 5 && segments[4] === "logs") return { kind: "logs", id };
  return null;
}

function decodeSegment(segment: string | undefined): string | null {
  if (segment === undefined) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

async function applyFault(
  fault: FaultAction,
  target: FaultTarget,
  request: ApiRequest,
  clock: Clock,
): Promise<void> {
  const { res } = request;
  switch (fault.kind) {
    case "error":
      sendError(res, fault.status, fault.code, fault.message, fault.headers);
      return;
    case "raw":
      sendBody(res, fault.status, fault.contentType, fault.body);
      return;
    case "redirect":
      sendEmpty(res, 302, { Location: fault.location });
      return;
    case "hang":
      // Never answer; the connection ends when the client gives up or the emulator closes.
      return;
    case "reset":
      request.req.socket.destroy();
      return;
    case "serve": {
      if (!(await abortableDelay(fault.delayMs, request.signal))) return;
      // Not replayable: a fault's answer is not the workspace's data.
      const nowMs = clock.nowMs();
      const answer =
        target === "logs"
          ? logsAnswer(fault.record, request.query, nowMs, fault.decorate)
          : workflowAnswer(fault.record, nowMs, fault.decorate);
      sendJson(res, answer.status, answer.body);
      return;
    }
  }
}
