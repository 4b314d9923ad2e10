import Link from "next/link";

/** A workflow id that is malformed, or that LeadLex does not know for this key's workspace. */
export default function WorkflowNotFound() {
  return (
    <div className="mx-auto max-w-xl py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Workflow not found</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        There is no workflow at this address for the connected workspace. The link may be mistyped
        (workflow ids look like <span className="font-mono">wf_01HY1</span>), the workflow may have
        been deleted with no runs left, or it may belong to another workspace.
      </p>
      <Link
        href="/"
        className="mt-6 inline-flex h-9 items-center rounded-md bg-sky-700 px-4 text-sm font-medium text-white hover:bg-sky-800"
      >
        Back to all workflows
      </Link>
    </div>
  );
}
