import { describe, expect, it } from "vitest";
import { appErrorOf } from "@/lib/testing/app-error-of";
import { readRecordRouteQuery } from "./route-queries";

const DEAL = "deal_01KFFFBYJ8FB0H37XY6EZZ1X3K";
const read = (entityId: string, search: string) =>
  readRecordRouteQuery(entityId, new URLSearchParams(search));

describe("readRecordRouteQuery", () => {
  it("reads the record view's canonical parameters and the fill action", () => {
    expect(read(DEAL, "per_page=25&window=30d&fill=cancel")).toEqual({
      query: { entityId: DEAL, window: "30d", page: 1, perPage: 25 },
      fill: "cancel",
    });
    expect(read(DEAL, "page=2&per_page=50")).toEqual({
      query: { entityId: DEAL, window: "7d", page: 2, perPage: 50 },
      fill: null,
    });
  });

  it.each([
    ["wf_01HY1", ""],
    ["deal_01%2F..", ""],
    [DEAL, "window=30D"],
    [DEAL, "window=1y"],
    [DEAL, "fill=now"],
    [DEAL, "status=failed"],
    [DEAL, "page=0"],
    [DEAL, "window=7d&window=30d"],
  ])("refuses %s ?%s with bad_request", async (entityId, search) => {
    const error = await appErrorOf(Promise.resolve().then(() => read(entityId, search)));
    expect(error.code).toBe("bad_request");
  });
});
