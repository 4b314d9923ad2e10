/**
 * GET /api/workflows/{id}/logs — the browser's way to page and filter runs after the first,
 * server-rendered page. Same query parameters as LeadLex (`page`, `per_page`, `status`, `after`);
 * answers with our own RunsPage DTO or our error body, never the upstream's. Served through the
 * quota layer: a repeat within the TTL costs no call, and a prefetch (`X-Runboard-Priority`) is
 * answered 429 instead of spending the last of the minute's quota. A Live poll (priority `live`)
 * asks past the cache, is held back (429) to keep quota for clicks, and its answer carries the
 * tests' poll interval when one is configured against the emulator.
 */
import type { NextRequest } from "next/server";
import { livePollIntervalOverrideMs } from "@/lib/config/server-env";
import { jsonError, jsonOk } from "@/lib/http/json-response";
import { readLogsRouteQuery } from "@/lib/http/route-queries";
import { AppError } from "@/lib/model/app-error";
import { isWorkflowId } from "@/lib/model/workflow-id";
import { PRIORITY_HEADER, readRequestPriority } from "@/lib/model/request-priority";
import { quotaLayer } from "@/lib/quota-layer";
import { readApiKey } from "@/lib/session/session";

const ROUTE = "GET /api/workflows/[id]/logs";

export async function GET(request: NextRequest, context: RouteContext<"/api/workflows/[id]/logs">) {
  try {
    const { id } = await context.params;
    if (!isWorkflowId(id)) {
      throw new AppError("bad_request", { message: "That is not a valid workflow id." });
    }
    const apiKey = await readApiKey();
    if (!apiKey) throw new AppError("not_connected");

    const priority = readRequestPriority(request.headers.get(PRIORITY_HEADER));
    const live = priority === "live";
    const page = await quotaLayer().listWorkflowLogs(
      apiKey,
      id,
      readLogsRouteQuery(request.nextUrl.searchParams),
      { signal: request.signal, priority, fresh: live },
    );
    const pollIntervalMs = live ? livePollIntervalOverrideMs() : null;
    return jsonOk(pollIntervalMs === null ? page : { ...page, livePollIntervalMs: pollIntervalMs });
  } catch (error) {
    return jsonError(error, ROUTE);
  }
}
