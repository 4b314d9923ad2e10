"use client";

import { Button } from "@/components/ui/button";
import { forgetApiKey } from "@/lib/session/actions";
import { useForgetWorkspaceData } from "./use-forget-workspace-data";

/** Signs out of every workspace, after forgetting what this browser kept of them. */
export function SignOutButton({ children = "Sign out" }: { children?: string }) {
  const forgetWorkspaceData = useForgetWorkspaceData();
  return (
    <form action={forgetApiKey} onSubmit={forgetWorkspaceData}>
      <Button type="submit" size="sm">
        {children}
      </Button>
    </form>
  );
}
