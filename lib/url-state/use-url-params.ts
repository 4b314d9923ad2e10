"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import {
  applyUrlParamChanges,
  createLoader,
  toSearchString,
  type UrlParamChanges,
  type UrlParamMap,
  type UrlParamValues,
} from "./url-params";

export interface UrlParamsUpdateOptions {
  /** `push` adds a history entry (Back undoes the change); `replace` does not. */
  history?: "push" | "replace";
}

/**
 * The browser side of a parser map: current values from the address bar, and a setter that writes
 * them back with `history.pushState` / `replaceState`. Next's router follows those native calls,
 * so `useSearchParams` updates without a server round trip.
 */
export function useUrlParams<Map extends UrlParamMap>(
  map: Map,
  defaults: UrlParamsUpdateOptions = {},
): [
  UrlParamValues<Map>,
  (changes: UrlParamChanges<Map>, options?: UrlParamsUpdateOptions) => void,
] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const load = useMemo(() => createLoader(map), [map]);
  const values = useMemo(() => load(searchParams), [load, searchParams]);
  const defaultHistory = defaults.history ?? "replace";

  const setValues = useCallback(
    (changes: UrlParamChanges<Map>, options: UrlParamsUpdateOptions = {}) => {
      const current = new URLSearchParams(window.location.search);
      const next = toSearchString(applyUrlParamChanges(map, current, changes));
      if (next === toSearchString(current)) return;
      const url = `${pathname}${next ? `?${next}` : ""}${window.location.hash}`;
      if ((options.history ?? defaultHistory) === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [map, pathname, defaultHistory],
  );

  return [values, setValues];
}
