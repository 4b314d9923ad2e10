"use client";

import dynamic from "next/dynamic";

/**
 * The Local/UTC toggle, server-rendered like the rest but in a chunk of its own: its code only
 * matters once someone uses it, and the "After" picker, which shows the toggle too, shares it.
 */
export const TimeZoneToggleOnDemand = dynamic(() =>
  import("./time-zone-toggle").then((m) => m.TimeZoneToggle),
);
