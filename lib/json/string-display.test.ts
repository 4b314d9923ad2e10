import { describe, expect, it } from "vitest";
import {
  countCharacters,
  escapeJsonStringContent,
  hasHiddenCharacters,
  jsonStringLiteral,
  previewString,
  splitHiddenCharacters,
} from "./string-display";

const TRICKY_UNICODE =
  "مرحبا بالعالم \u202Egnp.exe\u202C 🚀 👩\u200D💻 e\u0301 Z\u0324\u0354\u0367\u0311\u0313 a\u200Bb";

describe("countCharacters", () => {
  it("counts code points, so an emoji counts once", () => {
    expect(countCharacters("")).toBe(0);
    expect(countCharacters("abc")).toBe(3);
    expect(countCharacters("🚀")).toBe(1);
    expect(countCharacters("👩\u200D💻")).toBe(3);
  });

  it("counts a lone surrogate as one character", () => {
    expect(countCharacters("a\uD800b")).toBe(3);
    expect(countCharacters("\uDC00")).toBe(1);
  });
});

describe("previewString", () => {
  it("keeps a short string whole", () => {
    expect(previewString("hello", 10)).toEqual({
      preview: "hello",
      truncated: false,
      totalCharacters: 5,
    });
    expect(previewString("hello", 5).truncated).toBe(false);
  });

  it("cuts a 200,000-character string to the limit and reports the full length", () => {
    const huge = "0123456789".repeat(20_000);
    const result = previewString(huge, 2_000);
    expect(result.truncated).toBe(true);
    expect(result.preview).toBe(huge.slice(0, 2_000));
    expect(result.totalCharacters).toBe(200_000);
  });

  it("counts the limit in characters, not UTF-16 units", () => {
    const rockets = "🚀".repeat(10);
    expect(previewString(rockets, 10)).toEqual({
      preview: rockets,
      truncated: false,
      totalCharacters: 10,
    });
    expect(previewString(rockets, 4).preview).toBe("🚀".repeat(4));
  });

  it("never splits a surrogate pair, a combining mark or a ZWJ emoji", () => {
    expect(previewString("ab🚀cd", 3).preview).toBe("ab🚀");
    expect(previewString("abe\u0301cd", 3).preview).toBe("ab");
    expect(previewString("ab👩\u200D💻cd", 4).preview).toBe("ab");
    expect(previewString(TRICKY_UNICODE, 40).preview).not.toMatch(/[\uD800-\uDBFF]$/);
  });

  it("still cuts inside a grapheme longer than the search window", () => {
    const zalgo = `Z${"\u0324".repeat(5_000)}`;
    const result = previewString(zalgo, 100);
    expect(result.truncated).toBe(true);
    expect(result.preview.length).toBe(100);
  });

  it("treats a limit below one as one", () => {
    expect(previewString("abc", 0).preview).toBe("a");
  });
});

describe("escapeJsonStringContent and jsonStringLiteral", () => {
  it("escapes like JSON, leaving markup as inert text", () => {
    expect(escapeJsonStringContent('say "hi"\n\tback\\slash')).toBe(
      'say \\"hi\\"\\n\\tback\\\\slash',
    );
    expect(escapeJsonStringContent("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
  });

  it("makes direction controls and zero-width characters visible", () => {
    expect(escapeJsonStringContent("\u202Egnp.exe\u202C")).toBe("\\u202egnp.exe\\u202c");
    expect(escapeJsonStringContent("a\u200Bb\uFEFF")).toBe("a\\u200bb\\ufeff");
    expect(escapeJsonStringContent("line\u2028sep")).toBe("line\\u2028sep");
  });

  it("keeps RTL letters, emoji, ZWJ sequences and combining marks as they are", () => {
    const kept = "مرحبا 🚀 👩\u200D💻 e\u0301 Z\u0324";
    expect(escapeJsonStringContent(kept)).toBe(kept);
  });

  it("quotes keys that need quoting", () => {
    expect(jsonStringLiteral("first name")).toBe('"first name"');
    expect(jsonStringLiteral("")).toBe('""');
    expect(jsonStringLiteral('a"b')).toBe('"a\\"b"');
    expect(jsonStringLiteral("__proto__")).toBe('"__proto__"');
  });
});

describe("splitHiddenCharacters", () => {
  it("returns plain text as one segment", () => {
    expect(splitHiddenCharacters("deal_01HY1")).toEqual([{ kind: "text", text: "deal_01HY1" }]);
    expect(splitHiddenCharacters("")).toEqual([]);
  });

  it("marks direction overrides and zero-width spaces by code point", () => {
    expect(splitHiddenCharacters("x\u202Egnp.exe\u202Cy\u200B")).toEqual([
      { kind: "text", text: "x" },
      { kind: "hidden", codePoint: "U+202E" },
      { kind: "text", text: "gnp.exe" },
      { kind: "hidden", codePoint: "U+202C" },
      { kind: "text", text: "y" },
      { kind: "hidden", codePoint: "U+200B" },
    ]);
  });

  it("marks control characters but keeps line feeds and tabs", () => {
    expect(splitHiddenCharacters("a\nb\tc\u0000d\re")).toEqual([
      { kind: "text", text: "a\nb\tc" },
      { kind: "hidden", codePoint: "U+0000" },
      { kind: "text", text: "d" },
      { kind: "hidden", codePoint: "U+000D" },
      { kind: "text", text: "e" },
    ]);
  });

  it("keeps the text of the emulator's tricky unicode sample intact around the markers", () => {
    const joined = splitHiddenCharacters(TRICKY_UNICODE)
      .map((segment) => (segment.kind === "text" ? segment.text : ""))
      .join("");
    expect(joined).toBe(TRICKY_UNICODE.replace(/[\u202E\u202C\u200B]/g, ""));
  });
});

describe("hasHiddenCharacters", () => {
  it("answers repeatedly without regex state leaking between calls", () => {
    expect(hasHiddenCharacters("a\u200Bb")).toBe(true);
    expect(hasHiddenCharacters("a\u200Bb")).toBe(true);
    expect(hasHiddenCharacters("👩\u200D💻")).toBe(false);
    expect(hasHiddenCharacters("plain")).toBe(false);
  });
});
