import { formatIsoSeconds, MS_PER_MINUTE } from "./clock";
import type { WorkflowSpec } from "./data/workflow-catalog";
import type { LogEntry } from "./wire-types";

// wf_fault_hostile: data of the right shape whose content tries to break whoever renders it
// (markup, huge and deeply nested values, tricky unicode, fields nobody asked for).

export const HOSTILE_WORKFLOW_ID = "wf_fault_hostile";

const HUGE_STRING_LENGTH = 200_000;
const NESTING_DEPTH = 60;

/** RTL text, an RTL override, emoji, a ZWJ sequence, combining marks and a zero-width space. */
export const TRICKY_UNICODE =
  "مرحبا بالعالم \u202Egnp.exe\u202C 🚀 👩\u200D💻 e\u0301 Z\u0324\u0354\u0367\u0311\u0313 a\u200Bb";

export function hostileWorkflowSpec(startMs: number): WorkflowSpec {
  return {
    id: HOSTILE_WORKFLOW_ID,
    workspaceId: "faults",
    name: "Notify owner <img src=x onerror=alert(1)> on lost deals 🚀",
    conditionEntity: "deal",
    conditionField: "stage",
    conditionOperator: "changed_to",
    conditionValue: '"><svg onload=alert(1)>',
    actionType: "send_channel_message",
    actionConfig: {
      channel: "slack",
      recipient: "#sales-alerts",
      message: "<script>alert(1)</script> {{deal.name}} " + TRICKY_UNICODE,
    },
    resultHints: { channel: "#sales-alerts" },
    maxTriggersPerDay: 100,
    createdDaysAgo: 30,
    updatedDaysAgo: 2,
    lifecycle: { kind: "enabled" },
    history: null,
    entityPoolSize: 1,
    fixedEntries: hostileEntries(startMs),
  };
}

/** Extra envelope and meta fields the client must ignore. */
export function decorateHostileBody(body: { data: unknown; meta?: object }): object {
  return {
    ...body,
    data: { ...(body.data as object), cursor: "eyJpZCI6IjxzY3JpcHQ+In0=" },
    ...(body.meta === undefined
      ? {}
      : { meta: { ...body.meta, next_cursor: null, has_more: "maybe", debug: { shard: 7 } } }),
    warnings: ["<b>deprecated</b>: use /v2"],
    links: { self: "javascript:alert(1)" },
  };
}

function hostileEntries(startMs: number): LogEntry[] {
  const baseSec = Math.floor(startMs / MS_PER_MINUTE) * 60 - 3_600;
  const entry = (minutesAgo: number, fields: Partial<LogEntry>, suffix: string): LogEntry => ({
    id: `wfl_01HOSTILE${suffix}`,
    workflow_id: HOSTILE_WORKFLOW_ID,
    triggered_at: formatIsoSeconds(baseSec - minutesAgo * 60),
    entity_type: "deal",
    entity_id: "deal_01HOSTILE0000000000000000",
    status: "success",
    skip_reason: null,
    action_result: { slack_message_ts: "1713351031.001200", channel: "#sales-alerts" },
    error: null,
    duration_ms: 300,
    ...fields,
  });
  // JSON.parse, not a literal: a literal "__proto__" key would set the prototype instead.
  const extraFields = JSON.parse(
    '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"internal_trace":"at Gateway.handle (/srv/gateway.js:42:7)","retry_count":3}',
  ) as Record<string, unknown>;
  return [
    entry(
      0,
      {
        status: "failed",
        action_result: null,
        error: {
          code: "template_render_error",
          message: "Unknown merge token <script>alert(1)</script><img src=x onerror=alert(1)>",
        },
      },
      "01",
    ),
    entry(
      1,
      {
        action_result: {
          channel: "#sales-alerts",
          blob: "0123456789".repeat(HUGE_STRING_LENGTH / 10),
        },
      },
      "02",
    ),
    entry(2, { action_result: nested(NESTING_DEPTH) }, "03"),
    entry(
      3,
      {
        entity_id: `deal_${TRICKY_UNICODE}`,
        action_result: { channel: "#ventas-\u05E9\u05DC\u05D5\u05DD", text: TRICKY_UNICODE },
      },
      "04",
    ),
    entry(
      4,
      {
        status: "skipped",
        skip_reason: "condition_not_met",
        action_result: null,
        entity_id: "deal_" + "01HY".repeat(2_500),
        duration_ms: 0,
      },
      "05",
    ),
    {
      ...entry(
        5,
        {
          status: "failed",
          action_result: { status_code: 502 },
          error: { code: "http_502", message: "Bad gateway \r\n<html><body>oops</body></html>" },
        },
        "06",
      ),
      ...extraFields,
    },
    // LeadLex shows a run once it has completed: this one started 2^31 ms (~25 days) before the
    // others so that it is already visible.
    entry(40_000, { error: null, action_result: {}, duration_ms: 2_147_483_647 }, "07"),
  ];
}

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { level: depth, leaf: true };
  for (let level = depth - 1; level >= 1; level--) value = { level, child: value };
  return value;
}

