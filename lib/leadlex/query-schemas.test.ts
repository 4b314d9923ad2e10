import { describe, expect, it } from "vitest";
import { MAX_PAGE, MAX_PER_PAGE, MAX_SEARCH_LENGTH } from "@/lib/model/queries";
import { logsQuerySchema, workflowsQuerySchema } from "./query-schemas";

const logs = { page: 1, perPage: 25, status: null, after: null };
const workflows = { page: 1, perPage: 25, enabled: null, entity: null, search: null };

describe("logsQuerySchema", () => {
  it("accepts the defaults", () => {
    expect(logsQuerySchema.parse(logs)).toEqual(logs);
  });

  it("accepts the limits", () => {
    expect(
      logsQuerySchema.safeParse({ ...logs, page: MAX_PAGE, perPage: MAX_PER_PAGE }).success,
    ).toBe(true);
    expect(logsQuerySchema.safeParse({ ...logs, perPage: 1 }).success).toBe(true);
  });

  it.each(["success", "failed", "skipped"])("accepts status %s", (status) => {
    expect(logsQuerySchema.parse({ ...logs, status }).status).toBe(status);
  });

  it.each([
    ["2026-04-17T09:31:00Z", "2026-04-17T09:31:00Z"],
    ["2026-04-17T11:31:00+02:00", "2026-04-17T09:31:00Z"],
    ["2026-04-17T09:31:00.750Z", "2026-04-17T09:31:00Z"],
    ["2026-04-17T09:31Z", "2026-04-17T09:31:00Z"],
  ])("normalises after %s to %s", (after, expected) => {
    expect(logsQuerySchema.parse({ ...logs, after }).after).toBe(expected);
  });

  it.each<[string, Record<string, unknown>]>([
    ["page 0", { page: 0 }],
    ["a negative page", { page: -1 }],
    ["a fractional page", { page: 1.5 }],
    ["a page past the limit", { page: MAX_PAGE + 1 }],
    ["page NaN", { page: Number.NaN }],
    ["page as text", { page: "1" }],
    ["perPage 0", { perPage: 0 }],
    ["perPage 101", { perPage: MAX_PER_PAGE + 1 }],
    ["status FAILED", { status: "FAILED" }],
    ["status missing", { status: undefined }],
    ["after on 30 February", { after: "2026-02-30T00:00:00Z" }],
    ["after on 29 February of a common year", { after: "2027-02-29T00:00:00Z" }],
    ["after in month 13", { after: "2026-13-01T00:00:00Z" }],
    ["after at hour 24", { after: "2026-04-17T24:00:00Z" }],
    ["after in 1999", { after: "1999-12-31T00:00:00Z" }],
    ["after in 2201", { after: "2201-01-01T00:00:00Z" }],
    ["after without a zone", { after: "2026-04-17T09:31:00" }],
    ["after 'yesterday'", { after: "yesterday" }],
  ])("rejects %s", (_label, change) => {
    expect(logsQuerySchema.safeParse({ ...logs, ...change }).success).toBe(false);
  });

  it("names the field that failed", () => {
    const result = logsQuerySchema.safeParse({ ...logs, after: "yesterday" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["after"]);
  });
});

describe("workflowsQuerySchema", () => {
  it("accepts the defaults", () => {
    expect(workflowsQuerySchema.parse(workflows)).toEqual(workflows);
  });

  it("accepts every filter", () => {
    const query = { page: 2, perPage: 50, enabled: false, entity: "meeting", search: "Won deals" };
    expect(workflowsQuerySchema.parse(query)).toEqual(query);
  });

  it("accepts search text with punctuation and non-ASCII letters", () => {
    const search = 'Café & co. "won" <deal> 100%';
    expect(workflowsQuerySchema.parse({ ...workflows, search }).search).toBe(search);
    expect(
      workflowsQuerySchema.safeParse({ ...workflows, search: "a".repeat(MAX_SEARCH_LENGTH) })
        .success,
    ).toBe(true);
  });

  it.each<[string, Record<string, unknown>]>([
    ["page 0", { page: 0 }],
    ["perPage 101", { perPage: 101 }],
    ["an unknown entity", { entity: "invoice" }],
    ["enabled as text", { enabled: "true" }],
    ["a NUL in search", { search: "deal\u0000" }],
    ["a newline in search", { search: "deal\nwon" }],
    ["a tab in search", { search: "deal\twon" }],
    ["DEL in search", { search: "deal\u007f" }],
    ["search over the limit", { search: "a".repeat(MAX_SEARCH_LENGTH + 1) }],
  ])("rejects %s", (_label, change) => {
    expect(workflowsQuerySchema.safeParse({ ...workflows, ...change }).success).toBe(false);
  });
});
