"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { switchWorkspace } from "@/lib/session/actions";
import type { WorkspaceSummary } from "@/lib/session/workspaces";
import { DisclosureMenu } from "./disclosure-menu";
import { useForgetWorkspaceData } from "./use-forget-workspace-data";

/**
 * Which workspace the pages show, and the others to switch to. A switch is a Server Action post
 * (the same cross-site rules as connect) naming the workspace by its random handle: no key and
 * nothing secret is in a form, a link or a URL. `/runs` means the same in every workspace, so a
 * switch there stays; anywhere else it lands on the workflow list, since a workflow or a record
 * belongs to one workspace.
 */
export function WorkspaceSwitchMenu({ workspaces }: { workspaces: WorkspaceSummary[] }) {
  const pathname = usePathname();
  const forgetWorkspaceData = useForgetWorkspaceData();
  const active = workspaces.find((workspace) => workspace.active);
  const others = workspaces.filter((workspace) => !workspace.active);
  if (!active) return null;
  const next = pathname === "/runs" ? "/runs" : "/";

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
              <form action={switchWorkspace} onSubmit={forgetWorkspaceData}>
                <input type="hidden" name="workspace" value={workspace.id} />
                <input type="hidden" name="next" value={next} />
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
              </form>
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
