/**
 * The query values Runboard may send to LeadLex, with their limits. The gateway's schemas
 * (`lib/leadlex/query-schemas.ts`), the route handlers and the URL-state parsers all check against
 * these, so a value the upstream would refuse never leaves our server. Browser-safe: no zod here.
 */
import type { RunStatus } from "./run";
import type { EntityType } from "./workflow";

/** LeadLex's documented per_page ceiling. */
export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 25;
/** Far beyond any real workflow (wf_big has 40,000 pages of 25); stops absurd numbers early. */
export const MAX_PAGE = 10_000_000;
export const MAX_SEARCH_LENGTH = 100;

export interface LogsQuery {
  page: number;
  perPage: number;
  status: RunStatus | null;
  /**
   * Inclusive lower bound on `triggered_at`: an ISO 8601 UTC instant, or in a view's query a
   * rolling window (`-24h`) that `resolveAfterIn` turns into one as the request leaves. LeadLex,
   * our route handler and the gateway's schema only ever see the instant.
   */
  after: string | null;
}

export interface WorkflowsQuery {
  page: number;
  perPage: number;
  enabled: boolean | null;
  entity: EntityType | null;
  search: string | null;
}
