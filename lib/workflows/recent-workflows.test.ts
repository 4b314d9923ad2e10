import { describe, expect, it } from "vitest";
import {
  addRecentWorkflow,
  MAX_RECENT_WORKFLOWS,
  parseRecentWorkflows,
  type RecentWorkflow,
} from "./recent-workflows";

function entry(id: string, minute: number, name = `Workflow ${id}`): RecentWorkflow {
  return { id, name, openedAt: `2026-04-17T09:${String(minute).padStart(2, "0")}:00Z` };
}

describe("parseRecentWorkflows", () => {
  it("reads nothing from nothing", () => {
    expect(parseRecentWorkflows(null)).toEqual([]);
    expect(parseRecentWorkflows("")).toEqual([]);
  });

  it.each([
    ["text that is not JSON", "{not json"],
    ["an object", '{"id":"wf_1"}'],
    ["a number", "42"],
    ["null", "null"],
  ])("ignores %s", (_label, raw) => {
    expect(parseRecentWorkflows(raw)).toEqual([]);
  });

  it("keeps the valid entries and drops the rest", () => {
    const raw = JSON.stringify([
      entry("wf_good", 10),
      { id: "../admin", name: "Path trick", openedAt: "2026-04-17T09:11:00Z" },
      { id: "wf_no_time", name: "No time" },
      { id: "wf_bad_time", name: "Bad time", openedAt: "yesterday" },
      { id: 7, name: "Number id", openedAt: "2026-04-17T09:12:00Z" },
      { id: "wf_no_name", openedAt: "2026-04-17T09:13:00Z" },
      "wf_string",
      null,
    ]);
    expect(parseRecentWorkflows(raw)).toEqual([entry("wf_good", 10)]);
  });

  it("sorts newest first, keeps one entry per id and at most eight", () => {
    const stored = [
      ...Array.from({ length: 12 }, (_, i) => entry(`wf_${i}`, i)),
      entry("wf_3", 59, "Newer copy"),
    ];
    const list = parseRecentWorkflows(JSON.stringify(stored));
    expect(list).toHaveLength(MAX_RECENT_WORKFLOWS);
    expect(list[0]).toEqual(entry("wf_3", 59, "Newer copy"));
    expect(list.map((item) => item.id)).toEqual([
      "wf_3",
      "wf_11",
      "wf_10",
      "wf_9",
      "wf_8",
      "wf_7",
      "wf_6",
      "wf_5",
    ]);
  });

  it("flattens stored names to one line of plain text", () => {
    const raw = JSON.stringify([entry("wf_1", 1, "Lost deals\n\u202E<b>x</b>")]);
    expect(parseRecentWorkflows(raw)[0]?.name).toBe("Lost deals ⟨U+202E⟩<b>x</b>");
  });
});

describe("addRecentWorkflow", () => {
  it("puts the opened workflow on top and moves a repeat there", () => {
    const list = [entry("wf_b", 2), entry("wf_a", 1)];
    expect(addRecentWorkflow(list, entry("wf_a", 3)).map((item) => item.id)).toEqual([
      "wf_a",
      "wf_b",
    ]);
  });

  it("drops the oldest past eight", () => {
    const list = Array.from({ length: MAX_RECENT_WORKFLOWS }, (_, i) => entry(`wf_${i}`, i));
    const next = addRecentWorkflow(list, entry("wf_new", 30));
    expect(next).toHaveLength(MAX_RECENT_WORKFLOWS);
    expect(next[0]?.id).toBe("wf_new");
    expect(next.some((item) => item.id === "wf_0")).toBe(false);
  });
});
