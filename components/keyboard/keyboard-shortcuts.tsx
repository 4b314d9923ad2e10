"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import {
  focusAdjacentRow,
  focusFirstRow,
  keepEveryTableOneTabStop,
} from "@/components/data-table/row-focus";

// The sheet is read once in a while: its code loads when `?` is first pressed.
const ShortcutsSheet = dynamic(() => import("./shortcuts-sheet").then((m) => m.ShortcutsSheet));

/** Where `/` goes: the page's own search if it has one, else the header's record search. */
function searchField(): HTMLElement | null {
  return (
    document.querySelector<HTMLElement>("[data-search-shortcut]") ??
    document.getElementById("header-record-search")
  );
}

/**
 * The app's keyboard shortcuts, listened for on the document, and the runs tables' one tab stop.
 * They never fire while a person types in a field, or with Ctrl, Alt or Cmd held (those belong to
 * the browser).
 */
export function KeyboardShortcuts() {
  const [sheetOpen, setSheetOpen] = useState(false);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (isTypingIn(event.target)) return;
      if (event.key === "?") {
        event.preventDefault();
        setSheetOpen(true);
      } else if (event.key === "/") {
        const search = searchField();
        if (!search) return;
        event.preventDefault();
        search.focus();
      } else if (event.key === "j" || event.key === "k") {
        // Inside a table its own handler moves; from anywhere else, j or k starts at the first run.
        const from = document.activeElement;
        const moved =
          from?.closest("tr[data-row]") && focusAdjacentRow(from, event.key === "j" ? 1 : -1);
        if (moved || focusFirstRow(document.getElementById("main") ?? document)) {
          event.preventDefault();
        }
      }
    }
    document.addEventListener("keydown", onKeyDown);
    const stopRoving = keepEveryTableOneTabStop(document.getElementById("main") ?? document.body);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      stopRoving();
    };
  }, []);

  return sheetOpen ? <ShortcutsSheet onClose={() => setSheetOpen(false)} /> : null;
}

function isTypingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select") !== null;
}
