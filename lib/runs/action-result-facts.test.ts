import { describe, expect, it } from "vitest";
import { actionResultFacts } from "./action-result-facts";

describe("actionResultFacts", () => {
  it("names a Slack message's timestamp and channel", () => {
    expect(actionResultFacts({ slack_message_ts: "1713351031.001200", channel: "#sales" })).toEqual(
      [
        { label: "Slack message timestamp", value: "1713351031.001200", mono: true },
        { label: "Slack channel", value: "#sales", mono: true },
      ],
    );
  });

  it("names an email's message id, a task's id and a webhook's status code", () => {
    expect(actionResultFacts({ message_id: "<a@b>", recipient: "x@y.example" })).toEqual([
      { label: "Email message id", value: "<a@b>", mono: true },
      { label: "Recipient", value: "x@y.example", mono: false },
    ]);
    expect(actionResultFacts({ task_id: "task_01H" })).toEqual([
      { label: "Task id", value: "task_01H", mono: true },
    ]);
    expect(actionResultFacts({ status_code: 502, response_ms: 1834 })).toEqual([
      { label: "Webhook status code", value: "502", mono: true },
      { label: "Webhook response time", value: "1,834 ms", mono: false },
    ]);
  });

  it("names nothing it cannot show as it is", () => {
    expect(actionResultFacts(null)).toEqual([]);
    expect(actionResultFacts([1, 2])).toEqual([]);
    expect(actionResultFacts("done")).toEqual([]);
    expect(actionResultFacts({ status_code: { nested: 1 }, task_id: "", other: "x" })).toEqual([]);
    expect(actionResultFacts(Object.create({ task_id: "inherited" }))).toEqual([]);
  });
});
