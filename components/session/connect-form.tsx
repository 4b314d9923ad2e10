"use client";

import { useActionState, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { fieldClass } from "@/components/ui/field-class";
import { saveApiKey, type ConnectFormState } from "@/lib/session/actions";
import { MAX_API_KEY_LENGTH } from "@/lib/session/api-key-format";
import { MAX_LABEL_LENGTH } from "@/lib/session/workspaces";
import { useForgetWorkspaceData } from "./use-forget-workspace-data";

export interface DemoKeyChoice {
  label: string;
  title: string;
  description: string;
}

interface ConnectFormProps {
  returnTo: string;
  demoKeys: DemoKeyChoice[];
  /** Signed in already: the key joins the session's workspaces instead of starting one. */
  adding: boolean;
}

const initialState: ConnectFormState = { message: null };

/**
 * The key input is controlled on purpose: React resets uncontrolled fields after a form action, and
 * the server never sends the key back, so this is what keeps a mistyped key on screen to fix.
 */
export function ConnectForm({ returnTo, demoKeys, adding }: ConnectFormProps) {
  const [state, formAction, pending] = useActionState(saveApiKey, initialState);
  // A new key may see another workspace: nothing cached under the previous key may be shown.
  const forgetCachedData = useForgetWorkspaceData();
  const [apiKey, setApiKey] = useState("");
  const [label, setLabel] = useState("");
  const [revealed, setRevealed] = useState(false);
  const inputId = useId();
  const labelId = useId();
  const labelHintId = useId();
  const errorId = useId();

  return (
    <div className="mt-6 space-y-8">
      <form
        action={formAction}
        onSubmit={forgetCachedData}
        className="space-y-3"
        aria-busy={pending}
      >
        <input type="hidden" name="next" value={returnTo} />
        <label htmlFor={labelId} className="block text-sm font-medium">
          Workspace name
        </label>
        <input
          id={labelId}
          name="label"
          type="text"
          autoComplete="off"
          maxLength={MAX_LABEL_LENGTH * 2}
          placeholder="e.g. Acme"
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          aria-describedby={labelHintId}
          className={`${fieldClass} w-full px-3`}
        />
        <p id={labelHintId} className="text-sm text-slate-600 dark:text-slate-400">
          {adding
            ? "How the workspace switcher will name it (the customer's name, say). Left empty, it is numbered."
            : "Optional: how Runboard names this workspace if you add others later."}
        </p>
        <label htmlFor={inputId} className="block text-sm font-medium">
          API key
        </label>
        <div className="flex gap-2">
          <input
            id={inputId}
            name="apiKey"
            type={revealed ? "text" : "password"}
            autoComplete="off"
            spellCheck={false}
            maxLength={MAX_API_KEY_LENGTH * 2}
            placeholder="wbk_live_…"
            value={apiKey}
            onChange={(event) => setApiKey(event.target.value)}
            aria-invalid={state.message ? true : undefined}
            aria-describedby={state.message ? errorId : undefined}
            className={`${fieldClass} min-w-0 flex-1 px-3 font-mono`}
          />
          <Button onClick={() => setRevealed((value) => !value)} aria-pressed={revealed}>
            {revealed ? "Hide" : "Show"}
          </Button>
        </div>
        {state.message ? (
          <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-400">
            {state.message}
          </p>
        ) : null}
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Checking key…" : adding ? "Add workspace" : "Connect"}
        </Button>
      </form>

      {demoKeys.length > 0 ? (
        <section aria-labelledby="demo-keys-heading">
          <h2 id="demo-keys-heading" className="text-lg font-semibold">
            {adding ? "Or add a demo key" : "Or try a demo key"}
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            This server talks to the built-in LeadLex emulator, so these demo keys work.
          </p>
          <ul className="mt-3 grid gap-2 sm:grid-cols-2">
            {demoKeys.map((demo) => (
              <li key={demo.label}>
                <form action={formAction} onSubmit={forgetCachedData}>
                  <input type="hidden" name="next" value={returnTo} />
                  <input type="hidden" name="demo" value={demo.label} />
                  <button
                    type="submit"
                    disabled={pending}
                    className="h-full w-full rounded-md border border-slate-300 p-3 text-left hover:border-sky-600 hover:bg-sky-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900"
                  >
                    <span className="block font-medium">{demo.title}</span>
                    <span className="block text-sm text-slate-600 dark:text-slate-400">
                      {demo.description}
                    </span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
