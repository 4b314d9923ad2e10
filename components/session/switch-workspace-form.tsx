import type { ReactNode } from "react";
import { switchWorkspace } from "@/lib/session/actions";
import { FormForgettingWorkspaceData } from "./form-forgetting-workspace-data";

interface SwitchWorkspaceFormProps {
  /** The workspace's handle in the session: random, never derived from its key. */
  workspaceId: string;
  /** Where to land after the switch; checked again by the action. */
  next: string;
  children: ReactNode;
  className?: string;
}

/** A switch of the active workspace: a Server Action post, with the same cross-site rules as connect. */
export function SwitchWorkspaceForm({
  workspaceId,
  next,
  children,
  className,
}: SwitchWorkspaceFormProps) {
  return (
    <FormForgettingWorkspaceData action={switchWorkspace} className={className}>
      <input type="hidden" name="workspace" value={workspaceId} />
      <input type="hidden" name="next" value={next} />
      {children}
    </FormForgettingWorkspaceData>
  );
}
