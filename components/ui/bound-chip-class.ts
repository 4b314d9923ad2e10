/**
 * A filter's bound shown as a chip that reopens its picker, with a clear button joined to its
 * right: the After chip of a workflow's runs and the custom window of `/runs`.
 */
export const boundChipClass =
  "inline-flex min-h-9 min-w-0 items-center gap-2 rounded-l-md border border-sky-300 bg-sky-50 px-3 py-1 text-left text-sm text-sky-950 hover:bg-sky-100 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-50 dark:hover:bg-sky-900";

export const boundChipClearClass =
  "inline-flex w-9 shrink-0 items-center justify-center rounded-r-md border border-l-0 border-sky-300 bg-sky-50 text-sky-900 hover:bg-sky-100 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100 dark:hover:bg-sky-900";
