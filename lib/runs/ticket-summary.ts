/**
 * "Copy for ticket": one run as plain text for a support ticket or a chat, every value on its own
 * labelled line so it survives any paste target. Times are given in UTC (what LeadLex support
 * asks for) and in the viewer's zone (what the customer saw). Values from LeadLex are pasted as
 * they came, except that line breaks are folded: each field stays one line, and a hostile value
 * cannot add a line of its own ("Status: Success") to the ticket.
 */
import { formatDateTime, formatExactUtc, formatZoneOffset, UTC } from "@/lib/format/date-time";
import { formatCount } from "@/lib/format/numbers";
import type { Run } from "@/lib/model/run";

export interface TicketContext {
  /** The workflow's name, when its details loaded. */
  workflowName: string | null;
  /** The zone the viewer reads times in. */
  timeZone: string;
  /** A link that opens this run, its times fixed (`frozenLink`). */
  link: string;
}

const STATUS_WORDS = { success: "Success", failed: "Failed", skipped: "Skipped" } as const;

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ").trim();
}

function describeTimes(iso: string, timeZone: string): string[] {
  if (Number.isNaN(Date.parse(iso))) return [`Triggered: ${oneLine(iso)} (as LeadLex sent it)`];
  const lines = [`Triggered (UTC): ${formatExactUtc(iso)}`];
  if (timeZone !== UTC) {
    lines.push(
      `Triggered (${timeZone}): ${formatDateTime(iso, timeZone)} ${formatZoneOffset(iso, timeZone)}`,
    );
  }
  return lines;
}

function describeOutcome(run: Run): string[] {
  if (run.status === "failed") {
    if (!run.error) return ["Error: none reported by LeadLex"];
    const message = oneLine(run.error.message);
    return [`Error code: ${oneLine(run.error.code)}`, `Error message: ${message || "(none)"}`];
  }
  if (run.status === "skipped") {
    return [`Skip reason: ${run.skipReason ? oneLine(run.skipReason) : "(none given)"}`];
  }
  return [];
}

/** The ticket text, one `Label: value` per line. */
export function ticketSummary(run: Run, context: TicketContext): string {
  const workflowId = oneLine(run.workflowId);
  const workflow = context.workflowName
    ? `${oneLine(context.workflowName)} (${workflowId})`
    : workflowId;
  return [
    `Workflow: ${workflow}`,
    `Run: ${oneLine(run.id)}`,
    `Entity: ${oneLine(`${run.entityType} ${run.entityId}`)}`,
    `Status: ${STATUS_WORDS[run.status]}`,
    ...describeOutcome(run),
    ...describeTimes(run.triggeredAt, context.timeZone),
    `Duration: ${run.durationMs === null ? "not recorded" : `${formatCount(run.durationMs)} ms`}`,
    `Link: ${context.link}`,
  ].join("\n");
}
