/** The look of a text box or select; callers add their width and padding. */
export const fieldClass =
  "h-9 rounded-md border border-slate-300 bg-white text-sm dark:border-slate-700 dark:bg-slate-900";
