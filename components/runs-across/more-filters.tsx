"use client";

import { fieldClass } from "@/components/ui/field-class";
import { markHiddenCharacters } from "@/lib/text/hidden-characters";
import { workflowIdsOf } from "@/lib/url-state/runs-across-view-state";

/** Several workflows at once: checkboxes in a disclosure, so the toolbar stays one line. */
export function WorkflowsFilter({
  value,
  workflows,
  onChange,
}: {
  value: string | null;
  workflows: readonly { id: string; name: string; enabled: boolean }[];
  onChange: (workflow: string | null) => void;
}) {
  const chosen = workflowIdsOf(value);
  const toggle = (id: string) => {
    const next = chosen.includes(id) ? chosen.filter((item) => item !== id) : [...chosen, id];
    onChange(next.length === 0 ? null : next.join(","));
  };
  return (
    <details className="relative">
      <summary
        className={`${fieldClass} flex cursor-pointer list-none items-center px-3 select-none`}
      >
        {chosen.length === 0
          ? "Every enabled workflow"
          : `${chosen.length} workflow${chosen.length === 1 ? "" : "s"}`}
      </summary>
      <fieldset className="absolute z-10 mt-1 max-h-80 w-72 overflow-auto rounded-md border border-slate-300 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <legend className="sr-only">Workflows</legend>
        {workflows.map((workflow) => (
          <label key={workflow.id} className="flex items-center gap-2 py-1 text-sm">
            <input
              type="checkbox"
              checked={chosen.includes(workflow.id)}
              onChange={() => toggle(workflow.id)}
            />
            <span className="truncate">{markHiddenCharacters(workflow.name)}</span>
            {workflow.enabled ? null : (
              <span className="text-xs text-slate-500 dark:text-slate-400">(disabled)</span>
            )}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

export function StillFailingToggle({
  value,
  onChange,
}: {
  value: boolean;
  onChange: (value: boolean) => void;
}) {
  return (
    <label className="flex h-9 items-center gap-2 text-sm">
      <input type="checkbox" checked={value} onChange={(event) => onChange(event.target.checked)} />
      Still failing only
    </label>
  );
}
