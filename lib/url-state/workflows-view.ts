/**
 * The workflow list's state, as it lives in the URL: `q`, `enabled`, `entity`, `page`, `per_page`.
 * One parser map serves the server page (`loadWorkflowsView`) and the browser (`useUrlParams`), so
 * both read a link the same way. The parsers are forgiving on purpose (`enabled=TRUE` reads as
 * true, `entity=Deal` as deal, a search with control characters loses them);
 * `findWorkflowsViewCorrections` names every repair that changes what is shown so the page can say so.
 */
import { createLoader, createSerializer, urlParam, type UrlParamValues } from "./url-params";
import { formatCount } from "@/lib/format/numbers";
import { DEFAULT_PER_PAGE, MAX_SEARCH_LENGTH, type WorkflowsQuery } from "@/lib/model/queries";
import { entityTypes, type EntityType } from "@/lib/model/workflow";
import { PAGE_SIZES, readPage, readPageSize, type PageSize } from "./runs-view";

export { PAGE_SIZES, type PageSize };

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;
const HAS_CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

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

export function isEntityType(value: string): value is EntityType {
  return (entityTypes as readonly string[]).includes(value);
}

export function readEntity(raw: string): EntityType | null {
  const value = raw.trim().toLowerCase();
  return isEntityType(value) ? value : null;
}

const parseAsSearch = urlParam<string>(readSearch, (value) => value);
const parseAsEnabled = urlParam<boolean>(readEnabled);
const parseAsEntity = urlParam<EntityType>(readEntity, (value) => value);
const parseAsPage = urlParam<number>(readPage);
const parseAsPageSize = urlParam<PageSize>(readPageSize);

export const workflowsViewParsers = {
  q: parseAsSearch,
  enabled: parseAsEnabled,
  entity: parseAsEntity,
  page: parseAsPage.withDefault(1),
  per_page: parseAsPageSize.withDefault(DEFAULT_PER_PAGE as PageSize),
};

export const loadWorkflowsView = createLoader(workflowsViewParsers);
export const serializeWorkflowsView = createSerializer(workflowsViewParsers);

export type WorkflowsView = UrlParamValues<typeof workflowsViewParsers>;

export function toWorkflowsQuery(view: WorkflowsView): WorkflowsQuery {
  return {
    page: view.page,
    perPage: view.per_page,
    enabled: view.enabled,
    entity: view.entity,
    search: view.q,
  };
}

export function hasWorkflowsFilters(view: WorkflowsView): boolean {
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
export function describeWorkflowsMatch(view: WorkflowsView, count: number | null): string {
  const one = count === 1;
  const state = view.enabled === null ? "" : view.enabled ? "enabled " : "disabled ";
  const noun = one ? "workflow" : "workflows";
  const entity = view.entity === null ? "" : ` triggered by ${entityPlural(view.entity)}`;
  const search = view.q === null ? "" : ` ${one ? "matches" : "match"} “${view.q}”`;
  const phrase = `${state}${noun}${entity}${search}`;
  if (count === null) return phrase.charAt(0).toUpperCase() + phrase.slice(1);
  return `${count === 0 ? "No" : formatCount(count)} ${phrase}`;
}

/** A repair made to a link, in words the notice can show. */
export interface WorkflowsViewCorrection {
  parameter: keyof typeof workflowsViewParsers;
  given: string;
  message: string;
}

type RawSearchParams = Record<string, string | string[] | undefined>;

/**
 * Compares what the link said with how it was read. Only repairs that change what is shown are
 * named: case (`enabled=TRUE`) and surrounding spaces are not. Repeated parameters keep the first
 * value; unknown parameters are ignored silently (they change nothing on screen).
 */
export function findWorkflowsViewCorrections(
  raw: RawSearchParams,
  view: WorkflowsView,
): WorkflowsViewCorrection[] {
  const corrections: WorkflowsViewCorrection[] = [];
  const first = (name: string) => {
    const value = raw[name];
    return Array.isArray(value) ? value[0] : value;
  };
  for (const name of Object.keys(workflowsViewParsers) as (keyof typeof workflowsViewParsers)[]) {
    const value = raw[name];
    if (Array.isArray(value) && value.length > 1) {
      corrections.push({
        parameter: name,
        given: value.join(", "),
        message: `“${name}” appeared ${value.length} times; the first value was used.`,
      });
    }
  }

  const q = first("q");
  if (q !== undefined && q.trim() !== (view.q ?? "")) {
    const repairs: string[] = [];
    if (HAS_CONTROL_CHARACTER.test(q)) {
      repairs.push("its control characters (such as line breaks) were removed");
    }
    if (q.replace(CONTROL_CHARACTERS, "").trim().length > MAX_SEARCH_LENGTH) {
      repairs.push(`it was shortened to ${MAX_SEARCH_LENGTH} characters`);
    }
    corrections.push({
      parameter: "q",
      given: q,
      message: `The search was changed: ${repairs.join(", and ")}.`,
    });
  }

  const enabled = first("enabled");
  if (enabled !== undefined && enabled.trim() !== "" && view.enabled === null) {
    corrections.push({
      parameter: "enabled",
      given: enabled,
      message: `“${shorten(enabled)}” is not a state (true or false); showing enabled and disabled workflows.`,
    });
  }

  const entity = first("entity");
  if (entity !== undefined && entity.trim() !== "" && view.entity === null) {
    corrections.push({
      parameter: "entity",
      given: entity,
      message: `“${shorten(entity)}” is not an entity type (${entityTypes.join(", ")}); showing all entities.`,
    });
  }

  const page = first("page");
  if (page !== undefined && page.trim() !== String(view.page)) {
    corrections.push({
      parameter: "page",
      given: page,
      message: `Page “${shorten(page)}” is not a page number; showing page ${view.page}.`,
    });
  }

  const perPage = first("per_page");
  if (perPage !== undefined && perPage.trim() !== String(view.per_page)) {
    corrections.push({
      parameter: "per_page",
      given: perPage,
      message: `“${shorten(perPage)}” rows per page is not offered; showing ${view.per_page}.`,
    });
  }
  return corrections;
}

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
