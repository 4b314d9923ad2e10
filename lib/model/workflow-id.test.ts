import { describe, expect, it } from "vitest";
import { isWorkflowId } from "./workflow-id";

describe("isWorkflowId", () => {
  it.each(["wf_01HY1", "wf-big", "A", "a".repeat(64)])("accepts %s", (id) => {
    expect(isWorkflowId(id)).toBe(true);
  });

  it.each(["", "..", "wf 1", "wf/1", "wf%2F1", "a".repeat(65), "wf_1\n", "wf_é"])(
    "rejects %j",
    (id) => {
      expect(isWorkflowId(id)).toBe(false);
    },
  );
});
