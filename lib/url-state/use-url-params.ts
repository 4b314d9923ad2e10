"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useSyncExternalStore } from "react";
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

/** Writes changes to the address bar; null or a default value removes a parameter. */
export type UrlParamsSetter<Map extends UrlParamMap> = (
  changes: UrlParamChanges<Map>,
  options?: UrlParamsUpdateOptions,
) => void;

/** Fired after our own pushState / replaceState, which browsers do not announce. */
const LOCATION_CHANGE = "runboard:location-change";

function subscribeToLocation(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(LOCATION_CHANGE, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(LOCATION_CHANGE, onChange);
  };
}

/** Normalised like the server's `useSearchParams().toString()`, so hydration sees equal strings. */
function browserSearch(): string {
  return new URLSearchParams(window.location.search).toString();
}

/**
 * The browser side of a parser map: current values from the address bar, and a setter that writes
 * them back with `history.pushState` / `replaceState` (Next's router follows those native calls).
 * The values are read through `useSyncExternalStore`, so a click re-renders at once, as urgent
 * work; following Next's `useSearchParams` alone would wait for its transition (the README's
 * performance section has the measurement). Next's own navigations still re-render through
 * `useSearchParams`.
 */
export function useUrlParams<Map extends UrlParamMap>(
  map: Map,
  defaults: UrlParamsUpdateOptions = {},
): [UrlParamValues<Map>, UrlParamsSetter<Map>] {
  const serverSearch = useSearchParams().toString();
  const search = useSyncExternalStore(subscribeToLocation, browserSearch, () => serverSearch);
  const pathname = usePathname();
  const load = useMemo(() => createLoader(map), [map]);
  const values = useMemo(() => load(search), [load, search]);
  const defaultHistory = defaults.history ?? "replace";

  const setValues = useCallback(
    (changes: UrlParamChanges<Map>, options: UrlParamsUpdateOptions = {}) => {
      const current = new URLSearchParams(window.location.search);
      const next = toSearchString(applyUrlParamChanges(map, current, changes));
      if (next === toSearchString(current)) return;
      const url = `${pathname}${next ? `?${next}` : ""}${window.location.hash}`;
      if ((options.history ?? defaultHistory) === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
      window.dispatchEvent(new Event(LOCATION_CHANGE));
    },
    [map, pathname, defaultHistory],
  );

  return [values, setValues];
}
