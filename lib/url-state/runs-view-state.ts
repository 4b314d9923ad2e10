/**
 * The runs view's state, as it lives in the URL: `status`, `after`, `page`, `per_page`, `open`.
 * `after` is an instant or a rolling window (`-24h`); the window stays rolling in the query and its
 * key, and becomes an instant only when a request leaves (`resolveAfterIn`).
 * One parser map serves the server page (`runs-link-state.ts`, which adds `live`) and the browser
 * (`useUrlParams`), so both read a link the same way. The parsers are forgiving on purpose (`FAILED` reads as `failed`,
 * `page=-3` as page 1); `runs-view-repairs.ts` names each repair so the page can say so.
 */
import { parseIsoInstant, toIsoSeconds } from "@/lib/format/iso-instant";
import { readRollingWindow } from "@/lib/format/rolling-window";
import type { LogsQuery } from "@/lib/model/queries";
import { isRunStatus, type RunStatus } from "@/lib/model/run";
import { pageParam, pageSizeParam } from "./paging-params";
import { joinRunIds, readRunIds } from "./shared-readers";
import { urlParam, type UrlParamValues } from "./url-params";

export function readStatus(raw: string): RunStatus | null {
  const value = raw.trim().toLowerCase();
  return isRunStatus(value) ? value : null;
}

export function readAfter(raw: string): string | null {
  const rolling = readRollingWindow(raw);
  if (rolling) return rolling;
  const date = parseIsoInstant(raw.trim());
  return date ? toIsoSeconds(date) : null;
}

const identity = <T extends string>(value: T) => value;

export const runsViewParsers = {
  status: urlParam<RunStatus>(readStatus, identity),
  after: urlParam<string>(readAfter, identity),
  page: pageParam,
  per_page: pageSizeParam,
  open: urlParam<string[]>(readRunIds, joinRunIds),
};

export type RunsViewState = UrlParamValues<typeof runsViewParsers>;

export function toLogsQuery(state: RunsViewState): LogsQuery {
  return { page: state.page, perPage: state.per_page, status: state.status, after: state.after };
}

export function hasRunsFilters(state: RunsViewState): boolean {
  return state.status !== null || state.after !== null;
}
