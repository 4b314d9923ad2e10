"use client";

import { useQueryClient } from "@tanstack/react-query";

/**
 * What this browser kept of the active workspace: cached answers (another key opens the same URLs
 * next) and the recently opened workflows. Forgotten whenever the key the pages are fetched with
 * changes: connecting, adding or switching a workspace, removing one, signing out.
 */
export function useForgetWorkspaceData(): () => void {
  const queryClient = useQueryClient();
  return () => {
    queryClient.clear();
    // Loaded on demand: every page carries the controls that call this, few ever press them.
    void import("@/lib/workflows/recent-workflows").then((store) => store.forgetRecentWorkflows());
  };
}
