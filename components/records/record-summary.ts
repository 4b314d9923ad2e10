import { formatCount } from "@/lib/format/numbers";
import { formatRelative } from "@/lib/format/date-time";
import type { RecordHistoryPage } from "@/lib/model/record-history-page";

const plural = (count: number, word: string) =>
  `${formatCount(count)} ${word}${count === 1 ? "" : "s"}`;

/**
 * The record's history in one line, over every run in the window (not just this page): "12 runs
 * in 4 workflows; last success 1 d ago (Welcome email); last failure 67 d ago,
 * assignee_not_found (Renewal task); still failing: no".
 */
export function describeRecordHistory(
  page: Pick<RecordHistoryPage, "meta" | "summary" | "latestPerWorkflow">,
  workflowName: (id: string) => string,
  nowIso: string,
): string {
  const { lastSuccess, lastFailure, stillFailing } = page.summary;
  const parts = [
    `${plural(page.meta.total, "run")} in ${plural(page.latestPerWorkflow.length, "workflow")}`,
    lastSuccess
      ? `last success ${formatRelative(lastSuccess.triggeredAt, nowIso)} (${workflowName(lastSuccess.workflowId)})`
      : "no success",
    lastFailure
      ? `last failure ${formatRelative(lastFailure.triggeredAt, nowIso)}, ${lastFailure.error?.code ?? "no error code"} (${workflowName(lastFailure.workflowId)})`
      : "no failure",
    `still failing: ${stillFailing ? "yes" : "no"}`,
  ];
  return parts.join("; ");
}
