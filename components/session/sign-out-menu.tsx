import { Button } from "@/components/ui/button";
import { removeActiveWorkspace } from "@/lib/session/actions";
import type { WorkspaceSummary } from "@/lib/session/workspaces";
import { DisclosureMenu } from "./disclosure-menu";
import { FormForgettingWorkspaceData } from "./form-forgetting-workspace-data";
import { SignOutButton } from "./sign-out-button";

/**
 * Sign-out with one workspace; with several, a choice: remove the active one (the others stay)
 * or sign out of all.
 */
export function SignOutMenu({ workspaces }: { workspaces: WorkspaceSummary[] }) {
  const active = workspaces.find((workspace) => workspace.active);
  if (!active || workspaces.length === 1) return <SignOutButton />;

  return (
    // Keyed by the active workspace: a removal keeps the header, and must not keep the menu open.
    <DisclosureMenu key={active.id} summary="Sign out">
      <FormForgettingWorkspaceData action={removeActiveWorkspace} className="space-y-1">
        <Button type="submit" size="sm" className="w-full">
          Remove “{active.label}”
        </Button>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Forgets its key and what was fetched with it; the other {workspaces.length - 1} stay.
        </p>
      </FormForgettingWorkspaceData>
      <SignOutButton>Sign out of all workspaces</SignOutButton>
    </DisclosureMenu>
  );
}
