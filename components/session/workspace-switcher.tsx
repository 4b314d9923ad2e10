import { readWorkspaceSummaries } from "@/lib/session/session";
import { SignOutMenu } from "./sign-out-menu";
import { WorkspaceSwitchMenu } from "./workspace-switch-menu";

/** The header's session controls: the active workspace and the switch, then sign-out. */
export async function WorkspaceSwitcher() {
  const workspaces = await readWorkspaceSummaries();
  if (!workspaces) return null;
  return (
    <div className="flex items-center gap-2 text-sm">
      <WorkspaceSwitchMenu workspaces={workspaces} />
      <SignOutMenu workspaces={workspaces} />
    </div>
  );
}
