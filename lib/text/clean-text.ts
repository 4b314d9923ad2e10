import { markHiddenCharacters } from "./hidden-characters";

/**
 * Display text from an untrusted upstream, made safe to show on one line: names, trigger values,
 * the echo of a mistyped id. Its own module so the browser-side pieces that need only this (recent
 * workflows, the jump box) do not pull in the whole of describe-workflow.
 */

/** Longer values are cut to this many characters and end in "…". */
export const MAX_VALUE_LENGTH = 120;

/** Names get more room than values: they are the row's headline, cut only when absurd. */
export const MAX_NAME_LENGTH = 200;

/**
 * One line of display text: line breaks and runs of spaces become one space, hidden and
 * direction-control characters become markers, and at most `max` characters of the text are kept.
 */
export function cleanText(value: string, max: number = MAX_VALUE_LENGTH): string {
  const flat = value.replace(/\s+/g, " ").trim();
  // By code point, so an emoji or other astral character is never cut in half; cut before marking,
  // so a marker is never cut in half either.
  const chars = Array.from(flat);
  const kept = chars.length > max ? `${chars.slice(0, max).join("").trimEnd()}…` : flat;
  return markHiddenCharacters(kept);
}
