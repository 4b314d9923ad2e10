/**
 * GET /api/workflows — the browser's way to page, filter and search the workflow list after the
 * first, server-rendered page. Query parameters as in the page URL (`page`, `per_page`, `enabled`,
 * `entity`, `q`), but strict: only the canonical values our own code sends. Answers with our
 * WorkflowListPage DTO (disabled workflows carry their auto-disable reason, as on the server-rendered
 * page) or our error body, never the upstream's.
 */
import type { NextRequest } from "next/server";
import { jsonError, jsonOk } from "@/lib/http/json-response";
import { rejectUnknownParameters } from "@/lib/http/strict-query";
import { AppError } from "@/lib/model/app-error";
import { DEFAULT_PER_PAGE, MAX_SEARCH_LENGTH, type WorkflowsQuery } from "@/lib/model/queries";
import { PRIORITY_HEADER, readRequestPriority } from "@/lib/model/request-priority";
import { entityTypes } from "@/lib/model/workflow";
import { quotaLayer } from "@/lib/quota-layer";
import { readApiKey } from "@/lib/session/session";
import { singleValues, strictInteger } from "@/lib/url-state/route-query";
import { isEntityType, readSearch } from "@/lib/url-state/workflows-view";
import { listWorkflowsWithDisabledReasons } from "@/lib/workflows/with-disabled-reasons";

const ROUTE = "GET /api/workflows";

export async function GET(request: NextRequest) {
  try {
    const apiKey = await readApiKey();
    if (!apiKey) throw new AppError("not_connected");

    const page = await listWorkflowsWithDisabledReasons(
      quotaLayer(),
      apiKey,
      readWorkflowsQuery(request.nextUrl.searchParams),
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

const PARAMETERS = ["page", "per_page", "enabled", "entity", "q"] as const;

function readWorkflowsQuery(searchParams: URLSearchParams): WorkflowsQuery {
  rejectUnknownParameters(searchParams, PARAMETERS);
  const raw = singleValues(searchParams, PARAMETERS);
  if (raw.enabled !== undefined && raw.enabled !== "true" && raw.enabled !== "false") {
    throw new AppError("bad_request", {
      message: 'The parameter "enabled" must be true or false.',
    });
  }
  if (raw.entity !== undefined && !isEntityType(raw.entity)) {
    throw new AppError("bad_request", {
      message: `The parameter "entity" must be one of: ${entityTypes.join(", ")}.`,
    });
  }
  // The page's URL parser repairs a search; here it must already be in its repaired form.
  if (raw.q !== undefined && readSearch(raw.q) !== raw.q) {
    throw new AppError("bad_request", {
      message: `The parameter "q" must be 1 to ${MAX_SEARCH_LENGTH} characters, without control characters or surrounding spaces.`,
    });
  }
  // Range checks happen in the gateway's schema, which reports the parameter by name.
  return {
    page: strictInteger(raw.page, "page", 1),
    perPage: strictInteger(raw.per_page, "per_page", DEFAULT_PER_PAGE),
    enabled: raw.enabled === undefined ? null : raw.enabled === "true",
    entity: raw.entity ?? null,
    search: raw.q ?? null,
  };
}
