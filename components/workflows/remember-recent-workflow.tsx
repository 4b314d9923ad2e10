"use client";

import { useEffect } from "react";

export interface RememberRecentWorkflowProps {
  id: string;
  /** Null when the details could not be loaded: an earlier visit's name, or the id, is kept. */
  name: string | null;
}

/** Renders nothing; on the runs page it adds the workflow to this browser's "Recently opened". */
export function RememberRecentWorkflow({ id, name }: RememberRecentWorkflowProps) {
  useEffect(() => {
    // Loaded after the page is up: remembering can wait, the runs page's first load cannot.
    void import("@/lib/workflows/recent-workflows").then((store) =>
      store.rememberRecentWorkflow(id, name),
    );
  }, [id, name]);
  return null;
}
