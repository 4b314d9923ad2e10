"use client";

import { useTable } from "@tanstack/react-table";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import type { WorkflowHealth } from "@/lib/workflows/workflow-health";
import type { WorkflowListItem } from "@/lib/workflows/workflow-list";
import {
  workflowsColumnClassName,
  workflowsColumns,
  workflowsTableFeatures,
  type WorkflowRow,
} from "./workflows-columns";

export interface WorkflowsTableProps {
  workflows: WorkflowListItem[];
  healthById: Readonly<Record<string, WorkflowHealth>>;
  /** The rows shown belong to the previous filters or page while the new ones load. */
  busy: boolean;
}

export function WorkflowsTable({ workflows, healthById, busy }: WorkflowsTableProps) {
  const rows = useMemo<WorkflowRow[]>(
    () => workflows.map((workflow) => ({ ...workflow, health: healthById[workflow.id] })),
    [workflows, healthById],
  );
  const table = useTable({
    features: workflowsTableFeatures,
    columns: workflowsColumns,
    data: rows,
    getRowId: (workflow) => workflow.id,
  });
  return (
    <DataTable
      table={table}
      caption="Workflows, with their state, health, trigger, action and last run"
      busy={busy}
      columnClassName={workflowsColumnClassName}
    />
  );
}
