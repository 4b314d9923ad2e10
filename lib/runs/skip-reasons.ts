/**
 * Plain words for LeadLex's skip reasons, so an ops person can tell "working as designed" from
 * "something to change" without knowing the codes. Only the codes LeadLex documents or sends are
 * explained; anything else is shown as received, never guessed at.
 */
import { previewString } from "@/lib/json/string-display";

export interface SkipReasonExplanation {
  title: string;
  explanation: string;
}

const SKIP_REASONS: Readonly<Record<string, SkipReasonExplanation>> = {
  condition_not_met: {
    title: "Condition not met",
    explanation:
      "The record changed, but not in a way that matches this workflow's trigger condition.",
  },
  daily_cap_reached: {
    title: "Daily cap reached",
    // LeadLex documents that going over the cap also switches the workflow off
    // (auto_disabled_reason `daily_cap_exceeded`), so "wait for midnight" alone can be wrong.
    explanation:
      "The workflow had already run its maximum number of times today (its daily cap), so this run was skipped. Runs resume after midnight UTC; to allow more runs a day, raise the cap. If LeadLex switched the workflow off for going over its cap, it also needs turning back on.",
  },
  workflow_disabled: {
    title: "Workflow was switched off",
    explanation:
      "The workflow was switched off when this change happened, so its action did not run. Turn the workflow back on for it to act on later changes.",
  },
  duplicate_event: {
    title: "Duplicate event",
    explanation:
      "LeadLex had already received this same change for this record, so it skipped this copy to avoid running the action twice. Nothing needs fixing.",
  },
};

/** A runaway code is still shown, but not at a length that buries the explanation. */
const MAX_SHOWN_CODE_LENGTH = 120;

export function explainSkipReason(code: string): SkipReasonExplanation {
  const normalized = code.trim().toLowerCase();
  // `Object.hasOwn`, not `in`: a code such as "constructor" must not find Object.prototype.
  if (Object.hasOwn(SKIP_REASONS, normalized)) {
    const known = SKIP_REASONS[normalized];
    if (known) return known;
  }
  if (normalized === "") {
    return {
      title: "No reason given",
      explanation: "LeadLex marked this run as skipped but did not say why.",
    };
  }
  const { preview, truncated } = previewString(code.trim(), MAX_SHOWN_CODE_LENGTH);
  const shown = truncated ? `${preview}…` : preview;
  return {
    title: `Unrecognised reason (${shown})`,
    explanation: `LeadLex reported the skip reason “${shown}” but gives no explanation of it.`,
  };
}
