import { MAX_SEARCH_LENGTH } from "@/lib/model/queries";
import { entityTypes } from "@/lib/model/workflow";
import { findLinkRepairs, pagingRepairWords, quoteGiven, type LinkRepair } from "./link-repairs";
import type { SearchParamsRecord } from "./url-params";
import {
  CONTROL_CHARACTERS,
  workflowsViewParsers,
  type WorkflowsViewState,
} from "./workflows-view-state";

/**
 * What the workflow list says about a link it repaired. Only repairs that change what is shown
 * are named: case (`enabled=TRUE`) and surrounding spaces are not.
 */
export function findWorkflowsViewRepairs(
  raw: SearchParamsRecord,
  state: WorkflowsViewState,
): LinkRepair[] {
  return findLinkRepairs(
    workflowsViewParsers,
    {
      q: describeSearchRepair,
      enabled: (given, shown) =>
        given.trim() === "" || shown !== null
          ? null
          : `“${quoteGiven(given)}” is not a state (true or false); showing enabled and disabled workflows.`,
      entity: (given, shown) =>
        given.trim() === "" || shown !== null
          ? null
          : `“${quoteGiven(given)}” is not an entity type (${entityTypes.join(", ")}); showing all entities.`,
      sort: (given, shown) =>
        given.trim() === "" || shown !== null
          ? null
          : `“${quoteGiven(given)}” is not a sort order (attention); showing LeadLex's order.`,
      ...pagingRepairWords,
    },
    raw,
    state,
  );
}

function describeSearchRepair(given: string, shown: string | null): string | null {
  if (given.trim() === (shown ?? "")) return null;
  const repairs: string[] = [];
  if (new RegExp(CONTROL_CHARACTERS.source).test(given)) {
    repairs.push("its control characters (such as line breaks) were removed");
  }
  if (given.replace(CONTROL_CHARACTERS, "").trim().length > MAX_SEARCH_LENGTH) {
    repairs.push(`it was shortened to ${MAX_SEARCH_LENGTH} characters`);
  }
  return `The search was changed: ${repairs.join(", and ")}.`;
}
