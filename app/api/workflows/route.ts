/**
 * GET /api/workflows — the browser's way to page, filter and search the workflow list after the
 * first, server-rendered page. Query parameters as in the page URL (`page`, `per_page`, `enabled`,
 * `entity`, `q`), but strict: only the canonical values our own code sends. Answers with our
 * WorkflowListPage DTO (disabled workflows carry their auto-disable reason, as on the server-rendered
 * page) or our error body, never the upstream's.
 */
import type { NextRequest } from "next/server";
import { jsonError, jsonOk } from "@/lib/http/json-response";
import { readWorkflowsRouteQuery } from "@/lib/http/route-queries";
import { AppError } from "@/lib/model/app-error";
import { PRIORITY_HEADER, readRequestPriority } from "@/lib/model/request-priority";
import { quotaLayer } from "@/lib/quota-layer";
import { readApiKey } from "@/lib/session/session";
import { listWorkflowsWithDisabledReasons } from "@/lib/workflows/with-disabled-reasons";

const ROUTE = "GET /api/workflows";

export async function GET(request: NextRequest) {
  try {
    const apiKey = await readApiKey();
    if (!apiKey) throw new AppError("not_connected");

    const page = await listWorkflowsWithDisabledReasons(
      quotaLayer(),
      apiKey,
      readWorkflowsRouteQuery(request.nextUrl.searchParams),
      {
        signal: request.signal,
        priority: readRequestPriority(request.headers.get(PRIORITY_HEADER)),
      },
    );
    return jsonOk(page);
  } catch (error) {
    return jsonError(error, ROUTE);
  }
}
