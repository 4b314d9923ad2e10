/**
 * The query values Runboard may send to LeadLex, with their limits. The gateway, the route handlers
 * and the URL-state parsers all check against these, so a value the upstream would refuse never
 * leaves our server.
 */
import { z } from "zod";
import { parseIsoInstant, toIsoSeconds } from "@/lib/format/iso-instant";
import { runStatuses, type RunStatus } from "./run";
import { entityTypes, type EntityType } from "./workflow";

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
  /** ISO 8601 UTC instant, inclusive lower bound on `triggered_at`. */
  after: string | null;
}

export interface WorkflowsQuery {
  page: number;
  perPage: number;
  enabled: boolean | null;
  entity: EntityType | null;
  search: string | null;
}

const page = z.number().int().min(1).max(MAX_PAGE);
const perPage = z.number().int().min(1).max(MAX_PER_PAGE);

export const logsQuerySchema = z.object({
  page,
  perPage,
  status: z.enum(runStatuses).nullable(),
  after: z
    .string()
    .nullable()
    .transform((value, ctx) => {
      if (value === null) return null;
      const date = parseIsoInstant(value);
      if (date) return toIsoSeconds(date);
      ctx.addIssue({ code: "custom", message: "is not an ISO 8601 instant" });
      return z.NEVER;
    }),
});

/** Printable text only: no control characters reach the upstream's search. */
const searchText = z
  .string()
  .max(MAX_SEARCH_LENGTH)
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "contains control characters");

export const workflowsQuerySchema = z.object({
  page,
  perPage,
  enabled: z.boolean().nullable(),
  entity: z.enum(entityTypes).nullable(),
  search: searchText.nullable(),
});
