"use client";

export interface OpenRunNoteProps {
  runIds: readonly string[];
  onDismiss: () => void;
}

/** The link asks for open runs that this page, with these filters, does not have. */
export function OpenRunNote({ runIds, onDismiss }: OpenRunNoteProps) {
  const one = runIds.length === 1;
  return (
    <p role="status" className="mb-3 text-sm text-slate-700 dark:text-slate-300">
      {one ? "Run" : "Runs"}{" "}
      {runIds.map((id, index) => (
        <span key={id}>
          {index > 0 ? ", " : null}
          <span className="font-mono">{id}</span>
        </span>
      ))}{" "}
      {one ? "is" : "are"} not on this page with these filters.{" "}
      <button type="button" className="underline" onClick={onDismiss}>
        Dismiss
      </button>
    </p>
  );
}
