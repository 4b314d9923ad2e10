/**
 * What a page says about a link it had to repair. One function over any view's parser map: a
 * repeated parameter keeps its first value, and each parameter's words name what happened to the
 * value it was given. Unknown parameters are ignored silently (they change nothing on screen).
 * Server-side only in practice: the words stay out of the browser's bundle.
 */
import type { SearchParamsRecord, UrlParamMap, UrlParamValues } from "./url-params";

/** A repair made to a link, in words the notice can show. */
export interface LinkRepair {
  parameter: string;
  given: string;
  message: string;
}

/**
 * Per parameter: what a link's value was repaired to, in words, or null when it was used as given
 * (or differed only in ways that change nothing on screen). `shown` is the value the page went on
 * with: the parsed one, or the default.
 */
export type RepairWords<Map extends UrlParamMap> = {
  [Name in keyof Map]?: (given: string, shown: UrlParamValues<Map>[Name]) => string | null;
};

export function findLinkRepairs<Map extends UrlParamMap>(
  map: Map,
  words: RepairWords<Map>,
  raw: SearchParamsRecord,
  shown: UrlParamValues<Map>,
): LinkRepair[] {
  const repairs: LinkRepair[] = [];
  const names = Object.keys(map) as (keyof Map & string)[];
  for (const name of names) {
    const value = raw[name];
    if (Array.isArray(value) && value.length > 1) {
      repairs.push({
        parameter: name,
        given: value.join(", "),
        message: `“${name}” appeared ${value.length} times; the first value was used.`,
      });
    }
  }
  for (const name of names) {
    const value = raw[name];
    const given = Array.isArray(value) ? value[0] : value;
    const describe = words[name];
    if (given === undefined || !describe) continue;
    const message = describe(given, shown[name]);
    if (message !== null) repairs.push({ parameter: name, given, message });
  }
  return repairs;
}

/** `page` and `per_page`, repaired alike in every view; surrounding spaces are not worth a word. */
export const pagingRepairWords = {
  page: (given: string, shown: number) =>
    given.trim() === String(shown)
      ? null
      : `Page “${quoteGiven(given)}” is not a page number; showing page ${shown}.`,
  per_page: (given: string, shown: number) =>
    given.trim() === String(shown)
      ? null
      : `“${quoteGiven(given)}” rows per page is not offered; showing ${shown}.`,
};

/** A given value, cut short enough to quote in a sentence. */
export function quoteGiven(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
