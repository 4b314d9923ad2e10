import type { Metadata } from "next";
import Link from "next/link";
import { ConnectForm } from "@/components/session/connect-form";
import { upstreamIsLocalEmulator } from "@/lib/config/server-env";
import { demoKeyChoices } from "@/lib/session/demo-keys";
import { safeNextPath } from "@/lib/session/safe-next-path";
import { readWorkspaceSummaries } from "@/lib/session/session";
import { MAX_WORKSPACES } from "@/lib/session/workspaces";

export const metadata: Metadata = { title: "Connect" };

interface ConnectPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ConnectPage({ searchParams }: ConnectPageProps) {
  const { next } = await searchParams;
  const returnTo = safeNextPath(Array.isArray(next) ? next[0] : next);
  const demos = upstreamIsLocalEmulator() ? demoKeyChoices() : [];
  const workspaces = await readWorkspaceSummaries();

  if (workspaces) {
    return (
      <div className="mx-auto max-w-xl py-6">
        <h1 className="text-2xl font-semibold tracking-tight">Add a LeadLex workspace</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          This session holds {workspaces.length} of at most {MAX_WORKSPACES} workspaces (
          {workspaces.map((workspace) => workspace.label).join(", ")}). The key you add is kept
          encrypted beside them, becomes the active workspace, and the header&rsquo;s switcher goes
          back to the others.{" "}
          <Link href="/" className="underline">
            Back to the workflows
          </Link>
        </p>
        <ConnectForm returnTo={returnTo} demoKeys={demos} adding />
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-xl py-6">
      <h1 className="text-2xl font-semibold tracking-tight">Connect your LeadLex workspace</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        Runboard reads your workflows&rsquo; run history with your own API key. The key is kept
        encrypted in a cookie only this server can read; it is never shown again or sent to your
        browser&rsquo;s scripts.
      </p>
      <ConnectForm returnTo={returnTo} demoKeys={demos} adding={false} />
    </div>
  );
}
