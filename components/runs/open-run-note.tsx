"use client";

export interface OpenRunNoteProps {
  runId: string;
  onDismiss: () => void;
}

/** The link asks for an open run that this page, with these filters, does not have. */
export function OpenRunNote({ runId, onDismiss }: OpenRunNoteProps) {
  return (
    <p role="status" className="mb-3 text-sm text-slate-700 dark:text-slate-300">
      Run <span className="font-mono">{runId}</span> is not on this page with these filters.{" "}
      <button type="button" className="underline" onClick={onDismiss}>
        Dismiss
      </button>
    </p>
  );
}
