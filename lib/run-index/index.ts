/**
 * The run index: runs Runboard keeps itself, per key, so views can ask what LeadLex cannot answer
 * (runs across workflows, a record's history, counts, "still failing"). Views use the queries
 * only; the wiring (the quota-aware gateway, the sealed store, leases) drives syncs and backfills.
 * Rests on LeadLex writing each run once, when it completes, and never changing it
 * (docs/run-index.md).
 */
export { RunIndex, DEFAULT_LOOK_BACK_MS, DEFAULT_MAX_BYTES } from "./run-index";
export type { GapEstimate, RunIndexOptions, RunIndexSnapshot } from "./run-index";
export { STATUS_KEYS } from "./coverage";
export type { Coverage, StatusKey } from "./coverage";
export type { FetchLogsPage, LogsPageRequest, LogsPageResult } from "./fetch-logs-page";
export type { FillDeps } from "./fill-job";
export { syncWorkflow, syncWorkflows } from "./sync";
export type { SyncOptions, SyncOutcome } from "./sync";
export {
  BACKFILL_WINDOW_MS,
  BackfillJob,
  planBackfill,
  startBackfill,
  UNCONFIRMED_QUOTA_SHARE,
} from "./backfill";
export type {
  BackfillDeps,
  BackfillItem,
  BackfillPlan,
  BackfillProgress,
  BackfillRequest,
  BackfillStart,
  BackfillWindow,
} from "./backfill";
export {
  bucketSizeFor,
  facets,
  latestRunOf,
  listRuns,
  recordRuns,
  timeBuckets,
  workflowHealth,
} from "./queries";
export type {
  BucketsAnswer,
  FacetCount,
  FacetsAnswer,
  HealthAnswer,
  HealthQuestion,
  Paging,
  RecordAnswer,
  RunsAnswer,
  RunsQuestion,
  TimeBucket,
} from "./queries";
export type { AnswerCoverage, CoverageGap, CoveragePart } from "./answer-coverage";
