"use client";

import dynamic from "next/dynamic";

/**
 * The copy button for places on the runs page's first load (its header, its toolbar): rendered on
 * the server like any other, but its code arrives after the page's own, since it only matters
 * once someone presses it. Elsewhere (the run details, already loaded on demand) use `CopyButton`.
 */
export const CopyButtonOnDemand = dynamic(() =>
  import("./copy-button").then((module) => module.CopyButton),
);
