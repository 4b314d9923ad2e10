import { describe, expect, it } from "vitest";
import { parseBenchOptions } from "./settings";

describe("parseBenchOptions", () => {
  it("runs every section with full settings by default", () => {
    const options = parseBenchOptions([]);
    expect(options.only).toBeNull();
    expect(options.settings.quick).toBe(false);
    expect(options.settings.interactions).toBeGreaterThanOrEqual(5);
    expect(options.settings.lighthouse.mobile).toBeGreaterThanOrEqual(5);
  });

  it("takes --quick and a comma-separated --only", () => {
    const options = parseBenchOptions(["--quick", "--only=render, payload,"]);
    expect(options.settings.quick).toBe(true);
    expect(options.only).toEqual(["render", "payload"]);
  });

  it("rejects a flag it does not know rather than ignoring it", () => {
    expect(() => parseBenchOptions(["--quik"])).toThrow(/--quik/);
  });
});