// Shapes beyond any sane bound, each on the logs path (the workflow itself is ordinary): a run
// nested deeper than a recursive serializer survives, more runs than any page asks for, and one
// enormous string. Written as text, since JSON.stringify cannot write the deep one.

export const DEEP_WORKFLOW_ID = "wf_fault_deep";
export const OVERSIZED_PAGE_WORKFLOW_ID = "wf_fault_oversized_page";
export const LONG_TEXT_WORKFLOW_ID = "wf_fault_long_text";

/** Deeper than both failures seen in real renderers (a 500 at ~5,000 levels, a hang at ~8,000). */
export const DEEP_NESTING_LEVELS = 8_000;
/** The page that rendered 34 MB of HTML for `per_page=25`; still under a 4 MB body cap. */
export const OVERSIZED_PAGE_ROWS = 15_000;
export const LONG_TEXT_LENGTH = 1_000_000;

const ACTION_RESULT_SLOT = '"action_result":null';

function plainEntryText(workflowId: string, index: number, startMs: number): string {
  const triggeredSec = Math.floor(startMs / MS_PER_MINUTE) * 60 - 60 * (index + 1);
  const entry: LogEntry = {
    id: `wfl_01HYFAULT${String(index).padStart(6, "0")}`,
    workflow_id: workflowId,
    triggered_at: formatIsoSeconds(triggeredSec),
    entity_type: "deal",
    entity_id: `deal_01HY${String(index).padStart(6, "0")}`,
    status: "success",
    skip_reason: null,
    action_result: null,
    error: null,
    duration_ms: 412,
  };
  return JSON.stringify(entry);
}

function logsBodyText(entries: string[]): string {
  return `{"data":{"logs":[${entries.join(",")}]},"meta":{"page":1,"per_page":25,"total":${entries.length}}}`;
}

/** One run whose action result is `[[[…]]]`, DEEP_NESTING_LEVELS deep (16 KB). */
export function deepLogsBody(startMs: number): string {
  const deep = `${"[".repeat(DEEP_NESTING_LEVELS)}${"]".repeat(DEEP_NESTING_LEVELS)}`;
  const entry = plainEntryText(DEEP_WORKFLOW_ID, 0, startMs);
  return logsBodyText([entry.replace(ACTION_RESULT_SLOT, `"action_result":${deep}`)]);
}

/** OVERSIZED_PAGE_ROWS runs, whatever `page` and `per_page` asked for. */
export function oversizedPageLogsBody(startMs: number): string {
  return logsBodyText(
    Array.from({ length: OVERSIZED_PAGE_ROWS }, (_, index) =>
      plainEntryText(OVERSIZED_PAGE_WORKFLOW_ID, index, startMs),
    ),
  );
}

/** One run whose action result holds a LONG_TEXT_LENGTH-character string. */
export function longTextLogsBody(startMs: number): string {
  const result = JSON.stringify({ response_body: "x".repeat(LONG_TEXT_LENGTH) });
  const entry = plainEntryText(LONG_TEXT_WORKFLOW_ID, 0, startMs);
  return logsBodyText([entry.replace(ACTION_RESULT_SLOT, `"action_result":${result}`)]);
}
