/**
 * `page` and `per_page`, the parameters every list view has, read and repaired the same way
 * everywhere: whole pages from 1, and the smallest offered page size that holds what was asked.
 */
import { DEFAULT_PER_PAGE, MAX_PAGE } from "@/lib/model/queries";
import { urlParam } from "./url-params";

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
const MAX_PAGE_SIZE: PageSize = 100;

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

/** A size from the page-size menu; anything else falls back to the default. */
export function toPageSize(size: number): PageSize {
  return PAGE_SIZES.find((offered) => offered === size) ?? (DEFAULT_PER_PAGE as PageSize);
}

export const pageParam = urlParam<number>(readPage).withDefault(1);
export const pageSizeParam = urlParam<PageSize>(readPageSize).withDefault(
  DEFAULT_PER_PAGE as PageSize,
);
