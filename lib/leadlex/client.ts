import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/model/app-error";
import type { RateLimitStatus } from "@/lib/model/page-meta";
import type { LogsQuery, WorkflowsQuery } from "@/lib/model/queries";
import type { RunsPage } from "@/lib/model/run";
import type { WorkflowDetail, WorkflowsPage } from "@/lib/model/workflow";
import { logsQuerySchema, workflowsQuerySchema } from "./query-schemas";
import { readRateLimit, readRequestId } from "./rate-limit-headers";
import { reshapeMeta, reshapeRun, reshapeWorkflow, reshapeWorkflowDetail } from "./reshape";
import {
  getUpstreamJson,
  type TransportDeps,
  type TransportOptions,
  type UpstreamJson,
} from "./transport";
import { assertRowsWithinPage } from "./upstream-bounds";
import { assertWorkflowId, buildUpstreamUrl, type QueryValues } from "./upstream-url";
import { wireLogListSchema, wireWorkflowGetSchema, wireWorkflowListSchema } from "./wire-schemas";

/**
 * LeadLex's three read endpoints, as typed functions. Every argument is validated again here (the
 * callers validate too), because this is the last stop before a value reaches an upstream URL.
 */

export interface LeadlexClientConfig extends TransportOptions {
  baseUrl: string;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface LeadlexClient {
  listWorkflows(
    apiKey: string,
    query: WorkflowsQuery,
    options?: CallOptions,
  ): Promise<WorkflowsPage>;
  getWorkflow(apiKey: string, id: string, options?: CallOptions): Promise<WorkflowDetail & Traced>;
  listWorkflowLogs(
    apiKey: string,
    id: string,
    query: LogsQuery,
    options?: CallOptions,
  ): Promise<RunsPage>;
}

export interface Traced {
  rateLimit: RateLimitStatus | null;
  requestId: string | null;
}

export function createLeadlexClient(
  config: LeadlexClientConfig,
  deps: TransportDeps,
): LeadlexClient {
  async function get(request: UpstreamRequestSpec, apiKey: string, options?: CallOptions) {
    const url = buildUpstreamUrl(config.baseUrl, request.segments, request.query);
    return getUpstreamJson(url, apiKey, config, deps, options?.signal);
  }

  return {
    async listWorkflows(apiKey, query, options) {
      const request = workflowsRequest(query);
      const response = await get(request, apiKey, options);
      assertRowsWithinPage(response.body, "workflows", request.perPage, response.headers);
      const body = parseBody(wireWorkflowListSchema, response);
      return {
        workflows: body.data.workflows.map(reshapeWorkflow),
        meta: reshapeMeta(body.meta),
        ...trace(response),
      };
    },

    async getWorkflow(apiKey, id, options) {
      const response = await get(workflowRequest(id), apiKey, options);
      const { data } = parseBody(wireWorkflowGetSchema, response);
      const wire = "workflow" in data ? data.workflow : data;
      return { ...reshapeWorkflowDetail(wire), ...trace(response) };
    },

    async listWorkflowLogs(apiKey, id, query, options) {
      const request = logsRequest(id, query);
      const response = await get(request, apiKey, options);
      assertRowsWithinPage(response.body, "logs", request.perPage, response.headers);
      const body = parseBody(wireLogListSchema, response);
      return {
        runs: body.data.logs.map(reshapeRun),
        meta: reshapeMeta(body.meta),
        ...trace(response),
      };
    },
  };
}

/** One upstream GET before it becomes a URL: allowlisted path segments and checked query values. */
export interface UpstreamRequestSpec {
  segments: string[];
  query: QueryValues;
}

/** Paths of identical calls are equal: the request relative to the base URL, query normalised. */
export function buildRequestPath(request: UpstreamRequestSpec): string {
  const url = buildUpstreamUrl("http://leadlex.invalid", request.segments, request.query);
  return `${url.pathname}${url.search}`;
}

/** A page of a list: the rows a body may hold are bounded by the page size asked for. */
export interface ListRequestSpec extends UpstreamRequestSpec {
  perPage: number;
}

export function workflowsRequest(query: WorkflowsQuery): ListRequestSpec {
  const valid = validate(workflowsQuerySchema, query);
  return {
    perPage: valid.perPage,
    segments: ["v1", "workflows"],
    query: {
      page: valid.page,
      per_page: valid.perPage,
      enabled: valid.enabled ?? undefined,
      condition_entity: valid.entity ?? undefined,
      search: valid.search ?? undefined,
    },
  };
}

export function workflowRequest(id: string): UpstreamRequestSpec {
  return { segments: ["v1", "workflows", assertWorkflowId(id)], query: {} };
}

export function logsRequest(id: string, query: LogsQuery): ListRequestSpec {
  const valid = validate(logsQuerySchema, query);
  return {
    perPage: valid.perPage,
    segments: ["v1", "workflows", assertWorkflowId(id), "logs"],
    query: {
      page: valid.page,
      per_page: valid.perPage,
      status: valid.status ?? undefined,
      after: valid.after ?? undefined,
    },
  };
}

function validate<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AppError("bad_request", {
      message: `Invalid ${issue?.path.join(".") || "query"}: ${issue?.message ?? "bad value"}.`,
    });
  }
  return result.data;
}

function parseBody<Schema extends z.ZodType>(
  schema: Schema,
  response: UpstreamJson,
): z.output<Schema> {
  const result = schema.safeParse(response.body);
  if (!result.success) {
    throw new AppError("upstream_invalid_response", {
      requestId: readRequestId(response.headers),
      cause: result.error,
    });
  }
  return result.data;
}

function trace(response: UpstreamJson): Traced {
  return { rateLimit: readRateLimit(response.headers), requestId: readRequestId(response.headers) };
}
