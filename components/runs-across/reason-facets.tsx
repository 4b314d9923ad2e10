"use client";

import { formatCount } from "@/lib/format/numbers";
import { markHiddenCharacters } from "@/lib/text/hidden-characters";
import type { FacetValue } from "@/lib/model/runs-across-page";
import { readReason } from "@/lib/url-state/runs-across-view-state";

/**
 * Error codes and skip reasons with their counts for the current filters: a press filters on that
 * value, a second press on the chosen one removes the filter.
 */
export function ReasonFacets({
  errorCodes,
  skipReasons,
  value,
  onChange,
}: {
  errorCodes: readonly FacetValue[];
  skipReasons: readonly FacetValue[];
  value: string | null;
  onChange: (reason: string | null) => void;
}) {
  if (errorCodes.length === 0 && skipReasons.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-x-6 gap-y-2">
      <FacetGroup label="Error codes" items={errorCodes} value={value} onChange={onChange} />
      <FacetGroup label="Skip reasons" items={skipReasons} value={value} onChange={onChange} />
    </div>
  );
}

function FacetGroup({
  label,
  items,
  value,
  onChange,
}: {
  label: string;
  items: readonly FacetValue[];
  value: string | null;
  onChange: (reason: string | null) => void;
}) {
  if (items.length === 0) return null;
  return (
    <div role="group" aria-label={label} className="flex flex-wrap items-center gap-1.5">
      <span className="text-xs font-medium text-slate-600 dark:text-slate-400">{label}</span>
      {items.map((item) => {
        const selected = item.value === value;
        return (
          <button
            key={item.value}
            type="button"
            aria-pressed={selected}
            data-facet={item.value}
            // A value a link could not carry (LeadLex may send any text) is counted, not filtered on.
            disabled={readReason(item.value) !== item.value}
            onClick={() => onChange(selected ? null : item.value)}
            className={`inline-flex h-7 items-center gap-1 rounded border px-2 font-mono text-xs ${
              selected
                ? "border-sky-700 bg-sky-700 text-white dark:border-sky-400 dark:bg-sky-400 dark:text-slate-950"
                : "border-slate-300 bg-white hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
            }`}
          >
            <bdi dir="ltr">{markHiddenCharacters(item.value)}</bdi>
            <span className="font-sans tabular-nums">{formatCount(item.count)}</span>
          </button>
        );
      })}
    </div>
  );
}
