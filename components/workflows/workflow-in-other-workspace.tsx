import Link from "next/link";
import { SwitchWorkspaceForm } from "@/components/session/switch-workspace-form";
import { Button, buttonVariants } from "@/components/ui/button";
import type { WorkflowElsewhere } from "@/lib/workflows/find-workflow-elsewhere";

interface WorkflowInOtherWorkspaceProps {
  activeLabel: string;
  elsewhere: WorkflowElsewhere;
  /** This page's own path and query: where the switch lands. */
  returnTo: string;
}

/** A workflow link opened under the wrong workspace of the session, with the way to the right one. */
export function WorkflowInOtherWorkspace({
  activeLabel,
  elsewhere,
  returnTo,
}: WorkflowInOtherWorkspaceProps) {
  return (
    <div className="mx-auto max-w-xl py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Workflow in another workspace</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        This workflow is not in {activeLabel}. It is in {elsewhere.label}: switch?
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <SwitchWorkspaceForm workspaceId={elsewhere.workspaceId} next={returnTo}>
          <Button type="submit" variant="primary">
            Switch to {elsewhere.label}
          </Button>
        </SwitchWorkspaceForm>
        <Link href="/" className={buttonVariants()}>
          Back to all workflows
        </Link>
      </div>
    </div>
  );
}
