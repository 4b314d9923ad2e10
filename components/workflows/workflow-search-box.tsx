"use client";

import { useEffect, useId, useState, type FormEvent } from "react";
import { fieldClass } from "@/components/ui/field-class";
import { MAX_SEARCH_LENGTH } from "@/lib/model/queries";
import { readSearch } from "@/lib/url-state/workflows-view-state";

/** Long enough that a word is typed before the list is asked for it; short enough to feel live. */
const SEARCH_DEBOUNCE_MS = 300;

export interface WorkflowSearchBoxProps {
  /** The search in the URL. */
  value: string | null;
  /** Writes a new search to the URL (replacing the history entry: typing is not a new view). */
  onSearch: (search: string | null) => void;
}

/**
 * The text box keeps what is typed; the URL gets the cleaned search after a pause. `written` is
 * the last search this box put in the URL. When the URL's search changes to anything else, the
 * change came from elsewhere (Clear filters, Back) and replaces the text; the box's own writes
 * never overwrite newer typing.
 */
export function WorkflowSearchBox({ value, onSearch }: WorkflowSearchBoxProps) {
  const inputId = useId();
  const [text, setText] = useState(value ?? "");
  const [written, setWritten] = useState(value);
  const [seen, setSeen] = useState(value);

  if (value !== seen) {
    setSeen(value);
    if (value !== written) {
      setWritten(value);
      setText(value ?? "");
    }
  }

  useEffect(() => {
    const search = readSearch(text);
    if (search === written) return;
    const timer = setTimeout(() => {
      setWritten(search);
      onSearch(search);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, written, onSearch]);

  function submitNow(event: FormEvent) {
    event.preventDefault();
    const search = readSearch(text);
    if (search === written) return;
    setWritten(search);
    onSearch(search);
  }

  return (
    <form role="search" onSubmit={submitNow} className="min-w-0 flex-1 basis-64">
      <label
        htmlFor={inputId}
        className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400"
      >
        Search workflows by name
      </label>
      <input
        id={inputId}
        type="search"
        // `/` comes here on the list, rather than to the header's record search.
        data-search-shortcut
        value={text}
        maxLength={MAX_SEARCH_LENGTH}
        spellCheck={false}
        autoComplete="off"
        placeholder="e.g. lost deals"
        onChange={(event) => setText(event.target.value)}
        className={`${fieldClass} w-full px-3 placeholder:text-slate-500 dark:placeholder:text-slate-400`}
      />
    </form>
  );
}
