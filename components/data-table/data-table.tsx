"use client";

import type { ReactTable } from "@tanstack/react-table";
import type { Row, RowData, TableFeatures } from "@tanstack/react-table";
import { Fragment, useMemo, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";

export interface DataTableProps<TFeatures extends TableFeatures, TData extends RowData> {
  table: ReactTable<TFeatures, TData>;
  /** Read by screen readers as the table's name. */
  caption: string;
  /** True while newer rows are loading; the current rows stay on screen, dimmed. */
  busy?: boolean;
  /** Content of the full-width row under an expanded row. */
  renderExpandedRow?: (row: Row<TFeatures, TData>) => ReactNode;
  /** Whether a row is open; the table's own expansion state when absent. */
  isRowExpanded?: (row: Row<TFeatures, TData>) => boolean;
  /** Clicking anywhere on a row (outside buttons, links and selected text) calls this. */
  onRowActivate?: (row: Row<TFeatures, TData>) => void;
  /** The DOM id of a row, so links and `aria-controls` can point at it. */
  rowDomId?: (row: Row<TFeatures, TData>) => string;
  /** Per-cell class names, by column id (e.g. to hide a column on small screens). */
  columnClassName?: Record<string, string>;
  /**
   * From `lg` up, the column header stays at the top of the window while the rows scroll under it.
   * A sticky header needs a frame that does not scroll sideways, so there the frame lets a wide
   * table show past it; below `lg` it scrolls sideways as usual and the header scrolls away.
   */
  stickyHeader?: boolean;
}

/**
 * A generic table for TanStack Table models: real table markup, an expandable row under each row,
 * and row-to-row keyboard movement (Up/Down between each row's first focusable control). The
 * keyboard shortcuts (`components/keyboard/`) add j/k and keep the rows one tab stop.
 */
export function DataTable<TFeatures extends TableFeatures, TData extends RowData>({
  table,
  caption,
  busy = false,
  renderExpandedRow,
  isRowExpanded,
  onRowActivate,
  rowDomId,
  columnClassName = {},
  stickyHeader = false,
}: DataTableProps<TFeatures, TData>) {
  const rows = table.getRowModel().rows;
  const columnCount = table.getAllLeafColumns().length;

  // The rows render only when they change: a "busy" render while newer rows load (the same rows,
  // dimmed) then costs almost nothing. Callers keep their callbacks stable for this to hold.
  const body = useMemo(() => {
    function handleRowClick(event: MouseEvent<HTMLTableRowElement>, row: Row<TFeatures, TData>) {
      if (!onRowActivate) return;
      const target = event.target as HTMLElement;
      // Let buttons, links and text selection (people copy ids from rows) do their own thing.
      if (target.closest("a, button, input, select, textarea, summary")) return;
      if (window.getSelection()?.toString()) return;
      onRowActivate(row);
    }
    return (
      <tbody>
        {rows.map((row) => {
          const expanded = isRowExpanded ? isRowExpanded(row) : false;
          const domId = rowDomId?.(row);
          return (
            <Fragment key={row.id}>
              <tr
                id={domId}
                data-row
                data-state={expanded ? "open" : "closed"}
                onClick={(event) => handleRowClick(event, row)}
                className={`data-table-row ${onRowActivate ? "cursor-pointer" : ""} ${expanded ? "data-table-row-open" : "data-table-row-closed"}`}
              >
                {row.getAllCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={`px-3 py-2 ${columnClassName[cell.column.id] ?? ""}`}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
              {expanded && renderExpandedRow ? (
                <tr
                  id={domId ? `${domId}-details` : undefined}
                  className="bg-slate-50/60 dark:bg-slate-900/40"
                >
                  <td colSpan={columnCount} className="px-3 pb-4 pt-1">
                    {renderExpandedRow(row)}
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    );
  }, [
    rows,
    table,
    columnCount,
    columnClassName,
    isRowExpanded,
    onRowActivate,
    renderExpandedRow,
    rowDomId,
  ]);

  return (
    <div className={`data-table-frame ${stickyHeader ? "lg:overflow-x-visible" : ""}`}>
      <div aria-hidden="true" className={`data-table-busy ${busy ? "" : "invisible"}`}>
        <div className="data-table-busy-bar" />
      </div>
      <table
        aria-busy={busy}
        onKeyDown={moveBetweenRows}
        className={`data-table ${busy ? "opacity-60" : ""}`}
      >
        <caption className="sr-only">{caption}</caption>
        <thead className="data-table-head">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  className={`px-3 py-2 font-medium whitespace-nowrap ${stickyHeader ? "data-table-sticky-header" : ""} ${columnClassName[header.column.id] ?? ""}`}
                >
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        {body}
      </table>
    </div>
  );
}

/** Up/Down from inside a row move focus to the same control in the previous/next row. */
function moveBetweenRows(event: KeyboardEvent<HTMLTableElement>) {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const target = event.target as HTMLElement;
  if (target.closest("input, select, textarea, [role='grid']")) return;
  const row = target.closest<HTMLTableRowElement>("tr[data-row]");
  if (!row) return;
  const rows = Array.from(
    event.currentTarget.querySelectorAll<HTMLTableRowElement>("tr[data-row]"),
  );
  const next = rows[rows.indexOf(row) + (event.key === "ArrowDown" ? 1 : -1)];
  const focusable = next?.querySelector<HTMLElement>("button, a[href]");
  if (focusable) {
    event.preventDefault();
    focusable.focus();
  }
}
