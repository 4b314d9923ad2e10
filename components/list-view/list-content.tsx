"use client";

import dynamic from "next/dynamic";
import type { ReactNode } from "react";
import type { AppErrorDetails } from "@/lib/model/app-error-body";

// Shown only when something is off (an error, no rows, a repaired link) or before the first rows:
// loaded when needed, so the everyday page does not carry them in its first-load JavaScript.
const ListErrorState = dynamic(() => import("./list-error-state").then((m) => m.ListErrorState));
export const ListEmptyState = dynamic(() =>
  import("./list-empty-state").then((m) => m.ListEmptyState),
);
export const LinkRepairNotice = dynamic(() =>
  import("./link-repair-notice").then((m) => m.LinkRepairNotice),
);
export const DataTableSkeleton = dynamic(() =>
  import("@/components/data-table/data-table-skeleton").then((m) => m.DataTableSkeleton),
);
// Server-rendered with the rows, but its code only matters once someone pages: it arrives just
// after the page's own.
export const DataTablePagination = dynamic(() =>
  import("@/components/data-table/data-table-pagination").then((m) => m.DataTablePagination),
);

export interface ListContentProps {
  error: AppErrorDetails | null;
  /** Identifies the failure: the error state starts afresh (its countdown too) for a new one. */
  errorKey: string;
  onRetry: () => void;
  /** No rows to show yet: the skeleton stands in for the table. */
  loading: boolean;
  skeleton: ReactNode;
  /** The empty state, when the answer has no rows. */
  empty: ReactNode | null;
  /** The table. */
  children: ReactNode;
}

/** The body of a list view: its error, its skeleton, its empty state, or its table. */
export function ListContent({
  error,
  errorKey,
  onRetry,
  loading,
  skeleton,
  empty,
  children,
}: ListContentProps) {
  if (error) return <ListErrorState key={errorKey} error={error} onRetry={onRetry} />;
  if (loading) return skeleton;
  if (empty) return empty;
  return children;
}
