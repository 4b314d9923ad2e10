"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { forgetApiKey } from "@/lib/session/actions";

/**
 * Signs out, and first forgets what this browser kept of the old key's workspace: cached runs
 * (another key may open the same URLs next) and the recently opened workflows.
 */
export function SignOutButton() {
  const queryClient = useQueryClient();
  return (
    <form
      action={forgetApiKey}
      onSubmit={() => {
        queryClient.clear();
        // Loaded on demand: every page carries this button, few ever press it.
        void import("@/lib/workflows/recent-workflows").then((store) =>
          store.forgetRecentWorkflows(),
        );
      }}
    >
      <Button type="submit" size="sm">
        Sign out
      </Button>
    </form>
  );
}
