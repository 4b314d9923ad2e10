"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { fieldClass } from "@/components/ui/field-class";
import { cleanText } from "@/lib/text/clean-text";
import { recordPath } from "@/lib/model/entity-id";
import { extractEntityId } from "@/lib/records/extract-entity-id";
import { extractWorkflowId } from "@/lib/workflows/extract-workflow-id";

/**
 * "Open a workflow by id": for an id copied from LeadLex or a Runboard link pasted whole, or a CRM
 * record's id or link, which opens that record's history. Only ids the gateway would accept are
 * opened; anything else gets a message saying what an id looks like.
 */
export function JumpToWorkflow() {
  const router = useRouter();
  const inputId = useId();
  const errorId = useId();
  const hintId = useId();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function open(event: FormEvent) {
    event.preventDefault();
    const id = extractWorkflowId(value);
    // A record id reads as a workflow id too (same characters): its type prefix decides.
    const entityId = extractEntityId(value);
    if (entityId !== null) {
      setError(null);
      startTransition(() => router.push(recordPath(entityId)));
      return;
    }
    if (id === null) {
      const given = cleanText(value, 40);
      setError(
        given === ""
          ? "Enter a workflow id, such as wf_01HY1, a record id, such as deal_01HY1, or paste a link to either."
          : `“${given}” is not a workflow or record id, or a link to one. Ids use letters, digits, _ and - only (at most 64), such as wf_01HY1 or deal_01HY1.`,
      );
      return;
    }
    setError(null);
    startTransition(() => router.push(`/workflows/${encodeURIComponent(id)}`));
  }

  return (
    <section aria-labelledby={`${inputId}-heading`} className="w-full sm:max-w-sm">
      <h2 id={`${inputId}-heading`} className="text-sm font-semibold">
        Open a workflow by id
      </h2>
      <form onSubmit={open} noValidate className="mt-1.5 space-y-1.5">
        <label htmlFor={inputId} className="sr-only">
          Workflow or record id, or a link
        </label>
        <div className="flex gap-2">
          <input
            id={inputId}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            placeholder="wf_01HY1, deal_… or a link"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            className={`${fieldClass} min-w-0 flex-1 px-3 font-mono placeholder:font-sans placeholder:text-slate-500 dark:placeholder:text-slate-400`}
          />
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Opening…" : "Open"}
          </Button>
        </div>
        <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
          A workflow or record id from LeadLex, or a link to one.
        </p>
        {error ? (
          <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </form>
    </section>
  );
}
