import { describe, expect, it } from "vitest";
import { extractWorkflowId } from "./extract-workflow-id";

describe("extractWorkflowId", () => {
  it.each([
    ["wf_01HY1", "wf_01HY1"],
    ["  wf_01HY1 \n", "wf_01HY1"],
    ["https://runboard.example.com/workflows/wf_01HY1?status=failed", "wf_01HY1"],
    ["http://localhost:3000/workflows/wf_01HY1#run", "wf_01HY1"],
    ["https://example.com/tools/runboard/workflows/wf_big/", "wf_big"],
    ["/workflows/wf_01HY1?page=2", "wf_01HY1"],
    ["/workflows/wf%5F01HY1", "wf_01HY1"],
  ])("reads %j as %s", (input, expected) => {
    expect(extractWorkflowId(input)).toBe(expected);
  });

  it.each([
    ["empty", ""],
    ["spaces", "   "],
    ["an id with a space", "wf 01"],
    ["a path to another page", "/connect?next=/"],
    ["a dot-dot id in a link", "https://x.io/workflows/%2e%2e"],
    ["a bad percent escape", "/workflows/%E0%A4%A"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["an id that is too long", "a".repeat(65)],
    ["a link with a slash in the id", "https://x.io/workflows/wf%2F1"],
  ])("refuses %s", (_label, input) => {
    expect(extractWorkflowId(input)).toBeNull();
  });
});
