/**
 * GET /api/workflows — the browser's way to page, filter, sort and search the workflow list after
 * the first, server-rendered page. Query parameters as in the page URL (`page`, `per_page`,
 * `enabled`, `entity`, `q`, `sort`), plus `health=load` when a person asks for the health figures
 * the list held back, but strict: only the canonical values our own code sends. Answers with our
 * WorkflowListWithHealth DTO (as on the server-rendered page) or our error body, never the
 * upstream's.
 */
import type { NextRequest } from "next/server";
import { jsonError, jsonOk } from "@/lib/http/json-response";
import { readWorkflowsRouteQuery } from "@/lib/http/route-queries";
import { AppError } from "@/lib/model/app-error";
import { PRIORITY_HEADER, readRequestPriority } from "@/lib/model/request-priority";
import { readApiKey } from "@/lib/session/session";
import { listWorkflowsForKey } from "@/lib/workflows/load-workflow-list";

const ROUTE = "GET /api/workflows";

export async function GET(request: NextRequest) {
  try {
    const apiKey = await readApiKey();
    if (!apiKey) throw new AppError("not_connected");

    const { query, loadHealth } = readWorkflowsRouteQuery(request.nextUrl.searchParams);
    const page = await listWorkflowsForKey(apiKey, query, {
      signal: request.signal,
      priority: readRequestPriority(request.headers.get(PRIORITY_HEADER)),
      healthMode: loadHealth ? "requested" : "auto",
    });
    return jsonOk(page);
  } catch (error) {
    return jsonError(error, ROUTE);
  }
}
