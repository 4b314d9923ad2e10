/**
 * GET /api/runs — runs across the workspace's workflows, from the run index. Before answering,
 * the index syncs exactly what the filters need (failed runs of the last 24 h: one call per
 * enabled workflow); a larger fill runs in the background when it fits the quota rule, or waits
 * for `fill=confirm`; `fill=cancel` stops the key's running fill (what it fetched is kept) and
 * makes the next one wait for a confirmation. The answer says what it covers, what is still
 * filling and what it cost.
 */
import type { NextRequest } from "next/server";
import { jsonError, jsonOk } from "@/lib/http/json-response";
import { readRunsAcrossRouteQuery } from "@/lib/http/route-queries";
import { AppError } from "@/lib/model/app-error";
import { quotaLayer } from "@/lib/quota-layer";
import { runIndexService } from "@/lib/run-index/server";
import { loadRunsAcross } from "@/lib/runs/load-runs-across";
import { readApiKey } from "@/lib/session/session";

const ROUTE = "GET /api/runs";

export async function GET(request: NextRequest) {
  try {
    const { query, fill } = readRunsAcrossRouteQuery(request.nextUrl.searchParams);
    const apiKey = await readApiKey();
    if (!apiKey) throw new AppError("not_connected");
    const service = runIndexService();
    if (fill === "cancel") await service.cancelFill(apiKey);
    const page = await loadRunsAcross(quotaLayer(), service, apiKey, query, {
      confirmFill: fill === "confirm",
      signal: request.signal,
    });
    return jsonOk(page);
  } catch (error) {
    return jsonError(error, ROUTE);
  }
}
