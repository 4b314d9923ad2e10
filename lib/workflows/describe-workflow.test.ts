import { describe, expect, it } from "vitest";
import {
  cleanText,
  describeAction,
  displayName,
  MAX_NAME_LENGTH,
  describeAutoDisabledReason,
  describeTrigger,
  MAX_VALUE_LENGTH,
  workflowState,
  type TriggerFields,
} from "./describe-workflow";

function trigger(change: Partial<TriggerFields>): TriggerFields {
  return {
    conditionEntity: "deal",
    conditionField: "stage",
    conditionOperator: "changed_to",
    conditionValue: "lost",
    ...change,
  };
}

function action(actionType: string, actionConfig: Record<string, unknown> = {}) {
  return { actionType, actionConfig };
}

describe("describeTrigger", () => {
  it.each<[string, Partial<TriggerFields>, string]>([
    ["changed_to", {}, "When a deal's stage changes to “lost”"],
    [
      "contains",
      {
        conditionEntity: "contact",
        conditionField: "email",
        conditionOperator: "contains",
        conditionValue: "@acme.com",
      },
      "When a contact's email contains “@acme.com”",
    ],
    [
      "changed (value ignored)",
      {
        conditionEntity: "task",
        conditionField: "status",
        conditionOperator: "changed",
        conditionValue: "",
      },
      "When a task's status changes",
    ],
    [
      "greater_than",
      { conditionField: "amount", conditionOperator: "greater_than", conditionValue: "10000" },
      "When a deal's amount is greater than “10000”",
    ],
    [
      "less_than",
      { conditionField: "days_to_renewal", conditionOperator: "less_than", conditionValue: "60" },
      "When a deal's days to renewal is less than “60”",
    ],
    [
      "equals",
      {
        conditionEntity: "meeting",
        conditionField: "outcome",
        conditionOperator: "equals",
        conditionValue: "demo_completed",
      },
      "When a meeting's outcome is “demo_completed”",
    ],
    [
      "not_equals",
      {
        conditionEntity: "email",
        conditionField: "direction",
        conditionOperator: "not_equals",
        conditionValue: "inbound",
      },
      "When an email's direction is not “inbound”",
    ],
    [
      "equals an empty value",
      {
        conditionEntity: "contact",
        conditionField: "owner_id",
        conditionOperator: "equals",
        conditionValue: "",
      },
      "When a contact's owner id is empty",
    ],
    [
      "not_equals a missing value",
      { conditionOperator: "not_equals", conditionValue: null },
      "When a deal's stage is not empty",
    ],
  ])("describes %s", (_label, change, expected) => {
    expect(describeTrigger(trigger(change))).toBe(expected);
  });

  it("reads operators and entities regardless of case", () => {
    expect(
      describeTrigger(trigger({ conditionEntity: "Deal", conditionOperator: "CHANGED_TO" })),
    ).toBe("When a deal's stage changes to “lost”");
  });

  it("shows an unknown operator by name, with its value", () => {
    expect(
      describeTrigger(trigger({ conditionOperator: "starts_with", conditionValue: "Acme" })),
    ).toBe("When a deal's stage starts with “Acme”");
  });

  it("says a condition exists when the operator is missing", () => {
    expect(describeTrigger(trigger({ conditionOperator: "", conditionValue: "won" }))).toBe(
      "When a deal's stage matches a condition with the value “won”",
    );
    expect(describeTrigger(trigger({ conditionOperator: "", conditionValue: null }))).toBe(
      "When a deal's stage matches a condition",
    );
  });

  it("shows an unknown entity by its raw name, with the right article", () => {
    expect(describeTrigger(trigger({ conditionEntity: "invoice" }))).toBe(
      "When an invoice's stage changes to “lost”",
    );
    expect(describeTrigger(trigger({ conditionEntity: "support_ticket" }))).toBe(
      "When a support ticket's stage changes to “lost”",
    );
    expect(describeTrigger(trigger({ conditionEntity: "" }))).toBe(
      "When a record's stage changes to “lost”",
    );
  });

  it("leaves out a missing field", () => {
    expect(describeTrigger(trigger({ conditionField: "", conditionOperator: "changed" }))).toBe(
      "When a deal changes",
    );
  });

  it("keeps markup as plain text for React to escape", () => {
    expect(describeTrigger(trigger({ conditionValue: '"><svg onload=alert(1)>' }))).toBe(
      "When a deal's stage changes to “\"><svg onload=alert(1)>”",
    );
  });

  it("cuts an absurdly long value and ends it with …", () => {
    const text = describeTrigger(trigger({ conditionValue: "x".repeat(5_000) }));
    expect(text).toBe(`When a deal's stage changes to “${"x".repeat(MAX_VALUE_LENGTH)}…”`);
  });

  it("flattens newlines and shows bidi overrides as markers", () => {
    expect(describeTrigger(trigger({ conditionValue: "lost\n\u202Egnp.exe\u202C" }))).toBe(
      "When a deal's stage changes to “lost ⟨U+202E⟩gnp.exe⟨U+202C⟩”",
    );
  });
});

