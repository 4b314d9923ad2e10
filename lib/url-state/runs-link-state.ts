/**
 * A workflow's runs link as the server page reads, repairs and rewrites it: the rows' parameters
 * (`runsViewParsers`, which the browser's view reads too) and `live`, which in the browser only
 * the Live control reads, from its own chunk. Kept out of `runs-view-state.ts` so neither the
 * loader nor `live` reaches the page's first-load JS.
 */
import { liveParam } from "./live-param";
import { runsViewParsers } from "./runs-view-state";
import { createLoader, createSerializer, type UrlParamValues } from "./url-params";

export const runsLinkParsers = { ...runsViewParsers, live: liveParam };

export const loadRunsViewState = createLoader(runsLinkParsers);
export const serializeRunsViewState = createSerializer(runsLinkParsers);

export type RunsLinkState = UrlParamValues<typeof runsLinkParsers>;
