"use client";

import { useEffect, useRef } from "react";

const SHORTCUTS: ReadonlyArray<readonly [keys: string, what: string]> = [
  ["j or ↓", "next run"],
  ["k or ↑", "previous run"],
  ["Enter or Space", "open or close the run"],
  ["/", "search"],
  ["?", "this list"],
  ["Esc", "close a dialog"],
];

/** The list of keyboard shortcuts, as a modal dialog: Esc or Close returns focus where it was. */
export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      className="m-auto w-80 rounded-lg border border-slate-200 bg-white p-5 text-sm text-slate-900 shadow-lg backdrop:bg-slate-950/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id="shortcuts-title" className="mb-3 text-base font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 px-1.5 font-mono text-xs dark:border-slate-600">
                {keys}
              </kbd>
            </dt>
            <dd className="text-slate-600 dark:text-slate-300">{what}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
        Shortcuts wait while you type in a field.
      </p>
      <form method="dialog" className="mt-4 text-right">
        <button
          type="submit"
          className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Close
        </button>
      </form>
    </dialog>
  );
}
