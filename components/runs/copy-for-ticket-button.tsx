"use client";

import { useTime } from "@/components/time/time-provider";
import { CopyButton } from "@/components/ui/copy-button";
import type { Run } from "@/lib/model/run";

export interface CopyForTicketButtonProps {
  run: Run;
  /** The workflow's name, where the view knows it; the ticket names the id either way. */
  workflowName: string | null;
}

/**
 * "Copy for ticket": the run as plain text for a support ticket, with a link that opens it and
 * keeps meaning the same window later. The code that writes the text loads on the click, so it
 * costs no page's first load anything.
 */
export function CopyForTicketButton({ run, workflowName }: CopyForTicketButtonProps) {
  const { timeZone } = useTime();
  async function ticketText(): Promise<string> {
    const [{ ticketSummary }, { frozenLink }] = await Promise.all([
      import("@/lib/runs/ticket-summary"),
      import("@/lib/url-state/frozen-link"),
    ]);
    const link = frozenLink(window.location.href, Date.now(), run.id);
    return ticketSummary(run, { workflowName, timeZone, link });
  }
  return (
    <CopyButton
      value={ticketText}
      label="Copy for ticket"
      copiedLabel="Copied for ticket"
      showLabel
      variant="secondary"
      size="sm"
    />
  );
}
