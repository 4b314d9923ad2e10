import { describe, expect, it } from "vitest";
import { SECTIONS, selectSections } from "./registry";

describe("the section registry", () => {
  it("names every section once, in kebab-case, with a summary", () => {
    const names = SECTIONS.map((section) => section.name);
    expect(new Set(names).size).toBe(names.length);
    for (const section of SECTIONS) {
      expect(section.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(section.summary.length).toBeGreaterThan(10);
    }
  });

  it("runs the sections --only names in the registry's order, not the command line's", () => {
    const selected = selectSections(SECTIONS, ["budget", "route-cost"]);
    expect(selected.map((section) => section.name)).toEqual(["route-cost", "budget"]);
    expect(selectSections(SECTIONS, null)).toEqual([...SECTIONS]);
  });

  it("runs the sections that start servers of their own after those sharing Runboard's", () => {
    const selected = selectSections(SECTIONS, ["triage", "run-index", "replicas", "cache"]);
    expect(selected.map((section) => section.name)).toEqual([
      "cache",
      "run-index",
      "replicas",
      "triage",
    ]);
  });

  it("rejects an unknown name and lists the real ones", () => {
    expect(() => selectSections(SECTIONS, ["proxy"])).toThrow(
      /Unknown section "proxy"; sections: route-cost, .*budget\./,
    );
  });
});
