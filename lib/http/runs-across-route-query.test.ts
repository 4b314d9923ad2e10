import { describe, expect, it } from "vitest";
import { appErrorOf } from "@/lib/testing/app-error-of";
import { runsAcrossApiPath } from "@/lib/query/runs-across-query";
import { loadRunsAcrossViewState, toRunsAcrossQuery } from "@/lib/url-state/runs-across-view-state";
import { readRunsAcrossRouteQuery } from "./route-queries";

const read = (search: string) => readRunsAcrossRouteQuery(new URLSearchParams(search));

describe("readRunsAcrossRouteQuery", () => {
  it("reads back exactly what the view asks, rolling or absolute", () => {
    for (const link of [
      "",
      "?window=7d&status=all",
      "?after=2026-04-10T00:00:00Z",
      "?after=2026-04-10T00:00:00Z&before=2026-04-11T12:30:00Z&workflow=wf_a",
    ]) {
      const query = toRunsAcrossQuery(loadRunsAcrossViewState(link));
      const path = runsAcrossApiPath(query);
      expect(read(path.slice(path.indexOf("?") + 1)).query).toEqual(query);
    }
  });

  it.each([
    "after=2026-04-10",
    "after=2026-04-10T00:00:00.000Z",
    "before=2026-04-11T00:00:00Z",
    "after=2026-04-11T00:00:00Z&before=2026-04-10T00:00:00Z",
    "after=2026-04-11T00:00:00Z&before=2026-04-11T00:00:00Z",
    "after=2026-04-10T00:00:00Z&window=24h",
    "after=2026-02-30T00:00:00Z",
  ])("refuses ?%s with bad_request", async (search) => {
    const error = await appErrorOf(Promise.resolve().then(() => read(search)));
    expect(error.code).toBe("bad_request");
  });
});
