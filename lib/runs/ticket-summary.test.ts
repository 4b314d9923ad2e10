import { describe, expect, it } from "vitest";
import type { Run } from "@/lib/model/run";
import { ticketSummary } from "./ticket-summary";

const failed: Run = {
  id: "wfl_01HY1AAA",
  workflowId: "wf_01HY1",
  triggeredAt: "2026-04-17T09:31:05Z",
  entityType: "deal",
  entityId: "deal_01HZZZ",
  status: "failed",
  skipReason: null,
  actionResult: null,
  error: { code: "channel_not_found", message: "Slack channel #sales\r\nwas not found" },
  durationMs: 1240,
};

const link = "https://runboard.example/workflows/wf_01HY1?open=wfl_01HY1AAA";

describe("ticketSummary", () => {
  it("names the workflow, run, entity, outcome, both times, duration and the link", () => {
    expect(
      ticketSummary(failed, { workflowName: "Notify owner", timeZone: "Asia/Kolkata", link }),
    ).toBe(
      [
        "Workflow: Notify owner (wf_01HY1)",
        "Run: wfl_01HY1AAA",
        "Entity: deal deal_01HZZZ",
        "Status: Failed",
        "Error code: channel_not_found",
        "Error message: Slack channel #sales was not found",
        "Triggered (UTC): 2026-04-17 09:31:05 UTC",
        "Triggered (Asia/Kolkata): 17 Apr 2026, 15:01:05 UTC+05:30",
        "Duration: 1,240 ms",
        `Link: ${link}`,
      ].join("\n"),
    );
  });

  it("gives a skipped run's reason, and UTC once for a viewer in UTC", () => {
    const skipped: Run = {
      ...failed,
      status: "skipped",
      error: null,
      skipReason: "daily_cap_reached",
    };
    const text = ticketSummary(skipped, { workflowName: null, timeZone: "UTC", link });
    expect(text.split("\n")).toEqual([
      "Workflow: wf_01HY1",
      "Run: wfl_01HY1AAA",
      "Entity: deal deal_01HZZZ",
      "Status: Skipped",
      "Skip reason: daily_cap_reached",
      "Triggered (UTC): 2026-04-17 09:31:05 UTC",
      "Duration: 1,240 ms",
      `Link: ${link}`,
    ]);
  });

  it("keeps an unreadable time as LeadLex sent it", () => {
    const odd: Run = { ...failed, status: "success", error: null, triggeredAt: "yesterday" };
    expect(ticketSummary(odd, { workflowName: null, timeZone: "UTC", link })).toContain(
      "Triggered: yesterday (as LeadLex sent it)",
    );
  });

  it("folds line breaks in every LeadLex value, so none can add a line of its own", () => {
    const forged: Run = {
      ...failed,
      entityId: "deal_01\nStatus: Success",
      error: { code: "x\r\nLink: https://evil.example", message: "a\u2028b" },
    };
    const lines = ticketSummary(forged, { workflowName: "N\nRun: 1", timeZone: "UTC", link });
    expect(lines.split("\n")).toHaveLength(9);
    expect(lines).toContain("Entity: deal deal_01 Status: Success");
    expect(lines).toContain("Error code: x Link: https://evil.example");
    expect(lines).toContain("Error message: a b");
    expect(lines).toContain("Workflow: N Run: 1 (wf_01HY1)");
  });
});
