import "server-only";
import { z } from "zod";
import { parseIsoInstant, toIsoSeconds } from "@/lib/format/iso-instant";
import { MAX_PAGE, MAX_PER_PAGE, MAX_SEARCH_LENGTH } from "@/lib/model/queries";
import { runStatuses } from "@/lib/model/run";
import { entityTypes } from "@/lib/model/workflow";

/**
 * The gateway's last check of every query before it becomes part of an upstream URL. Kept on the
 * server: zod is too heavy to ship to the browser for values the browser never sends directly.
 */
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
