"use client";

import dynamic from "next/dynamic";

/**
 * `HeaderQuota` in a chunk of its own: the runs pages are at their first-load budget, and the
 * figure it moves into the header can arrive a moment after the table.
 */
export const HeaderQuotaOnDemand = dynamic(() =>
  import("./header-quota").then((module) => module.HeaderQuota),
);
