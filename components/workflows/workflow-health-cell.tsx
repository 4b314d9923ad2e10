import { RunStatusBadge } from "@/components/runs/run-status";
import { RelativeTime } from "@/components/time/relative-time";
import { formatCount } from "@/lib/format/numbers";
import type { WorkflowHealth } from "@/lib/workflows/workflow-health";
import { TriggersMeter } from "./triggers-meter";

export interface WorkflowHealthCellProps {
  health: WorkflowHealth | undefined;
  workflowName: string;
}

const muted = "text-slate-600 dark:text-slate-400";

/**
 * One workflow's health in the list: failures in the last 24 hours, the last run, the daily-cap
 * gauge. A row without figures says why (switched off, deleted, not loaded to save quota) rather
 * than showing a zero that would read as healthy.
 */
export function WorkflowHealthCell({ health, workflowName }: WorkflowHealthCellProps) {
  const meterLabel = `Triggers today of ${workflowName}`;
  if (health === undefined) return <NoFigures text="No health figures" />;
  switch (health.kind) {
    case "checked":
      return (
        <div className="space-y-1" data-health="checked" data-triggers-today={health.triggersToday}>
          <p
            data-failures={health.failures24h}
            data-source={health.failuresFromIndex ? "index" : "leadlex"}
          >
            {health.failures24h > 0 ? (
              <span className="font-medium text-red-700 dark:text-red-400">
                {formatCount(health.failures24h)} failed
              </span>
            ) : (
              "No failures"
            )}{" "}
            <span className={muted}>in 24 h</span>
          </p>
          <p
            className="flex flex-wrap items-center gap-x-1.5 gap-y-0.5"
            data-last-run={health.lastRun?.id ?? ""}
            data-source={health.lastRunFromIndex ? "index" : "leadlex"}
          >
            {health.lastRun ? (
              <>
                <span className={muted}>Last run</span>
                <RunStatusBadge status={health.lastRun.status} />
                <RelativeTime iso={health.lastRun.triggeredAt} className={muted} />
              </>
            ) : (
              <span className={muted}>Never ran</span>
            )}
          </p>
          <CapGauge count={health.triggersToday} cap={health.dailyCap} label={meterLabel} />
        </div>
      );
    case "disabled":
      return (
        <div
          className="space-y-1"
          data-health="disabled"
          data-triggers-today={health.triggersToday ?? ""}
        >
          <p className={muted}>Switched off: it gains no runs</p>
          {health.triggersToday === null ? null : (
            <CapGauge count={health.triggersToday} cap={health.dailyCap} label={meterLabel} />
          )}
        </div>
      );
    case "deleted":
      return <NoFigures text="Deleted in LeadLex since the list was fetched" kind="deleted" />;
    case "not_loaded":
      return (
        <NoFigures
          text={`Not loaded (${health.calls} ${health.calls === 1 ? "call" : "calls"})`}
          kind="not_loaded"
        />
      );
    case "failed":
      return <NoFigures text={`Could not load: ${health.message}`} kind="failed" />;
  }
}

function CapGauge({ count, cap, label }: { count: number; cap: number; label: string }) {
  return <TriggersMeter count={count} cap={cap} label={label} compact />;
}

function NoFigures({ text, kind = "none" }: { text: string; kind?: string }) {
  return (
    <p className={`text-xs ${muted}`} data-health={kind}>
      <span aria-hidden="true">— </span>
      {text}
    </p>
  );
}
