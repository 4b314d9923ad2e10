/**
 * GET /api/workflows/{id}/status-counts — the counts on a runs view's status chips, for the view's
 * own query (`page`, `per_page`, `status`, `after`, as the logs route takes them): the counts
 * depend only on `after`; the rest lets the view's cached rows answer its own status's count.
 * Each count comes from the run index, the cache, or one `per_page=1` call at background
 * priority, which the quota layer holds back when the key's quota is short (that count is then
 * null and `heldBack` says why).
 */
import type { NextRequest } from "next/server";
import { jsonError, jsonOk } from "@/lib/http/json-response";
import { readLogsRouteQuery } from "@/lib/http/route-queries";
import { AppError } from "@/lib/model/app-error";
import { isWorkflowId } from "@/lib/model/workflow-id";
import { readApiKey } from "@/lib/session/session";
import { loadStatusCountsForKey } from "@/lib/workflows/load-status-counts";

const ROUTE = "GET /api/workflows/[id]/status-counts";

export async function GET(
  request: NextRequest,
  context: RouteContext<"/api/workflows/[id]/status-counts">,
) {
  try {
    const { id } = await context.params;
    if (!isWorkflowId(id)) {
      throw new AppError("bad_request", { message: "That is not a valid workflow id." });
    }
    const view = readLogsRouteQuery(request.nextUrl.searchParams);
    const apiKey = await readApiKey();
    if (!apiKey) throw new AppError("not_connected");
    return jsonOk(await loadStatusCountsForKey(apiKey, id, view, request.signal));
  } catch (error) {
    return jsonError(error, ROUTE);
  }
}
