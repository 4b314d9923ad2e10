import "server-only";
import { formatCount } from "@/lib/format/numbers";
import { AppError } from "@/lib/model/app-error";
import { readRequestId } from "./rate-limit-headers";

/**
 * What Runboard accepts from LeadLex beyond the body's byte cap. A body past any bound is refused
 * as `upstream_invalid_response` with LeadLex's request id before JSON.parse, zod, React or
 * JSON.stringify see it, because they failed on such bodies: serializing a value 5,000 levels
 * deep overflows the stack (the route handler answered 500, the page never finished), and a page
 * of 15,000 runs for `per_page=25` rendered 34 MB of HTML while the event loop stood still.
 *
 * Refused rather than trimmed: a trimmed run would be copied into tickets as if LeadLex had sent
 * it, and rows past the page size cannot be told apart from the ones asked for.
 */

/**
 * Levels of nesting in a whole body, its envelope included (a run's `action_result` starts at the
 * fifth). The recursive steps downstream fail near 5,000 here; real action results are a few
 * levels deep, and the emulator's hostile workflow shows 60.
 */
export const MAX_JSON_DEPTH = 100;

/**
 * Characters in any one string, key or value, as sent (an escape such as `\n` counts as written).
 * Above the longest value shown whole today (the hostile workflow's 200,000-character result) and
 * well under the 4 MB body cap, so no single value can be most of a page.
 */
export const MAX_STRING_LENGTH = 250_000;

type Violation = { kind: "depth" } | { kind: "string"; length: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/**
 * One pass over the body's text, before it is parsed: no allocation per value, string contents
 * skipped with `indexOf`. Measured here on the 3.7 MB page of 15,000 runs: ~5 ms of CPU, against
 * ~10 ms for JSON.parse and ~25 ms more for walking the parsed value. Text that is not JSON may
 * pass; JSON.parse refuses it next.
 */
function findViolation(text: string): Violation | null {
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      let end = text.indexOf('"', at + 1);
      while (end !== -1 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
      if (end === -1) return null;
      const length = end - at - 1;
      if (length > MAX_STRING_LENGTH) return { kind: "string", length };
      at = end;
    } else if (OPENERS.has(code)) {
      if (++depth > MAX_JSON_DEPTH) return { kind: "depth" };
    } else if (CLOSERS.has(code)) {
      depth--;
    }
  }
  return null;
}

/** A quote preceded by an odd number of backslashes is part of the string. */
function isEscaped(text: string, quoteAt: number): boolean {
  let backslashes = 0;
  for (let at = quoteAt - 1; at >= 0 && text.charCodeAt(at) === BACKSLASH; at--) backslashes++;
  return backslashes % 2 === 1;
}

const AFTERWORD =
  "Nothing was changed; try again, and quote the request id to LeadLex support if it persists.";

/** Throws when a body's text nests too deep or holds an overlong string. */
export function assertWithinJsonBounds(text: string, headers: Headers): void {
  const violation = findViolation(text);
  if (violation === null) return;
  const what =
    violation.kind === "depth"
      ? `a value nested more than ${MAX_JSON_DEPTH} levels deep`
      : `a text of ${formatCount(violation.length)} characters (Runboard accepts up to ${formatCount(MAX_STRING_LENGTH)})`;
  throw new AppError("upstream_invalid_response", {
    requestId: readRequestId(headers),
    message: `LeadLex sent ${what}, which Runboard does not display. ${AFTERWORD}`,
  });
}

/**
 * Throws when a list answer holds more rows than the page asked for. Checked before the rows are
 * parsed, so an oversized page costs one length check, not thousands of row validations.
 */
export function assertRowsWithinPage(
  body: unknown,
  list: "logs" | "workflows",
  perPage: number,
  headers: Headers,
): void {
  const rows = listedRows(body, list);
  if (rows === null || rows <= perPage) return;
  const noun = list === "logs" ? "runs" : "workflows";
  throw new AppError("upstream_invalid_response", {
    requestId: readRequestId(headers),
    message: `LeadLex sent ${formatCount(rows)} ${noun} for a page of ${formatCount(perPage)}; Runboard shows only the page it asked for. ${AFTERWORD}`,
  });
}

/** The length of `data.<list>`, or null when the body is not shaped so (zod reports that). */
function listedRows(body: unknown, list: string): number | null {
  if (typeof body !== "object" || body === null || !("data" in body)) return null;
  const data: unknown = body.data;
  if (typeof data !== "object" || data === null) return null;
  const rows: unknown = (data as Record<string, unknown>)[list];
  return Array.isArray(rows) ? rows.length : null;
}
