/**
 * The fields of an action's result that people look for, in words, read beside the raw JSON: a
 * Slack message's timestamp (to find the message), an email's message id (to trace a bounce), a
 * created task's id, a webhook's status code. Only the fields LeadLex documents or sends for its
 * actions are named, and only when they hold a string or a finite number; anything else stays in
 * the JSON, never guessed at.
 */
import { formatCount } from "@/lib/format/numbers";

export interface ActionResultFact {
  label: string;
  value: string;
  /** Ids and codes are machine strings: monospaced and copyable. */
  mono: boolean;
}

const FIELDS: ReadonlyArray<{
  key: string;
  label: string;
  mono: boolean;
  show?: (value: number) => string;
}> = [
  { key: "slack_message_ts", label: "Slack message timestamp", mono: true },
  { key: "channel", label: "Slack channel", mono: true },
  { key: "message_id", label: "Email message id", mono: true },
  { key: "recipient", label: "Recipient", mono: false },
  { key: "task_id", label: "Task id", mono: true },
  { key: "status_code", label: "Webhook status code", mono: true },
  {
    key: "response_ms",
    label: "Webhook response time",
    mono: false,
    show: (ms) => `${formatCount(ms)} ms`,
  },
];

export function actionResultFacts(result: unknown): ActionResultFact[] {
  if (typeof result !== "object" || result === null || Array.isArray(result)) return [];
  const record = result as Record<string, unknown>;
  const facts: ActionResultFact[] = [];
  for (const { key, label, mono, show } of FIELDS) {
    if (!Object.hasOwn(record, key)) continue;
    const value = record[key];
    if (typeof value === "string" && value.trim() !== "") facts.push({ label, value, mono });
    else if (typeof value === "number" && Number.isFinite(value)) {
      facts.push({ label, value: show ? show(value) : String(value), mono });
    }
  }
  return facts;
}
