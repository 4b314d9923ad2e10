/**
 * Display text from an untrusted upstream, made safe to show on one line. Its own module so the
 * browser-side pieces that need only this (recent workflows, the jump box) do not pull in the
 * whole of describe-workflow.
 */

/** Longer values are cut to this many characters and end in "…". */
export const MAX_VALUE_LENGTH = 120;

const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One line of display text: no control or bidi-override characters, at most `max` characters. */
export function cleanText(value: string, max: number = MAX_VALUE_LENGTH): string {
  const flat = value.replace(CONTROL_OR_BIDI, " ").replace(/\s+/g, " ").trim();
  // By code point, so an emoji or other astral character is never cut in half.
  const chars = Array.from(flat);
  return chars.length > max ? `${chars.slice(0, max).join("").trimEnd()}…` : flat;
}

/** Names get more room than values: they are the row's headline, cut only when absurd. */
export const MAX_NAME_LENGTH = 200;
