/**
 * The runs view's state, as it lives in the URL: `status`, `after`, `page`, `per_page`, `open`.
 * One parser map serves the server page (`loadRunsView`) and the browser (`useUrlParams`), so
 * both read a link the same way. The parsers are forgiving on purpose (`FAILED` reads as `failed`,
 * `page=-3` as page 1); `findRunsViewCorrections` names every such repair so the page can say so.
 */
import { createLoader, createSerializer, urlParam, type UrlParamValues } from "./url-params";
import { parseIsoInstant, toIsoSeconds } from "@/lib/format/iso-instant";
import { DEFAULT_PER_PAGE, MAX_PAGE, type LogsQuery } from "@/lib/model/queries";
import { isRunStatus, type RunStatus } from "@/lib/model/run";

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
const MAX_PAGE_SIZE: PageSize = 100;

const RUN_ID = /^[A-Za-z0-9_-]{1,200}$/;

export function readStatus(raw: string): RunStatus | null {
  const value = raw.trim().toLowerCase();
  return isRunStatus(value) ? value : null;
}

/** Whole pages from 1; anything else reads as the nearest sensible page. */
export function readPage(raw: string): number | null {
  const value = raw.trim();
  if (!/^-?\d{1,20}$/.test(value)) return null;
  return Math.min(Math.max(Number(value), 1), MAX_PAGE);
}

/** The smallest offered size that holds the requested rows; anything larger reads as 100. */
export function readPageSize(raw: string): PageSize | null {
  const value = raw.trim();
  if (!/^\d{1,20}$/.test(value) || Number(value) < 1) return null;
  const requested = Number(value);
  return PAGE_SIZES.find((size) => size >= requested) ?? MAX_PAGE_SIZE;
}

export function readAfter(raw: string): string | null {
  const date = parseIsoInstant(raw.trim());
  return date ? toIsoSeconds(date) : null;
}

export function readRunId(raw: string): string | null {
  return RUN_ID.test(raw) ? raw : null;
}

const parseAsStatus = urlParam<RunStatus>(readStatus, (value) => value);
const parseAsPageSize = urlParam<PageSize>(readPageSize);
const parseAsAfter = urlParam<string>(readAfter, (value) => value);
const parseAsRunId = urlParam<string>(readRunId, (value) => value);
const parseAsPage = urlParam<number>(readPage);

export const runsViewParsers = {
  status: parseAsStatus,
  after: parseAsAfter,
  page: parseAsPage.withDefault(1),
  per_page: parseAsPageSize.withDefault(DEFAULT_PER_PAGE as PageSize),
  open: parseAsRunId,
};

export const loadRunsView = createLoader(runsViewParsers);
export const serializeRunsView = createSerializer(runsViewParsers);

export type RunsView = UrlParamValues<typeof runsViewParsers>;

export function toLogsQuery(view: RunsView): LogsQuery {
  return { page: view.page, perPage: view.per_page, status: view.status, after: view.after };
}

/** A repair made to a link, in words the notice can show. */
export interface RunsViewCorrection {
  parameter: keyof typeof runsViewParsers;
  given: string;
  message: string;
}

type RawSearchParams = Record<string, string | string[] | undefined>;

/**
 * Compares what the link said with how it was read. Repeated parameters keep the first value;
 * unknown parameters are ignored silently (they change nothing on screen).
 */
export function findRunsViewCorrections(
  raw: RawSearchParams,
  view: RunsView,
): RunsViewCorrection[] {
  const corrections: RunsViewCorrection[] = [];
  const first = (name: string) => {
    const value = raw[name];
    return Array.isArray(value) ? value[0] : value;
  };
  for (const name of Object.keys(runsViewParsers) as (keyof typeof runsViewParsers)[]) {
    const value = raw[name];
    if (Array.isArray(value) && value.length > 1) {
      corrections.push({
        parameter: name,
        given: value.join(", "),
        message: `“${name}” appeared ${value.length} times; the first value was used.`,
      });
    }
  }
  const status = first("status");
  if (status !== undefined && status !== (view.status ?? "")) {
    corrections.push({
      parameter: "status",
      given: status,
      message: view.status
        ? `Status “${shorten(status)}” was read as “${view.status}”.`
        : `“${shorten(status)}” is not a run status (success, failed or skipped); showing all statuses.`,
    });
  }
  const page = first("page");
  if (page !== undefined && page !== String(view.page)) {
    corrections.push({
      parameter: "page",
      given: page,
      message: `Page “${shorten(page)}” is not a page number; showing page ${view.page}.`,
    });
  }
  const perPage = first("per_page");
  if (perPage !== undefined && perPage !== String(view.per_page)) {
    corrections.push({
      parameter: "per_page",
      given: perPage,
      message: `“${shorten(perPage)}” rows per page is not offered; showing ${view.per_page}.`,
    });
  }
  const after = first("after");
  if (after !== undefined && after !== (view.after ?? "")) {
    corrections.push({
      parameter: "after",
      given: after,
      message: view.after
        ? `The “after” time was read as ${view.after}.`
        : `“${shorten(after)}” is not a date and time (expected ISO 8601, e.g. 2026-04-17T09:31:00Z); the time filter was removed.`,
    });
  }
  const open = first("open");
  if (open !== undefined && open !== (view.open ?? "")) {
    corrections.push({
      parameter: "open",
      given: open,
      message: `“${shorten(open)}” is not a run id; no run was opened.`,
    });
  }
  return corrections;
}

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
