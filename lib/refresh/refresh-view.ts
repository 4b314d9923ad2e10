"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { isRollingWindow, resolveAfter } from "@/lib/format/rolling-window";
import { isWorkflowId } from "@/lib/model/workflow-id";
import { logsQuerySchema, workflowsQuerySchema } from "@/lib/leadlex/query-schemas";
import { AppError, toAppError } from "@/lib/model/app-error";
import { quotaLayer } from "@/lib/quota-layer";
import { readApiKey } from "@/lib/session/session";
import { listWorkflowsWithDisabledReasons } from "@/lib/workflows/with-disabled-reasons";
import type { RefreshResult } from "./refresh-target";

/**
 * Refresh: asks LeadLex again, past the cache, for the answers one view shows (the runs page:
 * the workflow and the page of runs, 2 calls; the list: its page and the details of its disabled
 * rows), then re-renders the page from those new answers. A person's own click: never held back.
 * Cross-site posts are refused by Next's Origin check and by `proxy.ts`; the target is parsed here.
 */

/** A view's query may hold a rolling window (`-24h`): it names the instant it reaches now. */
function resolveRollingAfter(query: unknown): unknown {
  if (typeof query !== "object" || query === null || !("after" in query)) return query;
  const { after } = query;
  return typeof after === "string" && isRollingWindow(after)
    ? { ...query, after: resolveAfter(after, Date.now()) }
    : query;
}

const refreshTargetSchema = z.discriminatedUnion("view", [
  z.object({
    view: z.literal("runs"),
    workflowId: z.string().max(64).refine(isWorkflowId),
    query: z.preprocess(resolveRollingAfter, logsQuerySchema),
  }),
  z.object({ view: z.literal("workflows"), query: workflowsQuerySchema }),
]);

export async function refreshView(target: unknown): Promise<RefreshResult> {
  const parsed = refreshTargetSchema.safeParse(target);
  if (!parsed.success) {
    return {
      message: new AppError("bad_request", { message: "That view cannot be refreshed." }).message,
    };
  }
  const apiKey = await readApiKey();
  if (!apiKey) return { message: new AppError("not_connected").message };

  const layer = quotaLayer();
  let failure: unknown = null;
  if (parsed.data.view === "runs") {
    const { workflowId, query } = parsed.data;
    const [workflow, runs] = await Promise.allSettled([
      layer.getWorkflow(apiKey, workflowId, { fresh: true }),
      layer.listWorkflowLogs(apiKey, workflowId, query, { fresh: true }),
    ]);
    // A deleted workflow's details are gone while its runs stay: that is its normal state.
    if (runs.status === "rejected") failure = runs.reason;
    else if (workflow.status === "rejected" && toAppError(workflow.reason).code !== "not_found") {
      failure = workflow.reason;
    }
  } else {
    await listWorkflowsWithDisabledReasons(layer, apiKey, parsed.data.query, { fresh: true }).catch(
      (error: unknown) => {
        failure = error;
      },
    );
  }
  refresh();
  return { message: failure === null ? null : toAppError(failure).message };
}
