"use client";

import dynamic from "next/dynamic";

/**
 * The shortcuts' listener arrives after the page is interactive, in a chunk of its own: a key
 * pressed in the first moment does nothing, and the runs page's first load stays in its budget.
 */
export const KeyboardShortcutsLoader = dynamic(
  () => import("./keyboard-shortcuts").then((m) => m.KeyboardShortcuts),
  { ssr: false },
);
