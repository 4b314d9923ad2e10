import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { ADMIN_PREFIX, handleAdminRequest } from "./admin-router";
import type { AdminContext, BurstOutcome } from "./admin-router";
import type { PlanName } from "./api-keys";
import { resolveAuthorization } from "./api-keys";
import { API_PREFIX, handleApiRequest } from "./api-router";
import type { ApiContext } from "./api-router";
import type { BurstRequest } from "./burst-body";
import { createClock } from "./clock";
import { buildDataset } from "./data/dataset";
import type { Dataset } from "./data/dataset";
import {
  assertValidOptions,
  DEFAULT_HOST,
  DEFAULT_ORG_LIMIT_PER_DAY,
  DEFAULT_ORG_LIMIT_PER_MIN,
  DEFAULT_PORT,
} from "./emulator-options";
import type { EmulatorOptions } from "./emulator-options";
import { FaultRegistry } from "./faults";
import { sendError, setQuotaHeaders, setRequestId } from "./http-response";
import { parseQueryString } from "./query-params";
import { noQuotaHeaders, RateLimiter } from "./rate-limiter";
import type { Limits } from "./rate-limiter";
import { replayAnswer } from "./replay";
import { preciseNowMs, RequestLog } from "./request-log";
import { newRequestId } from "./ulid";

// The emulator's HTTP server: splits traffic between the API, the admin endpoints and 404, and
// owns the lifecycle (sockets and in-flight waits) so close() returns even with hung requests.

export type { EmulatorOptions } from "./emulator-options";

export interface Emulator {
  listen(port?: number, host?: string): Promise<{ port: number; baseUrl: string }>;
  close(): Promise<void>;
  /** What the CLI prints on start. */
  readonly summary: { now: Date; workflows: number; runs: number };
}

