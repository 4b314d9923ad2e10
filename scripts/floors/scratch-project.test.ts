import { describe, expect, it } from "vitest";
import { buildKey } from "./scratch-project";

describe("buildKey", () => {
  const files = new Map([
    ["app/page.jsx", "export default function Page() {}"],
    ["next.config.mjs", "export default {};"],
  ]);

  it("does not depend on the order the files were listed in", () => {
    const reversed = new Map([...files].reverse());
    expect(buildKey({ name: "a", files: reversed })).toBe(buildKey({ name: "a", files }));
  });

  it("changes when any file's content or path changes, so a stale build is never reused", () => {
    const key = buildKey({ name: "a", files });
    const edited = new Map(files).set("next.config.mjs", "export default { a: 1 };");
    const moved = new Map([
      ["app/other.jsx", "export default function Page() {}"],
      ["next.config.mjs", "export default {};"],
    ]);
    expect(buildKey({ name: "a", files: edited })).not.toBe(key);
    expect(buildKey({ name: "a", files: moved })).not.toBe(key);
  });
});
