import { Button } from "@/components/ui/button";
import { forgetApiKey } from "@/lib/session/actions";
import { FormForgettingWorkspaceData } from "./form-forgetting-workspace-data";

/** Signs out of every workspace, after forgetting what this browser kept of them. */
export function SignOutButton({ children = "Sign out" }: { children?: string }) {
  return (
    <FormForgettingWorkspaceData action={forgetApiKey}>
      <Button type="submit" size="sm">
        {children}
      </Button>
    </FormForgettingWorkspaceData>
  );
}
