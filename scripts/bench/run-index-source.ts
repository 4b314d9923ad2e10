import type { Run } from "../../lib/model/run";
import type { FetchLogsPage } from "../../lib/run-index";

/**
 * The LeadLex emulator as the run index's source in the bench: its logs pages as `FetchLogsPage`
 * (each call counted), its workflow list, and new runs added through its admin API. Plain HTTP to
 * the emulator, because the app's gateway is server-only; the emulator's answers are trusted here.
 */

export interface WireWorkflow {
  id: string;
  condition_entity: string;
}

/** LeadLex's log entry, as far as an index needs it (the app's gateway does this properly). */
interface WireLog {
  id: string;
  workflow_id: string;
  triggered_at: string;
  entity_type: string;
  entity_id: string;
  status: Run["status"];
  skip_reason: string | null;
  action_result: unknown;
  error: { code: string; message: string } | null;
  duration_ms: number;
}

/** Every call adds one to `calls.count`: the bench's count of LeadLex calls. */
export function emulatorFetch(
  baseUrl: string,
  key: string,
  calls: { count: number },
): FetchLogsPage {
  return async (workflowId, request) => {
    calls.count += 1;
    const query = new URLSearchParams({
      page: String(request.page),
      per_page: String(request.perPage),
    });
    if (request.status !== null) query.set("status", request.status);
    if (request.after !== null) query.set("after", request.after);
    const response = await fetch(`${baseUrl}/v1/workflows/${workflowId}/logs?${query}`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    if (!response.ok) throw new Error(`logs of ${workflowId}: HTTP ${response.status}`);
    const body = (await response.json()) as { data: { logs: WireLog[] }; meta: { total: number } };
    return {
      runs: body.data.logs.map(toRun),
      total: body.meta.total,
      rateLimit: {
        limit: Number(response.headers.get("x-ratelimit-limit")),
        remaining: Number(response.headers.get("x-ratelimit-remaining")),
        resetAt: null,
      },
    };
  };
}

function toRun(log: WireLog): Run {
  return {
    id: log.id,
    workflowId: log.workflow_id,
    triggeredAt: log.triggered_at,
    entityType: log.entity_type,
    entityId: log.entity_id,
    status: log.status,
    skipReason: log.skip_reason,
    actionResult: log.action_result,
    error: log.error,
    durationMs: log.duration_ms,
  };
}

export async function listWorkflows(baseUrl: string, key: string): Promise<WireWorkflow[]> {
  const response = await fetch(`${baseUrl}/v1/workflows?per_page=100`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  if (!response.ok) throw new Error(`workflow list: HTTP ${response.status}`);
  return ((await response.json()) as { data: { workflows: WireWorkflow[] } }).data.workflows;
}

export async function addRuns(baseUrl: string, workflowId: string, count: number): Promise<void> {
  const response = await fetch(`${new URL(baseUrl).origin}/__emulator/runs`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ workflow_id: workflowId, runs: [{ status: "success", count }] }),
  });
  if (response.status !== 201) throw new Error(`burst: HTTP ${response.status}`);
}
