import { describe, expect, it } from "vitest";
import { checkApiKeyFormat, MAX_API_KEY_LENGTH } from "./api-key-format";
import { demoKeys } from "./demo-keys";

function rejectionMessage(raw: unknown): string {
  const result = checkApiKeyFormat(raw);
  if (result.ok) throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
  return result.message;
}

describe("checkApiKeyFormat", () => {
  it.each(demoKeys.map((demo) => demo.key))("accepts the demo key %s", (key) => {
    expect(checkApiKeyFormat(key)).toEqual({ ok: true, key });
  });

  it("accepts a minted live key", () => {
    const key = `wbk_live_${"aB3".repeat(10)}xy`;
    expect(checkApiKeyFormat(key)).toEqual({ ok: true, key });
  });

  it.each([
    ["a trailing newline", "wbk_demo_org_full\n"],
    ["surrounding spaces", "  wbk_demo_org_full  "],
    ["a CRLF", "wbk_demo_org_full\r\n"],
    ["a leading tab", "\twbk_demo_org_full"],
  ])("trims %s from the key", (_label, raw) => {
    expect(checkApiKeyFormat(raw)).toEqual({ ok: true, key: "wbk_demo_org_full" });
  });

  it.each([
    ["empty", ""],
    ["whitespace only", "  \n\t "],
    ["not a string", undefined],
    ["a number", 12345],
  ])("asks for a key when it is %s", (_label, raw) => {
    expect(rejectionMessage(raw)).toMatch(/paste/i);
  });

  it("rejects a key over the length limit", () => {
    expect(rejectionMessage(`wbk_${"a".repeat(MAX_API_KEY_LENGTH)}`)).toMatch(/too long/);
    const longest = `wbk_${"a".repeat(MAX_API_KEY_LENGTH - 4)}`;
    expect(checkApiKeyFormat(longest).ok).toBe(true);
  });

  it.each([
    ["another vendor's prefix", "sk_live_abcdefghijklmnop"],
    ["an upper-case prefix", "WBK_demo_org_full"],
    ["the prefix missing its underscore", "wbkdemo_org_full"],
    ["a Bearer prefix pasted along", "Bearer wbk_demo_org_full"],
  ])("names the wbk_ prefix for %s", (_label, raw) => {
    expect(rejectionMessage(raw)).toContain("wbk_");
  });

  it.each([
    ["an internal space", "wbk_demo org_full"],
    ["an internal newline", "wbk_demo\norg_full"],
    ["non-ASCII letters", "wbk_démo_org_full"],
    ["a Cyrillic lookalike", "wbk_demo_\u043erg_full"],
    ["a zero-width space", "wbk_demo_org\u200b_full"],
    ["punctuation", "wbk_demo.org_full"],
    ["a quote", 'wbk_demo_org_full"'],
  ])("rejects %s as characters keys never have", (_label, raw) => {
    expect(rejectionMessage(raw)).toMatch(/characters/);
  });

  it("rejects a key that is too short", () => {
    expect(rejectionMessage("wbk_abc")).toMatch(/too short/);
    expect(checkApiKeyFormat("wbk_abcdefgh").ok).toBe(true);
  });

  it("never echoes the key in its messages", () => {
    for (const raw of [
      "wbk_demo org_full_secretpart",
      "xx_secretpart",
      `wbk_${"secretpart".repeat(30)}`,
    ]) {
      expect(rejectionMessage(raw)).not.toContain("secretpart");
    }
  });
});
