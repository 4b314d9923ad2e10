import Link from "next/link";
import { RecordSearchForm } from "@/components/records/record-search-form";
import { WorkspaceSwitcher } from "@/components/session/workspace-switcher";
import { readKeyHint } from "@/lib/session/session";
import { HEADER_QUOTA_SLOT_ID } from "./header-quota-slot";

/** The top bar: home link, navigation, and which workspace is active with ways to switch and disconnect. */
export async function AppHeader() {
  const keyHint = await readKeyHint();
  return (
    <header className="border-b border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex min-h-14 w-full max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-2 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden="true" className="inline-block size-3 rounded-sm bg-sky-600" />
          Runboard
        </Link>
        {keyHint ? (
          <nav aria-label="Main" className="mr-auto flex items-center gap-4 text-sm">
            <Link href="/" className="hover:underline">
              Workflows
            </Link>
            <Link href="/runs" className="hover:underline">
              Runs
            </Link>
          </nav>
        ) : null}
        {keyHint ? (
          <RecordSearchForm
            inputId="header-record-search"
            className="order-last w-full md:order-none md:w-auto"
            inputClassName="flex-1 md:w-64 md:flex-none"
          />
        ) : null}
        {keyHint ? (
          <div className="flex items-center gap-3 text-sm">
            {/* Filled after hydration; its box is there from the first paint, so nothing moves. */}
            <div id={HEADER_QUOTA_SLOT_ID} className="header-quota-slot" />
            <WorkspaceSwitcher />
          </div>
        ) : null}
      </div>
    </header>
  );
}
