import { describe, expect, it } from "vitest";
import { frozenLink } from "./frozen-link";

const NOW = Date.parse("2026-04-17T09:31:25Z");

describe("frozenLink", () => {
  it("fixes a rolling after to the instant it names, from the start of the minute", () => {
    expect(frozenLink("https://rb.example/workflows/wf_1?status=failed&after=-24h", NOW)).toBe(
      "https://rb.example/workflows/wf_1?status=failed&after=2026-04-16T09:31:00Z",
    );
  });

  it("keeps an absolute after and a view without one as they are", () => {
    const absolute = "https://rb.example/workflows/wf_1?after=2026-04-01T00:00:00Z";
    expect(frozenLink(absolute, NOW)).toBe(absolute);
    expect(frozenLink("https://rb.example/workflows/wf_1", NOW)).toBe(
      "https://rb.example/workflows/wf_1",
    );
  });

  it("opens the one run named, closing any others the view had open", () => {
    expect(frozenLink("https://rb.example/runs?open=wfl_a,wfl_b&page=2", NOW, "wfl_c")).toBe(
      "https://rb.example/runs?open=wfl_c&page=2",
    );
  });
});
