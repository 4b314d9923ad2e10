import { describe, expect, it } from "vitest";
import { workflowsQuerySchema } from "@/lib/leadlex/query-schemas";
import { MAX_SEARCH_LENGTH } from "@/lib/model/queries";
import { readEntity } from "./shared-readers";
import { findWorkflowsViewRepairs } from "./workflows-view-repairs";
import {
  describeWorkflowsMatch,
  hasWorkflowsFilters,
  loadWorkflowsViewState,
  readEnabled,
  readSearch,
  serializeWorkflowsViewState,
  toWorkflowsQuery,
  type WorkflowsViewState,
} from "./workflows-view-state";

const defaults: WorkflowsViewState = {
  q: null,
  enabled: null,
  entity: null,
  sort: null,
  page: 1,
  per_page: 25,
};

describe("readSearch", () => {
  it.each([
    ["deal", "deal"],
    ["  won deals  ", "won deals"],
    ["deal\u0000won", "dealwon"],
    ["line\nbreak\ttab\u007f", "linebreaktab"],
    ["", null],
    ["   ", null],
    ["\u0000\n", null],
    ['Café & co. "won" <deal>', 'Café & co. "won" <deal>'],
  ])("reads %j as %j", (raw, expected) => {
    expect(readSearch(raw)).toBe(expected);
  });

  it("cuts at the limit without splitting an emoji", () => {
    expect(readSearch("a".repeat(500))).toBe("a".repeat(MAX_SEARCH_LENGTH));
    const search = readSearch(`${"a".repeat(MAX_SEARCH_LENGTH - 1)}🚀`);
    expect(search).toBe("a".repeat(MAX_SEARCH_LENGTH - 1));
  });

  it("only produces values the gateway's schema accepts", () => {
    for (const raw of ["x\u0001".repeat(80), "🚀".repeat(80), ` ${"b".repeat(200)} `]) {
      const search = readSearch(raw);
      expect(
        workflowsQuerySchema.safeParse({ ...toWorkflowsQuery(defaults), search }).success,
      ).toBe(true);
    }
  });
});

describe("readEnabled and readEntity", () => {
  it.each([
    ["true", true],
    ["TRUE", true],
    [" False ", false],
    ["yes", null],
    ["1", null],
    ["", null],
  ])("enabled %j reads as %j", (raw, expected) => {
    expect(readEnabled(raw)).toBe(expected);
  });

  it.each([
    ["deal", "deal"],
    ["Meeting", "meeting"],
    [" email ", "email"],
    ["invoice", null],
    ["deals", null],
  ])("entity %j reads as %j", (raw, expected) => {
    expect(readEntity(raw)).toBe(expected);
  });
});

describe("loadWorkflowsViewState", () => {
  it("reads an empty URL as the defaults", () => {
    expect(loadWorkflowsViewState({})).toEqual(defaults);
  });

  it("reads every parameter", () => {
    expect(
      loadWorkflowsViewState({
        q: "won",
        enabled: "false",
        entity: "deal",
        sort: "attention",
        page: "3",
        per_page: "50",
      }),
    ).toEqual({
      q: "won",
      enabled: false,
      entity: "deal",
      sort: "attention",
      page: 3,
      per_page: 50,
    });
  });

  it("repairs bad values instead of failing", () => {
    expect(
      loadWorkflowsViewState({ enabled: "maybe", entity: "invoice", page: "-2", per_page: "1000" }),
    ).toEqual({ ...defaults, page: 1, per_page: 100 });
  });

  it("keeps the first of repeated parameters", () => {
    expect(loadWorkflowsViewState({ entity: ["task", "deal"] }).entity).toBe("task");
  });
});

describe("serializeWorkflowsViewState", () => {
  it("leaves defaults out of the URL", () => {
    expect(serializeWorkflowsViewState(defaults)).toBe("");
  });

  it("writes the filters and round-trips them", () => {
    const view: WorkflowsViewState = {
      q: "won & lost",
      enabled: true,
      entity: "task",
      sort: "attention",
      page: 2,
      per_page: 100,
    };
    const search = serializeWorkflowsViewState(view);
    expect(loadWorkflowsViewState(search)).toEqual(view);
  });
});

