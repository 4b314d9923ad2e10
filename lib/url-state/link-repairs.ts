/**
 * What a page says about a link it had to repair. One function over any view's parser map: a
 * repeated parameter keeps its first value, and each parameter's own `describeRepair` names what
 * happened to the value it was given. Unknown parameters are ignored silently (they change nothing
 * on screen).
 */
import type { SearchParamsRecord, UrlParamMap, UrlParamValues } from "./url-params";

/** A repair made to a link, in words the notice can show. */
export interface LinkRepair {
  parameter: string;
  given: string;
  message: string;
}

export function findLinkRepairs<Map extends UrlParamMap>(
  map: Map,
  raw: SearchParamsRecord,
  shown: UrlParamValues<Map>,
): LinkRepair[] {
  const repairs: LinkRepair[] = [];
  for (const name of Object.keys(map)) {
    const value = raw[name];
    if (Array.isArray(value) && value.length > 1) {
      repairs.push({
        parameter: name,
        given: value.join(", "),
        message: `“${name}” appeared ${value.length} times; the first value was used.`,
      });
    }
  }
  for (const [name, param] of Object.entries(map)) {
    const value = raw[name];
    const given = Array.isArray(value) ? value[0] : value;
    if (given === undefined || !param.describeRepair) continue;
    const message = param.describeRepair(given, shown[name] ?? null);
    if (message !== null) repairs.push({ parameter: name, given, message });
  }
  return repairs;
}

/** A given value, cut short enough to quote in a sentence. */
export function quoteGiven(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
