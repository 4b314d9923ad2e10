import { describe, expect, it } from "vitest";
import { resolveAfter } from "@/lib/format/rolling-window";
import { findRunsAcrossViewRepairs } from "./runs-across-view-repairs";
import {
  absoluteRange,
  loadRunsAcrossViewState,
  ROLLING_WINDOW_MS,
  ROLLING_WINDOWS,
  serializeRunsAcrossViewState,
  statusesOf,
  toRunsAcrossQuery,
  withConsistentRange,
  workflowRunsSearch,
} from "./runs-across-view-state";
import { loadRunsViewState } from "./runs-link-state";

describe("the /runs view's URL state", () => {
  it("opens on failed runs of the last 24 h, and keeps that out of the link", () => {
    const state = loadRunsAcrossViewState("");
    expect(state).toMatchObject({ status: "failed", window: "24h", still_failing: false });
    expect(serializeRunsAcrossViewState(state)).toBe("");
  });

  it("reads several statuses in a fixed order, and all three as every status", () => {
    expect(loadRunsAcrossViewState("?status=Skipped,failed").status).toBe("failed,skipped");
    expect(statusesOf("failed,skipped")).toEqual(["failed", "skipped"]);
    expect(loadRunsAcrossViewState("?status=success,failed,skipped").status).toBe("all");
    expect(statusesOf("all")).toEqual([]);
  });

  it("keeps the window rolling in the link", () => {
    const state = loadRunsAcrossViewState("?window=7d");
    expect(serializeRunsAcrossViewState(state)).toBe("?window=7d");
  });

  it("reads an absolute window, which replaces the rolling one in the question and the link", () => {
    const raw = {
      after: "2026-04-10T00:00:00+02:00",
      before: "2026-04-11T00:00:00Z",
      window: "7d",
    };
    const state = loadRunsAcrossViewState(raw);
    expect(absoluteRange(state)).toEqual({
      after: "2026-04-09T22:00:00Z",
      before: "2026-04-11T00:00:00Z",
    });
    expect(toRunsAcrossQuery(state)).toMatchObject({
      window: "24h",
      after: "2026-04-09T22:00:00Z",
      before: "2026-04-11T00:00:00Z",
    });
    expect(serializeRunsAcrossViewState(withConsistentRange(state))).toBe(
      "?after=2026-04-09T22:00:00Z&before=2026-04-11T00:00:00Z",
    );
    const repairs = findRunsAcrossViewRepairs(raw, state);
    expect(repairs.map((repair) => repair.parameter)).toEqual(["after", "window"]);
    expect(repairs[0]?.message).toBe("The “after” time was read as 2026-04-09T22:00:00Z.");
  });

  it.each([
    [
      { before: "2026-04-11T00:00:00Z" },
      "A “before” bound needs an “after” bound; showing the last 24h.",
    ],
    [
      { after: "2026-04-11T00:00:00Z", before: "2026-04-11T00:00:00Z" },
      "“before” (2026-04-11T00:00:00Z) is not later than “after” (2026-04-11T00:00:00Z); showing runs from 2026-04-11T00:00:00Z up to now.",
    ],
  ])("drops a before that the window cannot use, and says so: %o", (raw, message) => {
    const state = loadRunsAcrossViewState(raw);
    expect(toRunsAcrossQuery(state).before).toBeNull();
    expect(serializeRunsAcrossViewState(withConsistentRange(state))).not.toContain("before");
    expect(findRunsAcrossViewRepairs(raw, state)).toEqual([
      { parameter: "before", given: raw.before, message },
    ]);
  });

  it("removes a bound that is not a date and time, and says so", () => {
    const raw = { after: "yesterday" };
    const state = loadRunsAcrossViewState(raw);
    expect(absoluteRange(state)).toBeNull();
    expect(findRunsAcrossViewRepairs(raw, state)[0]?.message).toContain(
      "the “after” bound was removed",
    );
  });

  it("opens an absolute window in a workflow's view from its start", () => {
    const state = loadRunsAcrossViewState("?status=failed&after=2026-04-10T00:00:00Z");
    expect(workflowRunsSearch(state)).toBe("?status=failed&after=2026-04-10T00%3A00%3A00Z");
  });

  it("keeps valid workflow ids once each, and names every repair it made", () => {
    const raw = {
      status: "FAILED,nope",
      window: "2h",
      workflow: "wf_a,wf_a,bad id,wf_b",
      reason: "Not A Code!",
    };
    const state = loadRunsAcrossViewState(raw);
    expect(state).toMatchObject({ status: "failed", window: "24h", workflow: "wf_a,wf_b" });
    expect(state.reason).toBeNull();
    const messages = findRunsAcrossViewRepairs(raw, state).map((repair) => repair.parameter);
    expect(messages).toEqual(["status", "window", "workflow", "reason"]);
  });

  it("says nothing about a link already in its canonical form", () => {
    const raw = { status: "failed,skipped", window: "1h", workflow: "wf_a", still_failing: "1" };
    expect(findRunsAcrossViewRepairs(raw, loadRunsAcrossViewState(raw))).toEqual([]);
  });

  it("opens a workflow on the same runs: one status, and the window as a rolling after", () => {
    expect(workflowRunsSearch(loadRunsAcrossViewState(""))).toBe("?status=failed&after=-24h");
    expect(workflowRunsSearch(loadRunsAcrossViewState("?status=all&window=7d"))).toBe("?after=-7d");
    expect(workflowRunsSearch(loadRunsAcrossViewState("?status=failed,skipped&window=1h"))).toBe(
      "?after=-1h",
    );
  });

  it.each(ROLLING_WINDOWS)(
    "means by %s the span the workflow's view means by its after",
    (window) => {
      const nowMs = Date.parse("2026-04-17T09:31:00Z");
      const { after } = loadRunsViewState(
        workflowRunsSearch({ status: "all", window, after: null, before: null }),
      );
      expect(after).toBe(`-${window}`);
      expect(nowMs - Date.parse(resolveAfter(after ?? "", nowMs))).toBe(ROLLING_WINDOW_MS[window]);
    },
  );
});
