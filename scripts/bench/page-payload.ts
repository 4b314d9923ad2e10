import { gzipSync } from "node:zlib";

/** What one server-rendered page sends: its HTML, and the RSC ("flight") data inlined in it. */
export interface PagePayload {
  htmlBytes: number;
  htmlGzipBytes: number;
  /** The flight data in the page's `self.__next_f.push(…)` scripts, as decoded text, bytes. */
  flightBytes: number;
  /** HTML outside `<script>` elements: what the browser shows before any JavaScript runs. */
  markupBytes: number;
  flight: string;
  markup: string;
}

const FLIGHT_SCRIPT = /<script[^>]*>self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g;
const ANY_SCRIPT = /<script[\s\S]*?<\/script>/g;

export function analysePage(html: string): PagePayload {
  let flight = "";
  for (const match of html.matchAll(FLIGHT_SCRIPT)) {
    const [kind, chunk] = JSON.parse(match[1] as string) as [number, string?];
    if (kind === 1 && typeof chunk === "string") flight += chunk;
  }
  const markup = html.replace(ANY_SCRIPT, "");
  return {
    htmlBytes: Buffer.byteLength(html),
    htmlGzipBytes: gzipSync(html, { level: 6 }).length,
    flightBytes: Buffer.byteLength(flight),
    markupBytes: Buffer.byteLength(markup),
    flight,
    markup,
  };
}

export function countOccurrences(text: string, needle: string): number {
  if (needle === "") return 0;
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    count += 1;
  }
  return count;
}
