/**
 * GET /api/records/{entityId} — one CRM record's runs across the workflows its type triggers,
 * from the run index; the record page polls it while the fill runs. `fill=confirm` starts a fill
 * the person accepted the cost of, `fill=cancel` stops the running one (what it fetched is kept).
 * The id is checked against the entity-id allowlist before anything else runs.
 */
import type { NextRequest } from "next/server";
import { jsonError, jsonOk } from "@/lib/http/json-response";
import { readRecordRouteQuery } from "@/lib/http/route-queries";
import { AppError } from "@/lib/model/app-error";
import { quotaLayer } from "@/lib/quota-layer";
import { loadRecordHistory } from "@/lib/records/load-record-history";
import { runIndexService } from "@/lib/run-index/server";
import { readApiKey } from "@/lib/session/session";

const ROUTE = "GET /api/records/{entityId}";

export async function GET(request: NextRequest, context: RouteContext<"/api/records/[entityId]">) {
  try {
    const { entityId } = await context.params;
    const { query, fill } = readRecordRouteQuery(entityId, request.nextUrl.searchParams);
    const apiKey = await readApiKey();
    if (!apiKey) throw new AppError("not_connected");
    const service = runIndexService();
    if (fill === "cancel") await service.cancelFill(apiKey);
    const page = await loadRecordHistory(quotaLayer(), service, apiKey, query, {
      confirmFill: fill === "confirm",
      signal: request.signal,
    });
    return jsonOk(page);
  } catch (error) {
    return jsonError(error, ROUTE);
  }
}
