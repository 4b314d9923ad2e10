"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { fieldClass } from "@/components/ui/field-class";
import { formatCount } from "@/lib/format/numbers";

export interface DataTablePaginationProps {
  /** 1-based, as in the URL. */
  page: number;
  perPage: number;
  total: number;
  pageSizes: readonly number[];
  onPageChange: (page: number) => void;
  onPageSizeChange: (size: number) => void;
  /** Plural noun for the range text: "runs", "workflows". */
  itemLabel: string;
  /** Prefetch hook for the next page, so it is ready before the click. */
  onNextPageIntent?: () => void;
}

/** "51–75 of 5,000", first/previous/next/last, a page-number jump and the page size. */
export function DataTablePagination({
  page,
  perPage,
  total,
  pageSizes,
  onPageChange,
  onPageSizeChange,
  itemLabel,
  onNextPageIntent,
}: DataTablePaginationProps) {
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const first = total === 0 ? 0 : Math.min((page - 1) * perPage + 1, total);
  const last = Math.min(page * perPage, total);
  const sizeId = useId();
  const jumpId = useId();
  const [jumpValue, setJumpValue] = useState("");
  const [jumpError, setJumpError] = useState<string | null>(null);

  function jump(event: FormEvent) {
    event.preventDefault();
    const target = Number(jumpValue.replaceAll(",", "").trim());
    if (!Number.isInteger(target) || target < 1 || target > pageCount) {
      setJumpError(`Enter a page from 1 to ${formatCount(pageCount)}.`);
      return;
    }
    setJumpError(null);
    setJumpValue("");
    onPageChange(target);
  }

  return (
    <nav
      aria-label="Pagination"
      className="flex flex-wrap items-center justify-between gap-x-6 gap-y-3 py-3 text-sm"
    >
      <p className="tabular-nums text-slate-700 dark:text-slate-300">
        {total === 0 ? (
          `No ${itemLabel}`
        ) : first > total || page > pageCount ? (
          `Page ${formatCount(page)} is past the end (${formatCount(total)} ${itemLabel})`
        ) : (
          <>
            <span className="font-medium">
              {formatCount(first)}–{formatCount(last)}
            </span>{" "}
            of {formatCount(total)} {itemLabel}
          </>
        )}
      </p>

      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex items-center gap-2">
          <label htmlFor={sizeId} className="text-slate-600 dark:text-slate-400">
            Rows per page
          </label>
          <select
            id={sizeId}
            value={perPage}
            onChange={(event) => onPageSizeChange(Number(event.target.value))}
            className={`${fieldClass} px-2`}
          >
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>

        <form onSubmit={jump} className="flex items-center gap-2" noValidate>
          <label htmlFor={jumpId} className="text-slate-600 dark:text-slate-400">
            Page
          </label>
          <input
            id={jumpId}
            inputMode="numeric"
            value={jumpValue}
            placeholder={String(Math.min(page, pageCount))}
            onChange={(event) => setJumpValue(event.target.value)}
            aria-invalid={jumpError ? true : undefined}
            aria-describedby={jumpError ? `${jumpId}-error` : undefined}
            className={`${fieldClass} w-20 px-2 tabular-nums`}
          />
          <span className="tabular-nums text-slate-600 dark:text-slate-400">
            of {formatCount(pageCount)}
          </span>
          <Button type="submit" size="compact">
            Go
          </Button>
          {jumpError ? (
            <span id={`${jumpId}-error`} role="alert" className="text-red-700 dark:text-red-400">
              {jumpError}
            </span>
          ) : null}
        </form>

        <div className="flex items-center gap-1">
          <Button
            size="compact"
            onClick={() => onPageChange(1)}
            disabled={page <= 1}
            aria-label="First page"
          >
            «
          </Button>
          <Button
            size="compact"
            onClick={() => onPageChange(Math.min(page - 1, pageCount))}
            disabled={page <= 1}
            aria-label="Previous page"
          >
            ‹ <span className="ml-1 hidden sm:inline">Previous</span>
          </Button>
          <Button
            size="compact"
            onClick={() => onPageChange(page + 1)}
            onPointerEnter={onNextPageIntent}
            onFocus={onNextPageIntent}
            disabled={page >= pageCount}
            aria-label="Next page"
          >
            <span className="mr-1 hidden sm:inline">Next</span> ›
          </Button>
          <Button
            size="compact"
            onClick={() => onPageChange(pageCount)}
            disabled={page >= pageCount}
            aria-label="Last page"
          >
            »
          </Button>
        </div>
      </div>
    </nav>
  );
}
