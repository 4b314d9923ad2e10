/**
 * How untrusted strings are shown: cut to a readable length without splitting a character, and
 * with invisible or direction-changing characters made visible. Those can hide text or reorder it
 * (a right-to-left override turns "gnp.exe" into "exe.png" on screen), which matters when someone
 * copies an id or a message into a ticket.
 */

import { anyHiddenCharacter, codePointName, HIDDEN_CHARACTERS } from "@/lib/text/hidden-characters";

export interface StringPreview {
  /** The start of the text, at most `maxCharacters` characters, never ending mid-character. */
  preview: string;
  truncated: boolean;
  /** Characters counted as Unicode code points, so an emoji counts once. */
  totalCharacters: number;
}

/** How far back to look for a grapheme boundary; a cluster longer than this is cut anyway. */
const GRAPHEME_WINDOW = 64;

export function countCharacters(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) index++;
    count++;
  }
  return count;
}

export function previewString(text: string, maxCharacters: number): StringPreview {
  const limit = Math.max(1, Math.floor(maxCharacters));
  // Cheap exit: fewer code units than the limit means fewer code points too.
  if (text.length <= limit) {
    return { preview: text, truncated: false, totalCharacters: countCharacters(text) };
  }
  const cut = codePointOffset(text, limit);
  if (cut >= text.length) {
    return { preview: text, truncated: false, totalCharacters: countCharacters(text) };
  }
  return {
    preview: text.slice(0, graphemeBoundaryAtOrBefore(text, cut)),
    truncated: true,
    totalCharacters: countCharacters(text),
  };
}

/** The inside of a JSON string literal (no quotes), with hidden characters as `\uXXXX` escapes. */
export function escapeJsonStringContent(text: string): string {
  return JSON.stringify(text).slice(1, -1).replace(HIDDEN_CHARACTERS, unicodeEscape);
}

/** A complete JSON string literal, for object keys. */
export function jsonStringLiteral(text: string): string {
  return `"${escapeJsonStringContent(text)}"`;
}

export type TextSegment = { kind: "text"; text: string } | { kind: "hidden"; codePoint: string };

/** Splits plain text so hidden characters can be shown as visible `U+202E` markers. */
export function splitHiddenCharacters(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let start = 0;
  for (const match of text.matchAll(anyHiddenCharacter())) {
    if (match.index > start) segments.push({ kind: "text", text: text.slice(start, match.index) });
    segments.push({ kind: "hidden", codePoint: codePointName(match[0]) });
    start = match.index + match[0].length;
  }
  if (start < text.length) segments.push({ kind: "text", text: text.slice(start) });
  return segments;
}

export function hasHiddenCharacters(text: string): boolean {
  return anyHiddenCharacter().test(text);
}

function unicodeEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** The code-unit offset just after the first `count` code points (or the length). */
function codePointOffset(text: string, count: number): number {
  let index = 0;
  for (let seen = 0; seen < count && index < text.length; seen++) {
    const unit = text.charCodeAt(index);
    index += unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1)) ? 2 : 1;
  }
  return index;
}

/**
 * Moves a cut back to the start of the grapheme it falls in, so "e" + combining accent or a ZWJ
 * emoji is never split. Only a small window is segmented: the text may be 200,000 characters.
 */
function graphemeBoundaryAtOrBefore(text: string, cut: number): number {
  if (typeof Intl.Segmenter !== "function") return cut;
  const start = Math.max(0, cut - GRAPHEME_WINDOW);
  const window = text.slice(start, Math.min(text.length, cut + GRAPHEME_WINDOW));
  const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
  let boundary = start;
  for (const segment of segmenter.segment(window)) {
    const offset = start + segment.index;
    if (offset > cut) break;
    boundary = offset;
  }
  // A boundary at the window's own start may be an artefact of where the window began.
  if (boundary === start && start > 0) return cut;
  return boundary > 0 ? boundary : cut;
}
