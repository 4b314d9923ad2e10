/**
 * GET /api/workflows/{id}/export — the runs of a filter as a file (`format=csv` or `jsonl`), or
 * what that file would cost (`estimate=1`). The filter is the runs view's, as LeadLex takes it
 * (`status`, `after`). Streamed page by page in constant memory; `X-Export-Rows` says how many
 * rows it will hold, so the page shows progress. Above 20 % of the key's calls left today it
 * answers 409 until `confirm=1`.
 */
import type { NextRequest } from "next/server";
import { EXPORT_CONTENT_TYPES } from "@/lib/export/export-format";
import { estimateExport, startExport } from "@/lib/export/export-service";
import { resolveAfterNow } from "@/lib/format/rolling-window";
import { jsonError, jsonOk } from "@/lib/http/json-response";
import { readExportRouteQuery } from "@/lib/http/route-queries";
import { AppError } from "@/lib/model/app-error";
import { isWorkflowId } from "@/lib/model/workflow-id";
import { quotaLayer } from "@/lib/quota-layer";
import { readApiKey } from "@/lib/session/session";

const ROUTE = "GET /api/workflows/[id]/export";

export async function GET(
  request: NextRequest,
  context: RouteContext<"/api/workflows/[id]/export">,
) {
  try {
    const { id } = await context.params;
    if (!isWorkflowId(id)) {
      throw new AppError("bad_request", { message: "That is not a valid workflow id." });
    }
    const query = readExportRouteQuery(request.nextUrl.searchParams);
    const apiKey = await readApiKey();
    if (!apiKey) throw new AppError("not_connected");
    // A rolling window (`after=-24h`, as the runs view's link keeps it) is fixed once, here: every
    // page of one export asks LeadLex for the same instant.
    const filter = resolveAfterNow({ status: query.status, after: query.after });
    if (query.format === null) {
      return jsonOk(await estimateExport(quotaLayer(), apiKey, id, filter, request.signal));
    }
    const { estimate, body } = await startExport(quotaLayer(), apiKey, id, filter, query.format, {
      confirmed: query.confirmed,
      signal: request.signal,
    });
    const name = `runs-${id}-${query.status ?? "all"}.${query.format}`;
    return new Response(body, {
      headers: {
        "Content-Type": EXPORT_CONTENT_TYPES[query.format],
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
        "X-Export-Rows": String(estimate.rows),
      },
    });
  } catch (error) {
    return jsonError(error, ROUTE);
  }
}
