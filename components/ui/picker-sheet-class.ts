/**
 * A picker `<dialog>` that is a bottom sheet on a phone and a centred panel from `sm` up: the
 * After picker of a workflow's runs and the custom window of `/runs`. Each adds its own width.
 */
export const pickerSheetClass =
  "mx-0 mt-auto mb-0 max-h-[calc(100dvh-1rem)] w-full max-w-none overflow-hidden rounded-t-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 sm:m-auto sm:max-w-[calc(100vw-2rem)] sm:rounded-xl dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100";