const PLAN_LIMITS: Readonly<Record<Exclude<PlanName, "org">, Limits>> = {
  starter: { perMinute: 10, perDay: 100 },
  pro: { perMinute: 50, perDay: 1_000 },
};

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  assertValidOptions(options);
  const clock = options.clock ?? createClock(options.now ?? new Date());
  const dataset = buildDataset(clock.startMs);
  const faults = new FaultRegistry(clock.startMs);
  const limiter = new RateLimiter();
  const log = new RequestLog();
  const orgLimits: Limits = {
    perMinute: options.orgLimitPerMin ?? DEFAULT_ORG_LIMIT_PER_MIN,
    perDay: options.orgLimitPerDay ?? DEFAULT_ORG_LIMIT_PER_DAY,
  };
  let latencyMs = options.latencyMs ?? 0;
  // A Map, not the posted object: ids like "__proto__" or "constructor" must stay plain keys.
  let latencyByWorkflow = new Map<string, number>();

  const apiContext: ApiContext = {
    clock,
    dataset,
    faults,
    limiter,
    limitsFor: (plan) => (plan === "org" ? orgLimits : PLAN_LIMITS[plan]),
    latencyMs: () => latencyMs,
    workflowLatencyMs: (id) => latencyByWorkflow.get(id) ?? 0,
  };
  const adminContext: AdminContext = {
    log,
    resetAll: () => {
      log.clear();
      limiter.reset();
      faults.reset();
    },
    getLatencyMs: () => latencyMs,
    setLatencyMs: (ms) => {
      latencyMs = ms;
    },
    getLatencyByWorkflow: () => Object.fromEntries(latencyByWorkflow),
    setLatencyByWorkflow: (byId) => {
      latencyByWorkflow = new Map(Object.entries(byId));
    },
    addRuns: (burst) => addBurst(dataset, burst, clock.nowMs()),
    replay: (seq) => {
      const entry = log.find(seq);
      if (entry === undefined) return null;
      const answer = replayAnswer(entry, dataset);
      return answer === null ? { replayable: false } : { replayable: true, answer };
    },
  };

  const sockets = new Set<Socket>();
  // One controller per in-flight API request; aborting them all releases every pending wait.
  const inFlight = new Set<AbortController>();

  const server = createServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      console.error("emulator: request failed:", error instanceof Error ? error.message : error);
      if (!res.headersSent) sendError(res, 500, "internal_error", "Internal server error");
      else res.destroy();
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = preciseNowMs();
    const rawUrl = req.url ?? "/";
    const queryStart = rawUrl.indexOf("?");
    const path = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
    const rawQuery = queryStart === -1 ? "" : rawUrl.slice(queryStart + 1);
    const nowMs = clock.nowMs();
    const requestId = newRequestId(nowMs);
    setRequestId(res, requestId);
    setQuotaHeaders(res, noQuotaHeaders(nowMs));

    // Paths are compared raw: no dot-segment normalisation, so `/x/../__emulator` is just a 404.
    if (path === API_PREFIX || path.startsWith(API_PREFIX + "/")) {
      const auth = resolveAuthorization(req.headers.authorization);
      const query = parseQueryString(rawQuery);
      const entry = log.start({
        method: req.method ?? "GET",
        rawUrl,
        path,
        query,
        keyLabel: auth.label,
        requestId,
        startedAt,
      });
      const controller = new AbortController();
      inFlight.add(controller);
      res.once("finish", () => {
        entry.finishedAt = preciseNowMs();
        entry.status = res.statusCode;
      });
      res.once("close", () => {
        entry.finishedAt ??= preciseNowMs();
        inFlight.delete(controller);
        controller.abort();
      });
      const apiPath = path.slice(API_PREFIX.length);
      await handleApiRequest(
        {
          req,
          res,
          apiPath,
          query,
          auth,
          signal: controller.signal,
          answeredAsOf: (clockMs) => {
            entry.asOfMs = clockMs;
          },
        },
        apiContext,
      );
      return;
    }
    if (path.startsWith(ADMIN_PREFIX)) {
      await handleAdminRequest(req, res, path, adminContext);
      return;
    }
    sendError(res, 404, "not_found", "Not found");
  }

  let closing: Promise<void> | null = null;

  return {
    summary: {
      now: new Date(clock.startMs),
      workflows: dataset.listedCount,
      runs: dataset.runCount,
    },

    listen(port = DEFAULT_PORT, host = DEFAULT_HOST) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          const address = server.address() as AddressInfo;
          const hostPart = host.includes(":") ? `[${host}]` : host;
          resolve({
            port: address.port,
            baseUrl: `http://${hostPart}:${address.port}${API_PREFIX}`,
          });
        });
      });
    },

    close() {
      closing ??= new Promise<void>((resolve) => {
        // The callback also runs (with an error) when the server never listened: closed either way.
        server.close(() => resolve());
        for (const controller of inFlight) controller.abort();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

function addBurst(dataset: Dataset, burst: BurstRequest, nowMs: number): BurstOutcome {
  const record = Object.values(dataset.workspaces)
    .map((workspace) => workspace.byId.get(burst.workflowId))
    .find((found) => found !== undefined);
  if (record === undefined) {
    return { ok: false, status: 404, message: `No workflow ${burst.workflowId}` };
  }
  if (record.spec.lifecycle.kind === "deleted") {
    return {
      ok: false,
      status: 409,
      message: `${burst.workflowId} is deleted: a deleted workflow takes no new runs`,
    };
  }
  const prefix = `${record.spec.conditionEntity}_`;
  const stray = burst.runs.find(
    (run) => run.entityId !== undefined && !run.entityId.startsWith(prefix),
  );
  if (stray !== undefined) {
    return {
      ok: false,
      status: 400,
      message: `${burst.workflowId} is triggered by ${record.spec.conditionEntity} records: entity ids start with ${prefix}`,
    };
  }
  return { ok: true, runs: record.runs.addBurst(burst.runs, nowMs) };
}
