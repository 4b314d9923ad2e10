"use client";

import {
  useEffect,
  useRef,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type SyntheticEvent,
} from "react";

/**
 * A native `<dialog>` shown modal on mount, closed only through `onClose` (Escape, a backdrop
 * click), with Tab kept inside it. Spread `props` on the `<dialog>`.
 */
export function useModalDialog(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const pointerDownOnBackdrop = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return {
    props: {
      ref,
      // Escape: close through the opener at once. Left to the browser, the dialog would hide now
      // but report `close` a task later, and a quick reopen in between would be undone by it.
      onCancel(event: SyntheticEvent<HTMLDialogElement>) {
        event.preventDefault();
        onClose();
      },
      onClose,
      // The page behind a modal dialog is inert, but Chrome still lets Tab leave for the browser's
      // own controls; wrapping keeps keyboard users in the dialog's cycle, as the ARIA dialog
      // pattern asks.
      onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
        if (event.key !== "Tab" || !ref.current) return;
        const tabbable = [
          ...ref.current.querySelectorAll<HTMLElement>("button, input, [tabindex]"),
        ].filter((element) => element.tabIndex >= 0 && !element.matches(":disabled"));
        const edge = event.shiftKey ? tabbable[0] : tabbable.at(-1);
        const wrapTo = event.shiftKey ? tabbable.at(-1) : tabbable[0];
        if (document.activeElement !== edge || !wrapTo) return;
        event.preventDefault();
        wrapTo.focus();
      },
      // A click whose press and release both land outside the panel (on the backdrop, which is
      // the dialog element itself), so a text selection dragged out of the panel does not close it.
      onPointerDown(event: PointerEvent<HTMLDialogElement>) {
        pointerDownOnBackdrop.current = event.target === event.currentTarget;
      },
      onClick(event: MouseEvent<HTMLDialogElement>) {
        if (pointerDownOnBackdrop.current && event.target === event.currentTarget) onClose();
        pointerDownOnBackdrop.current = false;
      },
    },
  };
}
