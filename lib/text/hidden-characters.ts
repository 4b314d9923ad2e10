/**
 * The one sanitiser for untrusted text: invisible formatting characters and direction controls,
 * which can hide text or reorder it (a right-to-left override turns "gnp.exe" into "exe.png" on
 * screen). Workflow names, ids, error codes and messages from LeadLex all go through it, so each
 * such character is shown as a marker (`⟨U+202E⟩`) wherever it appears: nothing is hidden and
 * nothing is reordered. Small on purpose, since the runs table ships it on first load.
 *
 * ZWJ and ZWNJ (U+200C, U+200D) are left alone: emoji sequences and Persian or Indic words need
 * them, and they cannot reorder text.
 */
export const HIDDEN_CHARACTERS =
  /[\u007F-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/g;
/** C0 controls other than tab and line feed; JSON escapes these itself, plain text does not. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F]/g;

export function anyHiddenCharacter(): RegExp {
  return new RegExp(`${HIDDEN_CHARACTERS.source}|${CONTROL_CHARACTERS.source}`, "g");
}

/** `U+202E` */
export function codePointName(character: string): string {
  return `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

// One compiled pattern for `replace`, which starts a global pattern at 0 and leaves it there:
// compiling one per call was 3.5 ms of a 25-row page change in the browser's profile.
const ANY_HIDDEN_CHARACTER = anyHiddenCharacter();

/**
 * For plain-text places (a heading, a table cell, a tooltip) where markup cannot set the markers
 * apart: every hidden character becomes `⟨U+202E⟩`.
 */
export function markHiddenCharacters(text: string): string {
  return text.replace(ANY_HIDDEN_CHARACTER, (character) => `⟨${codePointName(character)}⟩`);
}