describe("toWorkflowsQuery", () => {
  it("maps the URL names to the gateway's", () => {
    expect(
      toWorkflowsQuery({
        q: "won",
        enabled: true,
        entity: "deal",
        sort: "attention",
        page: 4,
        per_page: 50,
      }),
    ).toEqual({
      page: 4,
      perPage: 50,
      enabled: true,
      entity: "deal",
      search: "won",
      sort: "attention",
    });
  });

  it("reads the sort in any case, and anything else as LeadLex's order", () => {
    expect(loadWorkflowsViewState("?sort=Attention").sort).toBe("attention");
    expect(loadWorkflowsViewState("?sort=newest").sort).toBeNull();
  });
});

describe("hasWorkflowsFilters", () => {
  it("ignores paging", () => {
    expect(hasWorkflowsFilters({ ...defaults, page: 3, per_page: 100 })).toBe(false);
    expect(hasWorkflowsFilters({ ...defaults, enabled: false })).toBe(true);
  });
});

describe("describeWorkflowsMatch", () => {
  it.each<[Partial<WorkflowsViewState>, number | null, string]>([
    [{}, 25, "25 workflows"],
    [{}, 0, "No workflows"],
    [{ q: "deal" }, 12, "12 workflows match “deal”"],
    [{ q: "deal" }, 1, "1 workflow matches “deal”"],
    [{ enabled: false }, 3, "3 disabled workflows"],
    [{ enabled: true, entity: "task" }, 1, "1 enabled workflow triggered by tasks"],
    [
      { enabled: false, entity: "deal", q: "won" },
      0,
      "No disabled workflows triggered by deals match “won”",
    ],
    [{ entity: "email" }, 1234, "1,234 workflows triggered by emails"],
    [{ enabled: false, entity: "deal" }, null, "Disabled workflows triggered by deals"],
  ])("describes %j with %j", (change, count, expected) => {
    expect(describeWorkflowsMatch({ ...defaults, ...change }, count)).toBe(expected);
  });
});

describe("findWorkflowsViewRepairs", () => {
  function corrections(raw: Record<string, string | string[]>) {
    return findWorkflowsViewRepairs(raw, loadWorkflowsViewState(raw));
  }

  it("finds nothing in a canonical link, or in case and spacing differences", () => {
    expect(
      corrections({ q: "won", enabled: "true", entity: "deal", page: "2", per_page: "50" }),
    ).toEqual([]);
    expect(corrections({ q: "  won ", enabled: "TRUE", entity: "Deal", page: " 2" })).toEqual([]);
    expect(corrections({ q: "" })).toEqual([]);
  });

  it("names each repaired parameter", () => {
    const found = corrections({ enabled: "maybe", entity: "invoice", page: "x", per_page: "7" });
    expect(found.map((correction) => correction.parameter)).toEqual([
      "enabled",
      "entity",
      "page",
      "per_page",
    ]);
    expect(found[1]?.message).toBe(
      "“invoice” is not an entity type (contact, deal, task, email, meeting); showing all entities.",
    );
    expect(found[3]?.message).toBe("“7” rows per page is not offered; showing 25.");
  });

  it("says what happened to the search", () => {
    expect(corrections({ q: "won\ndeals" })[0]?.message).toBe(
      "The search was changed: its control characters (such as line breaks) were removed.",
    );
    expect(corrections({ q: "a".repeat(150) })[0]?.message).toBe(
      `The search was changed: it was shortened to ${MAX_SEARCH_LENGTH} characters.`,
    );
  });

  it("reports repeated parameters", () => {
    expect(corrections({ enabled: ["true", "false"] })).toEqual([
      {
        parameter: "enabled",
        given: "true, false",
        message: "“enabled” appeared 2 times; the first value was used.",
      },
    ]);
  });
});
