import { describe, expect, it } from "vitest";
import { findRunsViewRepairs } from "./runs-view-repairs";
import { loadRunsViewState, serializeRunsViewState } from "./runs-link-state";

function repairs(raw: Record<string, string | string[]>) {
  return findRunsViewRepairs(raw, loadRunsViewState(raw));
}

describe("findRunsViewRepairs", () => {
  it("finds nothing in a canonical link", () => {
    expect(
      repairs({
        status: "failed",
        after: "2026-04-17T09:31:00Z",
        page: "2",
        per_page: "50",
        open: "wfl_01HY1",
      }),
    ).toEqual([]);
  });

  it("names each repair of a bad link, in words", () => {
    const found = repairs({
      status: "FAILED",
      page: "-3",
      per_page: "1000",
      after: "yesterday",
      open: "<script>",
    });
    expect(found.map((repair) => repair.message)).toEqual([
      "Status “FAILED” was read as “failed”.",
      "“yesterday” is not a date and time (expected ISO 8601, e.g. 2026-04-17T09:31:00Z, or a rolling window such as -24h); the time filter was removed.",
      "Page “-3” is not a page number; showing page 1.",
      "“1000” rows per page is not offered; showing 100.",
      "“<script>” is not a run id; no run was opened.",
    ]);
  });

  it("says how a time with an offset was read", () => {
    expect(repairs({ after: "2026-04-17T11:31:00+02:00" })[0]?.message).toBe(
      "The “after” time was read as 2026-04-17T09:31:00Z.",
    );
  });

  it("keeps a rolling window rolling, and says how a loosely written one was read", () => {
    expect(repairs({ after: "-24h" })).toEqual([]);
    expect(loadRunsViewState({ after: "-24h" }).after).toBe("-24h");
    expect(repairs({ after: "-024H" })[0]?.message).toBe(
      "The “after” window was read as -24h (the last 24 hours).",
    );
    expect(repairs({ after: "-0h" })[0]?.message).toMatch(/^“-0h” is not a date and time/);
    expect(serializeRunsViewState(loadRunsViewState({ after: "-7D" }))).toBe("?after=-7d");
  });

  it("opens several runs, in the order given, each once, at most ten", () => {
    expect(loadRunsViewState({ open: "wfl_2,wfl_1,wfl_2" }).open).toEqual(["wfl_2", "wfl_1"]);
    expect(repairs({ open: "wfl_2,wfl_1" })).toEqual([]);
    expect(serializeRunsViewState(loadRunsViewState({ open: "wfl_2, wfl_1" }))).toBe(
      "?open=wfl_2,wfl_1",
    );
    expect(repairs({ open: "wfl_1,<b>" })[0]?.message).toBe(
      "“<b>” is not a run id; the other run was opened.",
    );
    expect(repairs({ open: "wfl_1,wfl_2,x y,a.b" })[0]?.message).toBe(
      "“x y”, “a.b” are not run ids; the other 2 runs were opened.",
    );
    const eleven = Array.from({ length: 11 }, (_, index) => `wfl_${index}`);
    expect(loadRunsViewState({ open: eleven.join(",") }).open).toEqual(eleven.slice(0, 10));
    expect(repairs({ open: eleven.join(",") })[0]?.message).toBe(
      "At most 10 runs open at once; the first 10 were opened.",
    );
  });

  it("reports a repeated parameter once, and keeps its first value", () => {
    const raw = { status: ["failed", "skipped"] };
    expect(loadRunsViewState(raw).status).toBe("failed");
    expect(repairs(raw)).toEqual([
      {
        parameter: "status",
        given: "failed, skipped",
        message: "“status” appeared 2 times; the first value was used.",
      },
    ]);
  });

  it("serialises the repaired view, leaving defaults out", () => {
    const state = loadRunsViewState({ status: "FAILED", page: "-3", per_page: "1000" });
    expect(serializeRunsViewState(state)).toBe("?status=failed&per_page=100");
  });

  it("keeps live=1 in the link and drops any other value with a word", () => {
    expect(loadRunsViewState({ live: "1" }).live).toBe(true);
    expect(repairs({ live: "1", page: "x" }).map((repair) => repair.parameter)).toEqual(["page"]);
    expect(serializeRunsViewState(loadRunsViewState({ live: "1", page: "x" }))).toBe("?live=1");
    expect(repairs({ live: "yes" })).toEqual([
      {
        parameter: "live",
        given: "yes",
        message: "“yes” is not a Live setting (live=1 turns it on); Live is off.",
      },
    ]);
    expect(loadRunsViewState({ live: "yes" }).live).toBeNull();
  });
});
