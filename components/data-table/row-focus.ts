/**
 * Keyboard movement between a table's rows, for the keyboard shortcuts' chunk. Each row's first
 * control (its open button or link) is where focus lands; the table is one tab stop, at the row
 * last visited (roving tabindex), so Tab leaves the table instead of walking through every row.
 */
const ROW = "tr[data-row]";
const CONTROL = "button, a[href]";

function controlsOf(row: Element): HTMLElement[] {
  return Array.from(row.querySelectorAll<HTMLElement>(CONTROL));
}

/** Makes `current` (or the first row) the table's one tab stop. */
export function makeRowTheTabStop(body: HTMLElement, current?: Element | null): void {
  const rows = Array.from(body.querySelectorAll(ROW));
  const stop = current && rows.includes(current) ? current : rows[0];
  for (const row of rows) {
    for (const control of controlsOf(row)) {
      if (row === stop) control.removeAttribute("tabindex");
      else control.tabIndex = -1;
    }
  }
}

/** Focuses the first control of the row `step` rows from the one holding `from`; true if it moved. */
export function focusAdjacentRow(from: Element, step: 1 | -1): boolean {
  const row = from.closest(ROW);
  const body = row?.parentElement;
  if (!row || !body) return false;
  const rows = Array.from(body.querySelectorAll(ROW));
  const next = rows[rows.indexOf(row) + step];
  const control = next ? controlsOf(next)[0] : undefined;
  if (!control) return false;
  makeRowTheTabStop(body, next);
  control.focus();
  return true;
}

/** Focuses the first row's control of the first table in `root`; true if there was one. */
export function focusFirstRow(root: ParentNode): boolean {
  const row = root.querySelector(ROW);
  const control = row ? controlsOf(row)[0] : undefined;
  if (!row?.parentElement || !control) return false;
  makeRowTheTabStop(row.parentElement, row);
  control.focus();
  return true;
}

/**
 * A table of runs: rows that open (their details button says whether it is expanded). The
 * workflow list's rows are links to pages, each its own stop, as people tab through a menu.
 */
function isRunsBody(body: Element): boolean {
  return body.querySelector(`${ROW} button[aria-expanded]`) !== null;
}

/**
 * Keeps each runs table under `root` one tab stop while rows come and go (a new page, a filter): the
 * row focused last, else the first. Returns the function that stops it.
 */
export function keepEveryTableOneTabStop(root: HTMLElement): () => void {
  const settle = () => {
    const focusedRow = document.activeElement?.closest(ROW);
    for (const body of root.querySelectorAll("tbody")) {
      if (isRunsBody(body)) makeRowTheTabStop(body, focusedRow);
    }
  };
  const onFocusIn = (event: FocusEvent) => {
    const row = (event.target as Element | null)?.closest(ROW);
    if (row?.parentElement && isRunsBody(row.parentElement)) {
      makeRowTheTabStop(row.parentElement, row);
    }
  };
  const observer = new MutationObserver(settle);
  observer.observe(root, { childList: true, subtree: true });
  root.addEventListener("focusin", onFocusIn);
  settle();
  return () => {
    observer.disconnect();
    root.removeEventListener("focusin", onFocusIn);
  };
}
