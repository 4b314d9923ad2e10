import { RecordSearchForm } from "./record-search-form";

/** What a typed or linked value that is no record id gets: the reason, and the box to try again. */
export function RecordIdRefused({ given }: { given: string }) {
  const empty = given.trim() === "";
  return (
    <div className="mx-auto max-w-xl space-y-4 py-6">
      <h1 className="text-2xl font-semibold tracking-tight">
        {empty ? "Find a CRM record" : "That is not a record id"}
      </h1>
      <p role={empty ? undefined : "alert"} className="text-sm text-slate-700 dark:text-slate-300">
        {empty ? (
          <>Paste</>
        ) : (
          <>
            <bdi className="font-mono [overflow-wrap:anywhere]">
              {given.length > 200 ? `${given.slice(0, 200)}…` : given}
            </bdi>{" "}
            holds no CRM record id. Paste
          </>
        )}{" "}
        an id such as <span className="font-mono">deal_01KFFFBYJ8FB0H37XY6EZZ1X3K</span> (
        <span className="font-mono">contact_</span>, <span className="font-mono">deal_</span>,{" "}
        <span className="font-mono">task_</span>, <span className="font-mono">email_</span> or{" "}
        <span className="font-mono">meeting_</span> and letters and digits), or a link to the
        record, to see its runs across every workflow.
      </p>
      <RecordSearchForm
        inputId="record-search-again"
        defaultValue={given}
        inputClassName="flex-1"
      />
    </div>
  );
}
