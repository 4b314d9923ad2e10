/**
 * `live=1`: the Live toggle is on. Only `1` turns it on; anything else is dropped (and the
 * repaired link says so). Read by the server's link map and by the Live control's own chunk; it
 * imports nothing, so that chunk pulls no shared module apart from the page's first load (which
 * costs gzip bytes there, measured).
 */
import type { UrlParam } from "./url-params";

export function readLive(raw: string): true | null {
  return raw.trim() === "1" ? true : null;
}

export const liveParam: UrlParam<true> = { parse: readLive, serialize: () => "1" };
