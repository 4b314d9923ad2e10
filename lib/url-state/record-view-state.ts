/**
 * A record's history as it lives in the URL (the id itself is the path, `/records/{entityId}`):
 * `window` (a rolling `7d`, `30d` or `90d`: longer windows cost more LeadLex calls to fill, so
 * the shortest is the default), `page`, `per_page`, `open`. Read forgivingly like every view;
 * `record-view-repairs.ts` names each repair.
 */
import { pageParam, pageSizeParam } from "./paging-params";
import { joinRunIds, readRunIds } from "./shared-readers";
import { createLoader, createSerializer, urlParam, type UrlParamValues } from "./url-params";

export const RECORD_WINDOWS = ["7d", "30d", "90d"] as const;
export type RecordWindow = (typeof RECORD_WINDOWS)[number];

const DAY_MS = 86_400_000;
export const RECORD_WINDOW_MS: Record<RecordWindow, number> = {
  "7d": 7 * DAY_MS,
  "30d": 30 * DAY_MS,
  "90d": 90 * DAY_MS,
};

export function readRecordWindow(raw: string): RecordWindow | null {
  const value = raw.trim().toLowerCase();
  return (RECORD_WINDOWS as readonly string[]).includes(value) ? (value as RecordWindow) : null;
}

const identity = <T extends string>(value: T) => value;

export const recordViewParsers = {
  window: urlParam<RecordWindow>(readRecordWindow, identity).withDefault("7d"),
  page: pageParam,
  per_page: pageSizeParam,
  open: urlParam<string[]>(readRunIds, joinRunIds),
};

export const loadRecordViewState = createLoader(recordViewParsers);
export const serializeRecordViewState = createSerializer(recordViewParsers);

export type RecordViewState = UrlParamValues<typeof recordViewParsers>;

/** What `/api/records/{entityId}` is asked: the record, and the view's state without the open run. */
export interface RecordHistoryQuery {
  entityId: string;
  window: RecordWindow;
  page: number;
  perPage: number;
}

export function toRecordHistoryQuery(entityId: string, state: RecordViewState): RecordHistoryQuery {
  return { entityId, window: state.window, page: state.page, perPage: state.per_page };
}
