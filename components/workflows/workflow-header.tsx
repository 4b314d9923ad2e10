import Link from "next/link";
import { ServerRelativeTime } from "@/components/time/server-relative-time";
import { CopyButtonOnDemand } from "@/components/ui/copy-button-on-demand";
import { ChevronIcon } from "@/components/ui/icons/chevron-icon";
import { Notice } from "@/components/ui/notice";
import { formatCount } from "@/lib/format/numbers";
import type { WorkflowDetail } from "@/lib/model/workflow";
import {
  describeAction,
  describeAutoDisabledReason,
  describeTrigger,
  displayName,
  workflowState,
} from "@/lib/workflows/describe-workflow";
import { TriggersMeter } from "./triggers-meter";
import { WorkflowStateBadge } from "./workflow-state-badge";

export interface WorkflowHeaderProps {
  /** Null when LeadLex could not give the details (deleted, or the call failed). */
  workflow: WorkflowDetail | null;
  workflowId: string;
  /** LeadLex answered 404 for the workflow while its runs are still fetchable. */
  deleted: boolean;
  /** The details call failed for another reason; the runs may still load. */
  loadError: { message: string; requestId: string | null } | null;
}

const METER_LABEL_ID = "workflow-triggers-today-label";

/**
 * The top of a workflow's runs page: where it sits, what it is, what it does and how close it is
 * to its daily cap. Without details (deleted, or the call failed) it still names the workflow by its
 * id, says why nothing more is shown, and leaves the run history below to load on its own.
 */
export function WorkflowHeader({ workflow, workflowId, deleted, loadError }: WorkflowHeaderProps) {
  const title = workflow ? displayName(workflow.name) : workflowId;

  return (
    <div className="space-y-3">
      <nav aria-label="Breadcrumb" className="text-sm">
        <ol className="flex min-w-0 items-center gap-1 text-slate-600 dark:text-slate-400">
          <li className="shrink-0">
            <Link
              href="/"
              className="rounded font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
            >
              All workflows
            </Link>
          </li>
          <li className="flex min-w-0 items-center gap-1">
            <ChevronIcon className="size-3.5 shrink-0" />
            <span aria-current="page" className="truncate">
              {title}
            </span>
          </li>
        </ol>
      </nav>

      {deleted ? (
        <Notice>
          <p>This workflow has been deleted. Its run history is still available below.</p>
        </Notice>
      ) : null}

      {loadError ? (
        <Notice tone="neutral">
          <div className="space-y-1">
            <p>
              <span className="font-medium">The workflow&rsquo;s details could not be loaded.</span>{" "}
              {loadError.message} Its run history below loads separately.
            </p>
            {loadError.requestId ? (
              <p className="text-slate-600 dark:text-slate-400">
                Request id{" "}
                <span className="font-mono text-xs [overflow-wrap:anywhere]">
                  {loadError.requestId}
                </span>
              </p>
            ) : null}
          </div>
        </Notice>
      ) : null}

      <div className="space-y-1.5">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
          <h1 className="min-w-0 text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">
            {title}
          </h1>
          {workflow ? (
            <WorkflowStateBadge
              enabled={workflow.enabled}
              autoDisabledReason={workflow.autoDisabledReason}
            />
          ) : null}
        </div>
        <p className="flex flex-wrap items-center gap-x-1 text-sm text-slate-600 dark:text-slate-400">
          <span>Workflow id</span>
          <span className="font-mono text-xs text-slate-800 [overflow-wrap:anywhere] dark:text-slate-200">
            {workflowId}
          </span>
          <CopyButtonOnDemand value={workflowId} label="Copy workflow id" />
        </p>
      </div>

      {workflow ? <WorkflowFacts workflow={workflow} /> : null}
    </div>
  );
}

/**
 * What the workflow does, how close it is to its daily cap and when it last ran, on one line (the
 * description cut to fit) that expands to the whole text, so the runs table starts high on the
 * screen. The toggle is a checkbox and CSS, not a client component: it costs the page no JavaScript.
 */
function WorkflowFacts({ workflow }: { workflow: WorkflowDetail }) {
  const autoDisabled =
    workflowState(workflow.enabled, workflow.autoDisabledReason) === "auto_disabled";
  return (
    <>
      {autoDisabled && workflow.autoDisabledReason ? (
        <AutoDisabledExplanation
          reason={workflow.autoDisabledReason}
          cap={workflow.maxTriggersPerDay}
        />
      ) : null}

      <div className="group flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
        {/* `relative`: the cut also clips the screen-reader words at its far end, which would
            otherwise widen the page. */}
        <p className="relative min-w-0 flex-1 basis-72 truncate text-slate-800 group-has-[input:checked]:whitespace-normal group-has-[input:checked]:[overflow-wrap:anywhere] dark:text-slate-200">
          <span>{describeTrigger(workflow)}</span>{" "}
          <span aria-hidden="true" className="text-slate-500 dark:text-slate-400">
            →
          </span>
          <span className="sr-only">, then:</span> <span>{describeAction(workflow)}</span>
        </p>
        <div className="flex items-center gap-2">
          <span id={METER_LABEL_ID} className="text-slate-600 dark:text-slate-400">
            Triggers today
          </span>
          <TriggersMeter
            count={workflow.triggersToday}
            cap={workflow.maxTriggersPerDay}
            labelledBy={METER_LABEL_ID}
            inline
          />
        </div>
        <p className="hidden text-slate-600 group-has-[input:checked]:block sm:block dark:text-slate-400">
          Last triggered{" "}
          <span className="font-medium text-slate-900 dark:text-slate-100">
            {workflow.lastTriggeredAt ? (
              <ServerRelativeTime iso={workflow.lastTriggeredAt} />
            ) : (
              "never"
            )}
          </span>
        </p>
        <label className="cursor-pointer rounded px-1 text-xs text-sky-800 underline decoration-dotted underline-offset-2 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-600 hover:bg-sky-100 dark:text-sky-300 dark:hover:bg-sky-950">
          <input type="checkbox" className="sr-only" />
          More about this workflow
        </label>
      </div>
    </>
  );
}

function AutoDisabledExplanation({ reason, cap }: { reason: string; cap: number }) {
  const dailyCap = reason.trim().toLowerCase() === "daily_cap_exceeded";
  return (
    <Notice className="max-w-4xl">
      <p>
        {dailyCap
          ? `LeadLex switched this workflow off automatically: it went over its daily cap of ${formatCount(cap)} triggers. Runboard only reads workflows; to turn it back on, check why it triggered so often, then enable it again in LeadLex or raise its daily cap there.`
          : `LeadLex switched this workflow off automatically. Reason given: ${describeAutoDisabledReason(reason)}. Runboard only reads workflows; to turn it back on, enable it again in LeadLex.`}
      </p>
    </Notice>
  );
}
