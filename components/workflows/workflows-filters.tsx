"use client";

import { useId } from "react";
import { fieldClass } from "@/components/ui/field-class";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { entityTypes, type EntityType } from "@/lib/model/workflow";
import { readEntity } from "@/lib/url-state/shared-readers";
import type { WorkflowSort } from "@/lib/workflows/workflow-list";

const ENTITY_LABELS: Record<EntityType, string> = {
  contact: "Contact",
  deal: "Deal",
  task: "Task",
  email: "Email",
  meeting: "Meeting",
};

type StateChoice = "all" | "enabled" | "disabled";

const STATE_OPTIONS = [
  { value: "all", label: "All" },
  { value: "enabled", label: "Enabled" },
  { value: "disabled", label: "Disabled" },
] as const;

function toChoice(enabled: boolean | null): StateChoice {
  return enabled === null ? "all" : enabled ? "enabled" : "disabled";
}

function fromChoice(choice: StateChoice): boolean | null {
  return choice === "all" ? null : choice === "enabled";
}

/** All / Enabled / Disabled. */
export function WorkflowStateFilter({
  value,
  onChange,
}: {
  value: boolean | null;
  onChange: (enabled: boolean | null) => void;
}) {
  return (
    <SegmentedControl<StateChoice>
      label="State"
      showLabel
      options={STATE_OPTIONS}
      value={toChoice(value)}
      onChange={(choice) => onChange(fromChoice(choice))}
    />
  );
}

/** The entity type whose changes trigger the workflow. */
export function WorkflowEntityFilter({
  value,
  onChange,
}: {
  value: EntityType | null;
  onChange: (entity: EntityType | null) => void;
}) {
  const id = useId();
  return (
    <div>
      <label
        htmlFor={id}
        className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400"
      >
        Entity
      </label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(event) => onChange(readEntity(event.target.value))}
        className={`${fieldClass} px-2`}
      >
        <option value="">All entities</option>
        {entityTypes.map((entity) => (
          <option key={entity} value={entity}>
            {ENTITY_LABELS[entity]}
          </option>
        ))}
      </select>
    </div>
  );
}

type SortChoice = "newest" | WorkflowSort;

const SORT_OPTIONS = [
  { value: "newest", label: "Newest" },
  { value: "attention", label: "Needs attention" },
] as const;

/**
 * LeadLex's order (newest created first), or failing, auto-disabled and near-cap workflows first.
 */
export function WorkflowSortControl({
  value,
  onChange,
}: {
  value: WorkflowSort | null;
  onChange: (sort: WorkflowSort | null) => void;
}) {
  return (
    <SegmentedControl<SortChoice>
      label="Order"
      showLabel
      options={SORT_OPTIONS}
      value={value ?? "newest"}
      onChange={(choice) => onChange(choice === "newest" ? null : choice)}
    />
  );
}