describe("describeAction", () => {
  it("names the chat service and the room of a channel message", () => {
    expect(
      describeAction(
        action("send_channel_message", {
          channel: "slack",
          recipient: "#deals-lost",
          message: "x",
        }),
      ),
    ).toBe("Post a Slack message to #deals-lost");
  });

  it("reads a # channel as the room when there is no recipient", () => {
    expect(describeAction(action("send_channel_message", { channel: "#deals-lost" }))).toBe(
      "Post a channel message to #deals-lost",
    );
    expect(describeAction(action("send_channel_message"))).toBe("Post a channel message");
  });

  it("shows an unknown chat service by name", () => {
    expect(
      describeAction(action("send_channel_message", { channel: "irc", recipient: "#ops" })),
    ).toBe("Post an irc message to #ops");
  });

  it("says where an email goes, merge tokens included", () => {
    expect(
      describeAction(action("send_email", { to: "{{deal.owner_email}}", subject: "Hi" })),
    ).toBe("Send an email to {{deal.owner_email}}");
    expect(describeAction(action("send_email", { to: ["a@x.io", "b@x.io"] }))).toBe(
      "Send an email to a@x.io, b@x.io",
    );
    expect(describeAction(action("send_email"))).toBe("Send an email");
  });

  it("names the task it creates", () => {
    expect(describeAction(action("create_task"))).toBe("Create a task");
    expect(
      describeAction(action("create_task", { title: "Start renewal for {{deal.name}}" })),
    ).toBe("Create a task “Start renewal for {{deal.name}}”");
  });

  it("shows a webhook's method and URL without credentials, query or fragment", () => {
    expect(
      describeAction(
        action("webhook", { url: "https://hooks.example.io/leadlex/contacts", method: "post" }),
      ),
    ).toBe("Call a webhook (POST https://hooks.example.io/leadlex/contacts)");
    expect(
      describeAction(
        action("webhook", { url: "https://user:secret@hooks.example.io/in?token=abc#x" }),
      ),
    ).toBe("Call a webhook (https://hooks.example.io/in)");
    expect(describeAction(action("webhook"))).toBe("Call a webhook");
    expect(describeAction(action("webhook", { url: "not a url" }))).toBe(
      "Call a webhook (not a url)",
    );
  });

  it("says which field an update sets", () => {
    expect(
      describeAction(
        action("update_field", { entity: "deal", field: "risk_level", value: "high" }),
      ),
    ).toBe("Update the deal's risk level to “high”");
    expect(describeAction(action("update_field", { field: "tags", value: 3 }))).toBe(
      "Update the tags field to “3”",
    );
    expect(
      describeAction(action("update_field", { entity: "deal", field: "owner_id", value: null })),
    ).toBe("Clear the deal's owner id");
    expect(describeAction(action("update_field", { entity: "deal", field: "stage" }))).toBe(
      "Update the deal's stage",
    );
    expect(describeAction(action("update_field"))).toBe("Update a field");
  });

  it("shows an unknown action type by its raw name", () => {
    expect(describeAction(action("send_sms", { to: "+15550100" }))).toBe("send_sms");
    expect(describeAction(action(""))).toBe("An unnamed action");
  });

  it("ignores config values that are not text", () => {
    expect(describeAction(action("send_email", { to: { nested: "x" } }))).toBe("Send an email");
  });

  it("cuts an absurdly long recipient", () => {
    const text = describeAction(action("send_email", { to: "a".repeat(1_000) }));
    expect(text).toBe(`Send an email to ${"a".repeat(MAX_VALUE_LENGTH)}…`);
  });
});

describe("describeAutoDisabledReason", () => {
  it.each([
    ["daily_cap_exceeded", "daily cap exceeded"],
    ["DAILY_CAP_EXCEEDED", "daily cap exceeded"],
    ["too_many_errors", "too many errors"],
    ["", "no reason given"],
  ])("reads %j as %j", (reason, expected) => {
    expect(describeAutoDisabledReason(reason)).toBe(expected);
  });
});

describe("workflowState", () => {
  it("is auto-disabled only when disabled with a reason", () => {
    expect(workflowState(true)).toBe("enabled");
    expect(workflowState(true, "daily_cap_exceeded")).toBe("enabled");
    expect(workflowState(false)).toBe("disabled");
    expect(workflowState(false, null)).toBe("disabled");
    expect(workflowState(false, "daily_cap_exceeded")).toBe("auto_disabled");
  });
});

describe("cleanText", () => {
  it("never cuts an emoji in half", () => {
    expect(cleanText("🚀🚀🚀", 2)).toBe("🚀🚀…");
  });

  it("keeps emoji joiners and combining marks", () => {
    expect(cleanText("👩\u200D💻 e\u0301")).toBe("👩\u200D💻 e\u0301");
  });
});

describe("displayName", () => {
  it("keeps a name as text, on one line", () => {
    expect(displayName("Notify owner <img src=x onerror=alert(1)>\non lost deals 🚀")).toBe(
      "Notify owner <img src=x onerror=alert(1)> on lost deals 🚀",
    );
  });

  it("cuts an absurd name and names an empty one", () => {
    expect(displayName("n".repeat(10_000))).toBe(`${"n".repeat(MAX_NAME_LENGTH)}…`);
    expect(displayName("  \u202e ")).toBe("⟨U+202E⟩");
    expect(displayName(" \n ")).toBe("Untitled workflow");
  });
});
