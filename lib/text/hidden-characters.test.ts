import { describe, expect, it } from "vitest";
import { markHiddenCharacters } from "./hidden-characters";

describe("markHiddenCharacters", () => {
  it("shows direction overrides and invisible characters as markers", () => {
    expect(markHiddenCharacters("deal_\u202egnp.exe\u202c")).toBe("deal_⟨U+202E⟩gnp.exe⟨U+202C⟩");
    expect(markHiddenCharacters("a\u200bb\u0007")).toBe("a⟨U+200B⟩b⟨U+0007⟩");
  });

  it("leaves ordinary text, emoji sequences and right-to-left words alone", () => {
    for (const text of ["deal_01HY1", "👩\u200d💻", "مرحبا", "Z̤͔ͧ̑̓"]) {
      expect(markHiddenCharacters(text)).toBe(text);
    }
  });
});
