import Link from "next/link";
import type { WorkspaceSummary } from "@/lib/session/workspaces";
import { DisclosureMenu } from "./disclosure-menu";
import { SwitchWorkspaceForm } from "./switch-workspace-form";

/**
 * Which workspace the pages show, and the others to switch to, drawn on the server. A switch
 * names the workspace by its random handle: no key and nothing secret is in a form, a link or a
 * URL. It lands on the workflow list, since a workflow or a record belongs to one workspace.
 */
export function WorkspaceSwitchMenu({ workspaces }: { workspaces: WorkspaceSummary[] }) {
  const active = workspaces.find((workspace) => workspace.active);
  const others = workspaces.filter((workspace) => !workspace.active);
  if (!active) return null;

  return (
    // Keyed by the active workspace: a switch keeps the header, and must not keep the menu open.
    <DisclosureMenu
      key={active.id}
      summary={
        <>
          <span className="text-slate-600 dark:text-slate-400">Workspace:</span>
          <span className="max-w-40 truncate font-medium">{active.label}</span>
        </>
      }
    >
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Active:{" "}
        <span className="font-medium text-slate-900 dark:text-slate-100">{active.label}</span> (key
        ending <span className="font-mono">…{active.keyHint}</span>)
      </p>
      {others.length > 0 ? (
        <ul aria-label="Switch to" className="space-y-1">
          {others.map((workspace) => (
            <li key={workspace.id}>
              <SwitchWorkspaceForm workspaceId={workspace.id} next="/">
                <button
                  type="submit"
                  className="flex w-full items-baseline justify-between gap-2 rounded px-2 py-1 text-left text-sm hover:bg-sky-50 dark:hover:bg-slate-800"
                >
                  <span className="truncate">
                    <span className="sr-only">Switch to </span>
                    {workspace.label}
                  </span>
                  <span className="shrink-0 font-mono text-xs text-slate-500">
                    …{workspace.keyHint}
                  </span>
                </button>
              </SwitchWorkspaceForm>
            </li>
          ))}
        </ul>
      ) : null}
      <Link href="/connect" className="block text-sm text-sky-700 underline dark:text-sky-400">
        Add a workspace
      </Link>
    </DisclosureMenu>
  );
}
