import type { PageMeta, RateLimitStatus } from "./page-meta";

/** Runboard's own shape of one workflow run (a LeadLex "log entry"). */
export const runStatuses = ["success", "failed", "skipped"] as const;
export type RunStatus = (typeof runStatuses)[number];

export function isRunStatus(value: string): value is RunStatus {
  return (runStatuses as readonly string[]).includes(value);
}

export interface RunError {
  code: string;
  message: string;
}

export interface Run {
  id: string;
  workflowId: string;
  triggeredAt: string;
  entityType: string;
  entityId: string;
  status: RunStatus;
  skipReason: string | null;
  actionResult: unknown;
  error: RunError | null;
  durationMs: number | null;
}

export interface RunsPage {
  runs: Run[];
  meta: PageMeta;
  rateLimit: RateLimitStatus | null;
  requestId: string | null;
}
