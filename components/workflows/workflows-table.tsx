"use client";

import { useTable } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { WorkflowListItem } from "@/lib/workflows/workflow-list";
import {
  workflowsColumnClassName,
  workflowsColumns,
  workflowsTableFeatures,
} from "./workflows-columns";

export interface WorkflowsTableProps {
  workflows: WorkflowListItem[];
  /** The rows shown belong to the previous filters or page while the new ones load. */
  busy: boolean;
}

export function WorkflowsTable({ workflows, busy }: WorkflowsTableProps) {
  const table = useTable({
    features: workflowsTableFeatures,
    columns: workflowsColumns,
    data: workflows,
    getRowId: (workflow) => workflow.id,
  });
  return (
    <DataTable
      table={table}
      caption="Workflows, with their state, trigger, action and last run"
      busy={busy}
      columnClassName={workflowsColumnClassName}
    />
  );
}
