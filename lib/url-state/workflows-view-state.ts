/**
 * The workflow list's state, as it lives in the URL: `q`, `enabled`, `entity`, `sort`, `page`,
 * `per_page`.
 * One parser map serves the server page (`loadWorkflowsViewState`) and the browser
 * (`useUrlParams`), so both read a link the same way. The parsers are forgiving on purpose
 * (`enabled=TRUE` reads as true, `entity=Deal` as deal, a search with control characters loses
 * them); `workflows-view-repairs.ts` names the repairs that change what is shown.
 */
import { formatCount } from "@/lib/format/numbers";
import { MAX_SEARCH_LENGTH } from "@/lib/model/queries";
import type { EntityType } from "@/lib/model/workflow";
import {
  workflowSorts,
  type WorkflowListQuery,
  type WorkflowSort,
} from "@/lib/workflows/workflow-list";
import { isEntityType, readEntity } from "./shared-readers";
import { pageParam, pageSizeParam } from "./paging-params";
import { createLoader, createSerializer, urlParam, type UrlParamValues } from "./url-params";

export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/**
 * Search text as LeadLex may receive it (see `workflowsQuerySchema`): control characters removed,
 * trimmed, at most 100 UTF-16 units without splitting a surrogate pair. Empty reads as no search.
 */
export function readSearch(raw: string): string | null {
  let value = raw.replace(CONTROL_CHARACTERS, "").trim();
  if (value.length > MAX_SEARCH_LENGTH) {
    value = value.slice(0, MAX_SEARCH_LENGTH);
    // A lone high surrogate at the end is half of a character that did not fit.
    if (/[\uD800-\uDBFF]$/.test(value)) value = value.slice(0, -1);
    value = value.trimEnd();
  }
  return value === "" ? null : value;
}

export function readEnabled(raw: string): boolean | null {
  const value = raw.trim().toLowerCase();
  if (value === "true") return true;
  if (value === "false") return false;
  return null;
}

export { isEntityType, readEntity };

/** `attention` (any case); anything else reads as LeadLex's own order. */
export function readSort(raw: string): WorkflowSort | null {
  const value = raw.trim().toLowerCase();
  return (workflowSorts as readonly string[]).includes(value) ? (value as WorkflowSort) : null;
}

const identity = <T extends string>(value: T) => value;

export const workflowsViewParsers = {
  q: urlParam<string>(readSearch, identity),
  enabled: urlParam<boolean>(readEnabled),
  entity: urlParam<EntityType>(readEntity, identity),
  sort: urlParam<WorkflowSort>(readSort, identity),
  page: pageParam,
  per_page: pageSizeParam,
};

export const loadWorkflowsViewState = createLoader(workflowsViewParsers);
export const serializeWorkflowsViewState = createSerializer(workflowsViewParsers);

export type WorkflowsViewState = UrlParamValues<typeof workflowsViewParsers>;

export function toWorkflowsQuery(view: WorkflowsViewState): WorkflowListQuery {
  return {
    page: view.page,
    perPage: view.per_page,
    enabled: view.enabled,
    entity: view.entity,
    search: view.q,
    sort: view.sort,
  };
}

export function hasWorkflowsFilters(view: WorkflowsViewState): boolean {
  return view.q !== null || view.enabled !== null || view.entity !== null;
}

const ENTITY_PLURALS: Record<EntityType, string> = {
  contact: "contacts",
  deal: "deals",
  task: "tasks",
  email: "emails",
  meeting: "meetings",
};

export function entityPlural(entity: EntityType): string {
  return ENTITY_PLURALS[entity];
}

/**
 * The matching workflows in words, naming every active filter: `12 workflows match “deal”`,
 * `1 disabled workflow triggered by tasks`, `No workflows`. `count` null leaves the number out
 * ("Disabled workflows triggered by deals"), for the empty state's sentence.
 */
export function describeWorkflowsMatch(view: WorkflowsViewState, count: number | null): string {
  const one = count === 1;
  const state = view.enabled === null ? "" : view.enabled ? "enabled " : "disabled ";
  const noun = one ? "workflow" : "workflows";
  const entity = view.entity === null ? "" : ` triggered by ${entityPlural(view.entity)}`;
  const search = view.q === null ? "" : ` ${one ? "matches" : "match"} “${view.q}”`;
  const phrase = `${state}${noun}${entity}${search}`;
  if (count === null) return phrase.charAt(0).toUpperCase() + phrase.slice(1);
  return `${count === 0 ? "No" : formatCount(count)} ${phrase}`;
}
