/**
 * What `/api/records/{entityId}` answers (and `/records/{entityId}` hydrates with): one page of a
 * CRM record's runs across the workflows its type triggers, from the run index, with the summary
 * above the table, the record's latest run per workflow, and what the answer rests on and cost.
 * Browser-safe: types only.
 */
import type { PageMeta, RateLimitStatus } from "./page-meta";
import type { Run } from "./run";
import type { RunsAcrossPage } from "./runs-across-page";
import type { EntityType } from "./workflow";

export interface RecordHistoryPage {
  entityId: string;
  entityType: EntityType;
  runs: Run[];
  meta: PageMeta;
  /** Over every run of the record in the window, not just this page. */
  summary: {
    lastSuccess: Run | null;
    lastFailure: Run | null;
    /** Its latest run in some workflow failed. */
    stillFailing: boolean;
  };
  /** The record's latest run in each workflow it has runs in, newest first. */
  latestPerWorkflow: Run[];
  coverage: RunsAcrossPage["coverage"];
  fill: RunsAcrossPage["fill"];
  /** LeadLex calls this answer made itself. */
  callsSpent: number;
  /** The workflows scanned (those whose trigger entity is the record's type), with their names. */
  workflows: { id: string; name: string; enabled: boolean }[];
  syncedElsewhere: string[];
  rateLimit: RateLimitStatus | null;
  fetchedAt: string;
}
